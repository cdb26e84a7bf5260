package org.requestslakehouse.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.generate.GeneratorSettings;
import org.requestslakehouse.generate.Layout;
import org.requestslakehouse.generate.ProgressListener;
import org.requestslakehouse.generate.RequestCsvWriter;
import org.requestslakehouse.replay.KafkaEventPublisher;
import org.requestslakehouse.replay.ReplayMode;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;
import org.requestslakehouse.testing.KafkaBrokerExtension;
import org.requestslakehouse.testing.LakehouseAssertions;
import org.requestslakehouse.testing.Real311;
import org.requestslakehouse.testing.TestJobs;
import org.requestslakehouse.verify.GoldVerifier;

/**
 * The replay tool's two modes, through a real Kafka broker into the job, must give the same gold as each other
 * and as the CSV source, equal to verify's recomputation, with every window final at the end. Input: the three
 * real samples plus generated data in the fourth (2024 system) layout.
 */
class ReplayModesIT {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = TestJobs.miniCluster();

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @TempDir
    static Path tmp;

    private static List<Path> inputs;

    @BeforeAll
    static void inputs() throws Exception {
        Path generated = tmp.resolve("generated-system-2024.csv");
        RequestCsvWriter.write(
                generated, Layout.SYSTEM_2024, 3_000, GeneratorSettings.defaults(7), false, ProgressListener.NONE);
        // Chronological, as a user replays history: a stream that jumps back further than the allowed lateness
        // (180 days) makes late corrections by design, and verify would rightly report them.
        inputs = List.of(
                Real311.file(Real311.SOCRATA_2011),
                Real311.file(Real311.CKAN_2022),
                generated,
                Real311.file(Real311.CURRENT_2025_DAMAGED));
    }

    @Test
    void snapshotAndLifecycleReplaysGiveTheSameGoldAsTheCsvSource() throws Exception {
        JobConfig fromCsv = TestJobs.config(tmp.resolve("csv"), TestJobs.csvSource(inputs));
        TestJobs.runBounded(fromCsv);
        JobConfig snapshot = replayAndRun(ReplayMode.SNAPSHOT);
        JobConfig lifecycle = replayAndRun(ReplayMode.LIFECYCLE);

        for (JobConfig config : List.of(fromCsv, snapshot, lifecycle)) {
            assertThat(GoldVerifier.verify(config, System.out)).isTrue();
            assertAllWindowsFinal(config);
        }
        Set<String> emissionTime = Set.of("updated_at");
        for (LakehouseTable gold : List.of(LakehouseTable.REQUESTS_HOURLY, LakehouseTable.SLA_DAILY)) {
            Set<Map<String, Object>> expected =
                    LakehouseAssertions.comparable(LakehouseAssertions.rows(fromCsv.catalog(), gold), emissionTime);
            assertThat(expected).isNotEmpty();
            assertThat(LakehouseAssertions.comparable(LakehouseAssertions.rows(snapshot.catalog(), gold), emissionTime))
                    .isEqualTo(expected);
            assertThat(LakehouseAssertions.comparable(
                            LakehouseAssertions.rows(lifecycle.catalog(), gold), emissionTime))
                    .isEqualTo(expected);
        }
        // The envelope differs by mode (lifecycle events carry event_type and emitted_at); the cases do not.
        Set<String> envelope = Set.of("ingested_at", "source_ref", "event_type", "emitted_at", "event_ts", "dq_flags");
        Set<Map<String, Object>> silver = LakehouseAssertions.comparable(
                LakehouseAssertions.rows(fromCsv.catalog(), LakehouseTable.SERVICE_REQUESTS), envelope);
        assertThat(LakehouseAssertions.comparable(
                        LakehouseAssertions.rows(snapshot.catalog(), LakehouseTable.SERVICE_REQUESTS), envelope))
                .isEqualTo(silver);
        assertThat(LakehouseAssertions.comparable(
                        LakehouseAssertions.rows(lifecycle.catalog(), LakehouseTable.SERVICE_REQUESTS), envelope))
                .isEqualTo(silver);
    }

    private static JobConfig replayAndRun(ReplayMode mode) throws Exception {
        String topic = "replay-" + mode.name().toLowerCase();
        KAFKA.createTopic(topic, 2);
        JobConfig config =
                TestJobs.config(tmp.resolve(topic), TestJobs.boundedKafkaSource(KAFKA.bootstrapServers(), topic));
        try (KafkaEventPublisher publisher =
                new KafkaEventPublisher(KAFKA.bootstrapServers(), topic, new Properties())) {
            Replays.publishAll(publisher, inputs, mode, config.parse());
        }
        TestJobs.runBounded(config);
        return config;
    }

    /** A bounded run ends with each gold table complete through the end of its last window. */
    private static void assertAllWindowsFinal(JobConfig config) {
        Map<String, OffsetDateTime> completeThrough =
                LakehouseAssertions.rows(config.catalog(), LakehouseTable.WATERMARKS).stream()
                        .collect(Collectors.toMap(r -> (String) r.getField("table_name"), r ->
                                (OffsetDateTime) r.getField("complete_through")));
        OffsetDateTime lastHour = LakehouseAssertions.rows(config.catalog(), LakehouseTable.REQUESTS_HOURLY).stream()
                .map(r -> (OffsetDateTime) r.getField("window_start"))
                .max(OffsetDateTime::compareTo)
                .orElseThrow();
        assertThat(completeThrough.keySet()).containsExactlyInAnyOrder("requests_hourly", "sla_daily");
        assertThat(completeThrough.get("requests_hourly")).isEqualTo(lastHour.plusHours(1));
        List<Record> daily = LakehouseAssertions.rows(config.catalog(), LakehouseTable.SLA_DAILY);
        assertThat(completeThrough.get("sla_daily"))
                .isAfterOrEqualTo(lastHour.plusHours(1).minusDays(1));
        assertThat(daily).isNotEmpty();
    }
}
