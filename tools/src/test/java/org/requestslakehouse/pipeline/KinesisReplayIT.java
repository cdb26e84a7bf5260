package org.requestslakehouse.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.job.JobEnvironments;
import org.requestslakehouse.job.LakehouseJob;
import org.requestslakehouse.progress.ProgressReporter;
import org.requestslakehouse.replay.KinesisEventPublisher;
import org.requestslakehouse.replay.Pacer;
import org.requestslakehouse.replay.PacingClock;
import org.requestslakehouse.replay.ReplayEventStream;
import org.requestslakehouse.replay.ReplayFilter;
import org.requestslakehouse.replay.ReplayMode;
import org.requestslakehouse.replay.Replayer;
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
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    private static final String STREAM = "replay-three-shards";

    @Test
    void replayedSamplesReachSilverThroughAThreeShardStream(@TempDir Path tmp) throws Exception {
        List<Path> inputs = Real311.all();
        ExpectedLakehouse expected = ExpectedLakehouse.of(inputs);
        JobConfig fromCsv = LakehousePipelineIT.config(
                tmp.resolve("csv"),
                Map.of("source.csv.paths", inputs.stream().map(Path::toString).collect(Collectors.joining(","))));
        LakehousePipelineIT.runBounded(fromCsv);

        KINESIS.createStream(STREAM, 3);
        JobConfig fromKinesis = LakehousePipelineIT.config(tmp.resolve("kinesis"), kinesisSource());
        try (KinesisEventPublisher publisher =
                new KinesisEventPublisher(STREAM, KINESIS.region(), KINESIS.endpoint())) {
            new Replayer(new Pacer(PacingClock.SYSTEM, 0, 0), publisher, 0, false)
                    .run(
                            () -> new ReplayEventStream(
                                    inputs, ReplayMode.SNAPSHOT, ReplayFilter.ALL, fromKinesis.parse()),
                            new ProgressReporter(
                                    "replay",
                                    "events",
                                    -1,
                                    new PrintWriter(System.err, true),
                                    false,
                                    Duration.ofSeconds(60),
                                    System::nanoTime));
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
                .hasSize(expected.validCaseIds().size());
    }

    /** The Kinesis source never ends: run until bronze, silver and the quarantine hold every event, then cancel. */
    private static void runUntilEverythingIsCommitted(JobConfig config, ExpectedLakehouse expected) throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env =
                JobEnvironments.configurePipeline(StreamExecutionEnvironment.getExecutionEnvironment(conf));
        env.setParallelism(2);
        env.enableCheckpointing(config.runtime().checkpointInterval().toMillis());
        LakehouseJob.define(env, config);
        JobClient job = env.executeAsync("kinesis-replay");
        try {
            await("every replayed event committed")
                    .atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> committed(job, config, expected));
        } finally {
            TestJobs.cancelAndAwait(job);
        }
    }

    /** Fails at once with the job's own error instead of waiting out the timeout when the job died. */
    private static boolean committed(JobClient job, JobConfig config, ExpectedLakehouse expected) throws Exception {
        if (job.getJobStatus().get().isGloballyTerminalState()) {
            job.getJobExecutionResult().get();
            throw new AssertionError("The unbounded Kinesis job ended by itself");
        }
        return LakehouseAssertions.rows(config.catalog(), LakehouseTable.RAW_EVENTS)
                                .size()
                        >= expected.rows()
                && LakehouseAssertions.rows(config.catalog(), LakehouseTable.SERVICE_REQUESTS)
                                .size()
                        >= expected.validCaseIds().size()
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
