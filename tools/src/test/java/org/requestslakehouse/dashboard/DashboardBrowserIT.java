package org.requestslakehouse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.requestslakehouse.config.ConfigLoader;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.generate.GeneratorSettings;
import org.requestslakehouse.generate.Layout;
import org.requestslakehouse.generate.ProgressListener;
import org.requestslakehouse.generate.RequestCsvWriter;
import org.requestslakehouse.job.JobEnvironments;
import org.requestslakehouse.job.LakehouseJob;
import org.requestslakehouse.lifecycle.CaseDimensions;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;
import org.requestslakehouse.testing.LakehouseAssertions;
import org.requestslakehouse.testing.SystemChromium;

/**
 * The dashboard end to end: the job runs on generated data into a fresh warehouse, the dashboard serves it, and
 * a real headless Chromium loads the page, applies a filter through the UI and reads what the charts now draw.
 * Every expected number is computed here from the tables themselves, not through the dashboard's code.
 */
class DashboardBrowserIT {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    private static final ZoneId BOSTON = ZoneId.of("America/New_York");
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 3, 1);
    private static final int DAYS = 14;
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Duration PAGE_TIMEOUT = Duration.ofMinutes(3);
    private static final Path SCREENSHOT = Paths.get("tools", "target", "dashboard.png");

    @TempDir
    static Path tmp;

    private static JobConfig config;
    private static DashboardServer server;
    private static List<Record> hourlyRows;
    private static List<Record> silverRows;

    @BeforeAll
    static void runTheJobAndStartTheDashboard() throws Exception {
        Path csv = tmp.resolve("generated.csv");
        RequestCsvWriter.write(
                csv,
                Layout.CURRENT_2025,
                3_000,
                new GeneratorSettings(11, FIRST_DAY, DAYS, true),
                false,
                ProgressListener.NONE);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("source.csv.paths", csv.toString());
        settings.put("catalog.warehouse", tmp.resolve("warehouse").toString());
        settings.put("job.checkpoint-interval", "1 s");
        settings.put("gold.emit-interval", "500 ms");
        config = ConfigLoader.load(null, settings);

        Configuration flink = new Configuration();
        flink.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env =
                JobEnvironments.configurePipeline(StreamExecutionEnvironment.getExecutionEnvironment(flink));
        env.setParallelism(2);
        env.enableCheckpointing(config.runtime().checkpointInterval().toMillis());
        LakehouseJob.run(env, config);

        hourlyRows = LakehouseAssertions.rows(config.catalog(), LakehouseTable.REQUESTS_HOURLY);
        silverRows = LakehouseAssertions.rows(config.catalog(), LakehouseTable.SERVICE_REQUESTS);
        server = DashboardServer.start(config.catalog(), BOSTON, 0, 2);
    }

    @AfterAll
    static void stopTheDashboard() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aNeighborhoodChosenInThePageNarrowsEveryChartToExactlyThatNeighborhood() throws Exception {
        ChromeDriver browser = SystemChromium.start(tmp.resolve("chromium-profile"), 1400, 1800);
        try {
            long navigationStart = System.nanoTime();
            browser.get(server.url().toString());
            long firstVersion = awaitLoad(browser, 0);
            System.out.printf(
                    Locale.ROOT,
                    "dashboard: first full page load (HTML, Chart.js, 6 API calls, render) in %d ms%n",
                    (System.nanoTime() - navigationStart) / 1_000_000);

            LocalDate from =
                    LocalDate.parse(browser.findElement(By.id("filter-from")).getDomProperty("value"));
            LocalDate to =
                    LocalDate.parse(browser.findElement(By.id("filter-to")).getDomProperty("value"));
            LocalDate firstOpened = silverRows.stream()
                    .map(r -> localDate(r.getField("open_ts")))
                    .min(Comparator.naturalOrder())
                    .orElseThrow();
            LocalDate lastOpened = silverRows.stream()
                    .map(r -> localDate(r.getField("open_ts")))
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
            assertThat(to).isEqualTo(lastOpened);
            assertThat(from)
                    .isEqualTo(Collections.max(
                            List.of(firstOpened, lastOpened.minusDays(GoldQueries.DEFAULT_RANGE_DAYS - 1))));

            Map<String, Object> everywhere = chartData(browser);
            assertThat(everywhere.get("hourlyLabels")).isEqualTo(labels(from, to));
            assertThat(everywhere.get("opened")).isEqualTo(hourlySeries(from, to, null, "opened"));
            assertThat(everywhere.get("closed")).isEqualTo(hourlySeries(from, to, null, "closed"));
            assertThat(everywhere.get("backlog")).isEqualTo(backlog(from, to, null));
            assertThat(everywhere.get("onTimeSource")).isEqualTo("from gold.sla_daily · " + from + " to " + to);

            String neighborhood = busiestNeighborhood();
            new Select(browser.findElement(By.id("filter-neighborhood"))).selectByValue(neighborhood);
            awaitFilter(browser, firstVersion, neighborhood);
            Map<String, Object> narrowed = chartData(browser);

            List<Long> opened = hourlySeries(from, to, neighborhood, "opened");
            assertThat(narrowed.get("opened")).isEqualTo(opened).isNotEqualTo(everywhere.get("opened"));
            assertThat(narrowed.get("closed")).isEqualTo(hourlySeries(from, to, neighborhood, "closed"));
            assertThat(narrowed.get("backlog")).isEqualTo(backlog(from, to, neighborhood));
            assertThat(narrowed.get("hourlySource")).isEqualTo("from gold.requests_hourly · " + from + " to " + to);
            // sla_daily has no neighborhood column: the page must say the numbers now come from silver.
            assertThat(narrowed.get("onTimeSource")).isEqualTo("from silver.service_requests · " + from + " to " + to);
            Map<String, Double> onTime = onTimePercentFromSilver(from, to, neighborhood);
            assertThat(narrowed.get("onTimeLabels")).isEqualTo(new ArrayList<>(onTime.keySet()));
            assertThat(doubles(narrowed.get("onTime"))).isEqualTo(new ArrayList<>(onTime.values()));
            assertThat(doubles(narrowed.get("onTime"))).isNotEqualTo(doubles(everywhere.get("onTime")));
            assertThat(narrowed.get("neighborhoodRows"))
                    .isEqualTo(List.of(List.of(
                            neighborhood,
                            String.format(
                                    Locale.US,
                                    "%,d",
                                    opened.stream().mapToLong(Long::longValue).sum()))));

            Files.createDirectories(SCREENSHOT.getParent());
            Files.copy(
                    browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
            assertThat(SCREENSHOT).isNotEmptyFile();
        } finally {
            browser.quit();
        }
    }

    @Test
    void theCaseApiAnswersWithTheSilverRowOrAJsonError() throws Exception {
        // HTTP/1.1 as a browser speaks to this server; the default h2c upgrade attempt only adds latency here.
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Record someCase = silverRows.get(silverRows.size() / 2);
        long id = (Long) someCase.getField("case_enquiry_id");

        HttpResponse<String> found = get(http, "/api/cases/" + id);
        assertThat(found.statusCode()).isEqualTo(200);
        JsonNode row = new ObjectMapper().readTree(found.body());
        assertThat(row.get("case_enquiry_id").asLong()).isEqualTo(id);
        assertThat(row.get("open_ts").asText())
                .isEqualTo(someCase.getField("open_ts").toString());
        assertThat(row.get("type").asText()).isEqualTo(someCase.getField("type"));

        HttpResponse<String> unknown = get(http, "/api/cases/1");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"status\":404,\"error\":\"No case 1 in silver.service_requests\"}");
        HttpResponse<String> malformed = get(http, "/api/cases/12%27%20OR%201=1");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");

        for (String endpoint : List.of(
                "/api/filters",
                "/api/gold/hourly",
                "/api/gold/on-time",
                "/api/gold/resolution",
                "/api/gold/neighborhoods",
                "/api/gold/completeness",
                "/api/cases/" + id)) {
            long[] millis = new long[5];
            for (int i = 0; i < millis.length; i++) {
                long start = System.nanoTime();
                assertThat(get(http, endpoint).statusCode()).as(endpoint).isEqualTo(200);
                millis[i] = (System.nanoTime() - start) / 1_000_000;
            }
            Arrays.sort(millis);
            System.out.printf(
                    Locale.ROOT,
                    "dashboard: %-24s median %d ms, max %d ms (5 calls; the first may read the tables)%n",
                    endpoint,
                    millis[2],
                    millis[4]);
        }
    }

    private static HttpResponse<String> get(HttpClient http, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(server.url().resolve(path))
                        .timeout(Duration.ofMinutes(1))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Waits until the page has finished a load after {@code previousVersion}; returns the new version. */
    private static long awaitLoad(ChromeDriver browser, long previousVersion) {
        new WebDriverWait(browser, PAGE_TIMEOUT).until(b -> version(b) > previousVersion);
        assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-state"))
                .as(
                        "page state; error box says: %s",
                        browser.findElement(By.id("error")).getText())
                .isEqualTo("ready");
        return version(browser);
    }

    private static void awaitFilter(ChromeDriver browser, long previousVersion, String neighborhood) {
        new WebDriverWait(browser, PAGE_TIMEOUT)
                .until(b -> version(b) > previousVersion
                        && neighborhood.equals(((JavascriptExecutor) b)
                                .executeScript("return window.__dashboard.filter.neighborhood")));
    }

    private static long version(org.openqa.selenium.WebDriver browser) {
        return Long.parseLong(browser.findElement(By.tagName("body")).getDomAttribute("data-version"));
    }

    /** What the Chart.js instances and the table hold right now: the drawn data, not the fetched JSON. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> chartData(ChromeDriver browser) {
        return (Map<String, Object>) browser.executeScript("const data = id => Chart.getChart(id).data;"
                + "return {"
                + " hourlyLabels: data('chart-hourly').labels,"
                + " opened: data('chart-hourly').datasets[0].data,"
                + " closed: data('chart-hourly').datasets[1].data,"
                + " backlog: data('chart-backlog').datasets[0].data,"
                + " onTimeLabels: data('chart-on-time').labels,"
                + " onTime: data('chart-on-time').datasets[0].data,"
                + " hourlySource: document.getElementById('source-hourly').textContent,"
                + " onTimeSource: document.getElementById('source-on-time').textContent,"
                + " neighborhoodRows: Array.from(document.querySelectorAll('#neighborhoods tbody tr'))"
                + "   .map(tr => [tr.cells[0].textContent, tr.cells[1].textContent])"
                + "};");
    }

    private static List<String> labels(LocalDate from, LocalDate to) {
        List<String> labels = new ArrayList<>();
        for (Instant hour : hours(from, to)) {
            labels.add(LABEL.format(hour.atZone(BOSTON)));
        }
        return labels;
    }

    private static List<Instant> hours(LocalDate from, LocalDate to) {
        List<Instant> hours = new ArrayList<>();
        Instant end = to.plusDays(1).atStartOfDay(BOSTON).toInstant();
        for (Instant h = from.atStartOfDay(BOSTON).toInstant(); h.isBefore(end); h = h.plus(1, ChronoUnit.HOURS)) {
            hours.add(h);
        }
        return hours;
    }

    /** The column summed over gold.requests_hourly's rows per hour of the range, optionally for one neighborhood. */
    private static List<Long> hourlySeries(LocalDate from, LocalDate to, String neighborhood, String column) {
        Map<Instant, Long> byHour = new TreeMap<>();
        for (Record r : hourlyRows) {
            if (neighborhood == null || neighborhood.equals(r.getField("neighborhood"))) {
                byHour.merge(instant(r.getField("window_start")), (Long) r.getField(column), Long::sum);
            }
        }
        return hours(from, to).stream().map(h -> byHour.getOrDefault(h, 0L)).toList();
    }

    /** Cases opened minus cases closed in every hour up to the end of each hour of the range. */
    private static List<Long> backlog(LocalDate from, LocalDate to, String neighborhood) {
        List<Long> backlog = new ArrayList<>();
        for (Instant hour : hours(from, to)) {
            Instant end = hour.plus(1, ChronoUnit.HOURS);
            long open = 0;
            for (Record r : hourlyRows) {
                if ((neighborhood == null || neighborhood.equals(r.getField("neighborhood")))
                        && instant(r.getField("window_start")).isBefore(end)) {
                    open += (Long) r.getField("opened") - (Long) r.getField("closed");
                }
            }
            backlog.add(open);
        }
        return backlog;
    }

    /**
     * Per department with a case of the neighborhood opened or closed in the range, the on-time share of those
     * closed in it, in percent with one decimal as the chart shows it, straight from silver's rows.
     */
    private static Map<String, Double> onTimePercentFromSilver(LocalDate from, LocalDate to, String neighborhood) {
        Map<String, long[]> byDepartment = new TreeMap<>();
        for (Record r : silverRows) {
            if (!neighborhood.equals(CaseDimensions.normalise((String) r.getField("neighborhood")))) {
                continue;
            }
            String department = CaseDimensions.normalise((String) r.getField("department"));
            if (within(localDate(r.getField("open_ts")), from, to)) {
                byDepartment.computeIfAbsent(department, d -> new long[2]);
            }
            Object closedTs = r.getField("closed_ts");
            if (closedTs != null && within(localDate(closedTs), from, to)) {
                long[] counts = byDepartment.computeIfAbsent(department, d -> new long[2]);
                Boolean onTime = (Boolean) r.getField("closed_on_time");
                if (Boolean.TRUE.equals(onTime)) {
                    counts[0]++;
                } else if (Boolean.FALSE.equals(onTime)) {
                    counts[1]++;
                }
            }
        }
        Map<String, Double> percent = new LinkedHashMap<>();
        byDepartment.forEach((department, c) -> percent.put(
                department, c[0] + c[1] == 0 ? null : Math.round((double) c[0] / (c[0] + c[1]) * 1000) / 10.0));
        return percent;
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** Selenium hands back whole JavaScript numbers as Long and the others as Double. */
    private static List<Double> doubles(Object chartValues) {
        return ((List<?>) chartValues)
                .stream()
                        .map(v -> v == null ? null : ((Number) v).doubleValue())
                        .toList();
    }

    private static String busiestNeighborhood() {
        Map<String, Long> opened = new TreeMap<>();
        for (Record r : hourlyRows) {
            opened.merge((String) r.getField("neighborhood"), (Long) r.getField("opened"), Long::sum);
        }
        return opened.entrySet().stream()
                .filter(e -> !e.getKey().equals(CaseDimensions.UNKNOWN))
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
    }

    private static Instant instant(Object timestamptz) {
        return ((OffsetDateTime) timestamptz).toInstant();
    }

    private static LocalDate localDate(Object timestamptz) {
        return instant(timestamptz).atZone(BOSTON).toLocalDate();
    }
}
