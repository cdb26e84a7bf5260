package org.requestslakehouse.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium driven through Debian's own chromium and chromedriver packages. Selenium Manager never
 * runs: both executables are given explicitly, so nothing is downloaded at test time. A machine without them
 * fails the test with the install command; a browser test that skipped silently would prove nothing.
 */
public final class SystemChromium {
    public static final Path BROWSER = Paths.get("/usr/bin/chromium");
    public static final Path DRIVER = Paths.get("/usr/bin/chromedriver");
    public static final String INSTALL = "apt-get install -y chromium chromium-driver";

    private SystemChromium() {}

    /** @param profile a fresh, empty directory for the browser's profile */
    public static ChromeDriver start(Path profile, int width, int height) {
        for (Path executable : new Path[] {BROWSER, DRIVER}) {
            if (!Files.isExecutable(executable)) {
                throw new AssertionError(executable
                        + " is missing: the dashboard's browser test drives Debian's Chromium. Install it with: "
                        + INSTALL + " (.ci/run does this on CI)");
            }
        }
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        // Root in a container has no user namespace for Chromium's sandbox; the rest keeps a CI browser from
        // reaching out to Google services or updating itself mid-run.
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        // A loaded two-core machine can take long to render the first page.
        driver.manage().timeouts().pageLoadTimeout(Duration.ofMinutes(2)).scriptTimeout(Duration.ofMinutes(1));
        return driver;
    }
}
