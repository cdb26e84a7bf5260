package org.requestslakehouse.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.job.LakehouseJob;
import org.requestslakehouse.replay.KinesisEventPublisher;
import org.requestslakehouse.replay.ReplayMode;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;
import org.requestslakehouse.testing.ExpectedLakehouse;
import org.requestslakehouse.testing.KinesaliteExtension;
import org.requestslakehouse.testing.KinesisTestRecord;
import org.requestslakehouse.testing.LakehouseAssertions;
import org.requestslakehouse.testing.Real311;
import org.requestslakehouse.testing.TestJobs;

/**
 * The production path on AWS, end to end against kinesalite: the replay tool publishes the real samples to a
 * three-shard stream, the whole job (through {@link LakehouseJob}, as {@code run --source kinesis} does) reads it,
 * and silver matches what the CSV source makes of the same files.
 */
class KinesisReplayIT {

    @RegisterExtension
    static final KinesaliteExtension KINESIS = new KinesaliteExtension();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = TestJobs.miniCluster();

    private static final String STREAM = "replay-three-shards";

    @Test
    void replayedSamplesReachSilverThroughAThreeShardStream(@TempDir Path tmp) throws Exception {
        List<Path> inputs = Real311.all();
        ExpectedLakehouse expected = ExpectedLakehouse.of(inputs);
        JobConfig fromCsv = TestJobs.config(tmp.resolve("csv"), TestJobs.csvSource(inputs));
        TestJobs.runBounded(fromCsv);

        KINESIS.createStream(STREAM, 3);
        JobConfig fromKinesis = TestJobs.config(tmp.resolve("kinesis"), kinesisSource());
        try (KinesisEventPublisher publisher =
                new KinesisEventPublisher(STREAM, KINESIS.region(), KINESIS.endpoint())) {
            Replays.publishAll(publisher, inputs, ReplayMode.SNAPSHOT, fromKinesis.parse());
        }
        List<KinesisTestRecord> published = KINESIS.readAll(STREAM);
        assertThat(published).hasSize(expected.rows());
        assertThat(published)
                .extracting(KinesisTestRecord::shardId)
                .containsOnly("shardId-000000000000", "shardId-000000000001", "shardId-000000000002");

        runUntilEverythingIsCommitted(fromKinesis, expected);

        List<Record> bronze = LakehouseAssertions.rows(fromKinesis.catalog(), LakehouseTable.RAW_EVENTS);
        assertThat(bronze)
                .extracting(r -> r.getField("source_partition") + "@" + r.getField("source_position"))
                .containsExactlyInAnyOrderElementsOf(published.stream()
                        .map(r -> r.shardId() + "@" + r.sequenceNumber())
                        .toList());
        assertThat(LakehouseAssertions.rows(fromKinesis.catalog(), LakehouseTable.REJECTED_EVENTS))
                .hasSize(expected.rejections().size());
        Set<String> sourceSpecific = Set.of("ingested_at", "source_ref");
        assertThat(LakehouseAssertions.comparable(
                        LakehouseAssertions.rows(fromKinesis.catalog(), LakehouseTable.SERVICE_REQUESTS),
                        sourceSpecific))
                .isEqualTo(LakehouseAssertions.comparable(
                        LakehouseAssertions.rows(fromCsv.catalog(), LakehouseTable.SERVICE_REQUESTS), sourceSpecific))
                .hasSize(expected.validRequests().size());
    }

    /** The Kinesis source never ends: run until bronze, silver and the quarantine hold every event, then cancel. */
    private static void runUntilEverythingIsCommitted(JobConfig config, ExpectedLakehouse expected) throws Exception {
        JobClient job = TestJobs.start(config);
        try {
            TestJobs.awaitWhileRunning(
                    job, "every replayed event committed", Duration.ofMinutes(3), () -> committed(config, expected));
        } finally {
            TestJobs.cancelAndAwait(job);
        }
    }

    private static boolean committed(JobConfig config, ExpectedLakehouse expected) {
        return LakehouseAssertions.rows(config.catalog(), LakehouseTable.RAW_EVENTS)
                                .size()
                        >= expected.rows()
                && LakehouseAssertions.rows(config.catalog(), LakehouseTable.SERVICE_REQUESTS)
                                .size()
                        >= expected.validRequests().size()
                && LakehouseAssertions.rows(config.catalog(), LakehouseTable.REJECTED_EVENTS)
                                .size()
                        >= expected.rejections().size();
    }

    private static Map<String, String> kinesisSource() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("source.type", "kinesis");
        settings.put("kinesis.stream", STREAM);
        settings.put("kinesis.region", KINESIS.region());
        settings.put("kinesis.endpoint", KINESIS.endpoint());
        settings.put("kinesis.initial-position", "TRIM_HORIZON");
        return settings;
    }
}
