package org.requestslakehouse.testing;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * The real Boston extracts kept as fixtures in job/src/test/resources/real311 (see its README.md). Tests hand them to the
 * job as files, so they are resolved on disk: surefire passes the directory as real311.dir.
 */
public final class Real311 {
    public static final String SOCRATA_2011 = "boston311_2011_layout-socrata.csv";
    public static final String CKAN_2022 = "boston311_2022_layout-ckan.csv";
    public static final String CURRENT_2025_DAMAGED = "boston311_2025_layout-current_damaged.csv";

    private Real311() {}

    public static Path file(String name) {
        String dir = System.getProperty("real311.dir");
        return (dir != null ? Paths.get(dir) : Paths.get("job/src/test/resources/real311"))
                .resolve(name)
                .toAbsolutePath()
                .normalize();
    }

    public static List<Path> all() {
        return List.of(file(SOCRATA_2011), file(CKAN_2022), file(CURRENT_2025_DAMAGED));
    }
}
