package org.requestslakehouse.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {
    /** The keys issue 7 asks the JSON to have, as paths. */
    static final List<String> REQUIRED_KEYS = List.of(
            "events",
            "floor.events_per_s",
            "job.events_per_s",
            "job.cpu_s_per_million",
            "job_no_gold.events_per_s",
            "peer.events_per_s",
            "peer.cpu_s_per_million",
            "sql_peer.events_per_s",
            "sql_peer.cpu_s_per_million",
            "sql_peer.rows.silver.service_requests",
            "freshness.silver_p99_s",
            "freshness.gold_p99_s",
            "job.peak_rss_mib");

    private static final Map<String, Long> ROWS = rows();

    private static final BenchSettings SETTINGS = new BenchSettings(
            1_000_000,
            42,
            Duration.ofSeconds(10),
            "rocksdb",
            "512m",
            2,
            0.5,
            Duration.ofSeconds(60),
            EnumSet.allOf(BenchSettings.Part.class),
            1,
            "1g",
            List.of(),
            List.of(),
            List.of(),
            Path.of("target/bench-peer"),
            Path.of("/tmp/bench"));

    private static final BenchResult RESULT = new BenchResult(
            Instant.parse("2026-11-23T04:00:00Z"),
            "test machine",
            SETTINGS,
            new RunResult(1_000_000, 10.0, 12.0, 1.0, 500L << 20, null),
            new RunResult(1_000_000, 20.0, 30.0, 2.0, 1200L << 20, 250.0),
            new RunResult(1_000_000, 16.0, 24.0, 2.0, 1100L << 20, 180.0),
            new RunResult(1_000_000, 25.0, 40.0, 3.0, 700L << 20, null),
            new RunResult(1_000_000, 40.0, 80.0, 3.0, 900L << 20, 300.0, ROWS),
            new FreshnessResult(25_000, 1_000_000, 750_000, 5.5, 11.2, 6.0, 12.5, 0),
            Map.of());

    private static Map<String, Long> rows() {
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("bronze.raw_events", 1_000_000L);
        rows.put("silver.service_requests", 537_634L);
        rows.put("gold.requests_hourly", 61_202L);
        rows.put("gold.sla_daily", 48_311L);
        return rows;
    }

    @Test
    void jsonHasEveryKeyTheIssueAsksFor() {
        JsonNode json = BenchReport.json(RESULT);

        for (String key : REQUIRED_KEYS) {
            // Table names hold a dot themselves: the rows' keys are one level below "rows".
            String path = key.startsWith("sql_peer.rows.")
                    ? "/sql_peer/rows/" + key.substring("sql_peer.rows.".length())
                    : "/" + key.replace('.', '/');
            assertThat(json.at(path).isNumber()).as(key).isTrue();
        }
    }

    @Test
    void jsonHasTheSqlPeersFiguresAndRowsPerTable() {
        JsonNode json = BenchReport.json(RESULT);

        assertThat(json.at("/sql_peer/events_per_s").asDouble()).isEqualTo(25_000.0);
        assertThat(json.at("/sql_peer/cpu_s_per_million").asDouble()).isEqualTo(80.0);
        assertThat(json.at("/sql_peer/ratio_to_floor").asDouble()).isEqualTo(0.25);
        assertThat(json.at("/sql_peer/ratio_to_peer").asDouble()).isEqualTo(0.5);
        assertThat(json.at("/sql_peer/state_bytes_per_case").asDouble()).isEqualTo(300.0);
        JsonNode rows = json.at("/sql_peer/rows");
        assertThat(rows.size()).isEqualTo(4);
        assertThat(rows.fieldNames())
                .toIterable()
                .containsExactly(
                        "bronze.raw_events", "silver.service_requests", "gold.requests_hourly", "gold.sla_daily");
        assertThat(rows.get("bronze.raw_events").asLong()).isEqualTo(1_000_000);
        assertThat(rows.get("silver.service_requests").asLong()).isEqualTo(537_634);
        assertThat(rows.get("gold.requests_hourly").asLong()).isEqualTo(61_202);
        assertThat(rows.get("gold.sla_daily").asLong()).isEqualTo(48_311);
        assertThat(json.at("/job/rows").isMissingNode()).isTrue();
    }

    @Test
    void jsonFiguresAreDerivedFromTheMeasurements() {
        JsonNode json = BenchReport.json(RESULT);

        assertThat(json.at("/events").asLong()).isEqualTo(1_000_000);
        assertThat(json.at("/floor/events_per_s").asDouble()).isEqualTo(100_000.0);
        assertThat(json.at("/job/events_per_s").asDouble()).isEqualTo(50_000.0);
        assertThat(json.at("/job/cpu_s_per_million").asDouble()).isEqualTo(30.0);
        assertThat(json.at("/job/broker_cpu_s_per_million").asDouble()).isEqualTo(2.0);
        assertThat(json.at("/job/ratio_to_floor").asDouble()).isEqualTo(0.5);
        // 1e6/30 events per CPU-second against the peer's 1e6/40
        assertThat(json.at("/job/ratio_to_peer").asDouble()).isCloseTo(40.0 / 30.0, within(1e-12));
        assertThat(json.at("/job/peak_rss_mib").asDouble()).isEqualTo(1200.0);
        assertThat(json.at("/job/state_bytes_per_case").asDouble()).isEqualTo(250.0);
        assertThat(json.at("/floor/state_bytes_per_case").isMissingNode()).isTrue();
        assertThat(json.at("/peer/cpu_s_per_million").asDouble()).isEqualTo(40.0);
        assertThat(json.at("/freshness/silver_p99_s").asDouble()).isEqualTo(11.2);
        assertThat(json.at("/freshness/gold_p99_s").asDouble()).isEqualTo(12.5);
        assertThat(json.at("/settings/checkpoint_interval_s").asDouble()).isEqualTo(10.0);
        assertThat(json.at("/date").asText()).isEqualTo("2026-11-23T04:00:00Z");
    }

    @Test
    void partsNotRunAreLeftOut() {
        BenchResult jobOnly = new BenchResult(
                RESULT.finishedAt(), "m", SETTINGS, null, RESULT.job(), null, null, null, null, Map.of());

        JsonNode json = BenchReport.json(jobOnly);

        assertThat(json.has("floor")).isFalse();
        assertThat(json.has("freshness")).isFalse();
        assertThat(json.at("/job/ratio_to_floor").isMissingNode()).isTrue();
        assertThat(BenchReport.table(jobOnly).lines().toList()).hasSize(2);
    }

    @Test
    void tableHasALinePerRunWithTheFreshnessOnTheJobsLine() {
        List<String> lines = BenchReport.table(RESULT).lines().toList();

        assertThat(lines).hasSize(7);
        assertThat(lines.get(0))
                .startsWith("run")
                .contains("events/s", "x floor", "x peer", "freshness p50/p99", "peak RSS");
        assertThat(lines.get(1)).startsWith("floor").contains("100,000", "12.0", "1.00", "500 MiB");
        assertThat(lines.get(2))
                .startsWith("job ")
                .contains("50,000", "30.0", "0.50", "1.33", "silver 5.5/11.2 gold 6.0/12.5", "1,200 MiB", "250 B");
        assertThat(lines.get(3)).startsWith("job_no_gold").contains("62,500");
        assertThat(lines.get(4)).startsWith("peer ").contains("40,000", "40.0", "1.00", "700 MiB");
        assertThat(lines.get(5)).startsWith("sql_peer ").contains("25,000", "80.0", "0.25", "0.50", "900 MiB", "300 B");
        assertThat(lines.get(6))
                .isEqualTo("rows of sql_peer: bronze.raw_events 1,000,000, silver.service_requests 537,634, "
                        + "gold.requests_hourly 61,202, gold.sla_daily 48,311");
    }

    @Test
    void repeatedRunsReportTheirMediansAndEveryRun() {
        List<RunResult> jobRuns = List.of(
                new RunResult(1_000_000, 20.0, 30.0, 2.0, 1200L << 20, 250.0),
                new RunResult(1_000_000, 25.0, 45.0, 3.0, 1300L << 20, 260.0),
                new RunResult(1_000_000, 16.0, 28.0, 1.0, 1100L << 20, 240.0));
        BenchSettings threeRounds = new BenchSettings(
                SETTINGS.events(),
                SETTINGS.seed(),
                SETTINGS.checkpointInterval(),
                SETTINGS.stateBackend(),
                SETTINGS.managedMemory(),
                SETTINGS.parallelism(),
                SETTINGS.freshnessRateShare(),
                SETTINGS.freshnessDuration(),
                EnumSet.of(BenchSettings.Part.JOB),
                3,
                SETTINGS.childHeap(),
                SETTINGS.jobJvmOptions(),
                SETTINGS.jobSettings(),
                SETTINGS.flinkSettings(),
                SETTINGS.peerClasspath(),
                SETTINGS.workDir());
        BenchResult repeated = new BenchResult(
                RESULT.finishedAt(),
                "m",
                threeRounds,
                null,
                RunResult.median("job", jobRuns),
                null,
                null,
                null,
                null,
                Map.of("job", jobRuns));

        JsonNode json = BenchReport.json(repeated);

        assertThat(json.at("/settings/repeat").asInt()).isEqualTo(3);
        assertThat(json.at("/job/seconds").asDouble()).isEqualTo(20.0);
        assertThat(json.at("/job/cpu_s_per_million").asDouble()).isEqualTo(30.0);
        assertThat(json.at("/job/state_bytes_per_case").asDouble()).isEqualTo(250.0);
        JsonNode runs = json.at("/job/runs");
        assertThat(runs.size()).isEqualTo(3);
        assertThat(runs.get(1).get("cpu_s_per_million").asDouble()).isEqualTo(45.0);
        assertThat(runs.get(2).get("events_per_s").asDouble()).isEqualTo(62_500.0);
        assertThat(runs.get(0).has("ratio_to_floor")).isFalse();
        assertThat(BenchReport.json(RESULT).at("/job/runs").isMissingNode()).isTrue();
    }

    @Test
    void writesTheJsonFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out/bench.json");

        BenchReport.writeJson(RESULT, file);

        // Compared as text: read back, 1000000 is an int node where the report holds a long.
        assertThat(new ObjectMapper().readTree(file.toFile()).toString())
                .isEqualTo(BenchReport.json(RESULT).toString());
    }
}
