package org.requestslakehouse.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.CheckpointType;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectClusterClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.config.PropertyGroup;
import org.requestslakehouse.config.RuntimeConfig;
import org.requestslakehouse.config.RuntimeSettings;
import org.requestslakehouse.testing.CollectingSink;
import org.requestslakehouse.testing.S3ServerExtension;
import org.requestslakehouse.testing.TestJobs;

/**
 * {@code job.checkpoint-dir=s3a://...} on a real S3-compatible server: a self-managed run checkpoints through
 * Hadoop's S3A file system (Flink has no s3a file system of its own on the classpath and falls back to Hadoop's),
 * configured the way a user would, through {@code flink.hadoop.fs.s3a.*} in config.yaml. The checkpoint is retained
 * when the job is cancelled, {@code job.resume=latest} finds it on S3 and the next run continues from it.
 */
class S3CheckpointsIT {
    @Order(1)
    @RegisterExtension
    static final S3ServerExtension S3 = new S3ServerExtension("lakehouse-checkpoints");

    @Order(2)
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(1)
                    .build());

    private static final String CHECKPOINT_PREFIX = "checkpoints";
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);
    /** Elements the first run must have emitted before its checkpoint, so a restored run cannot pass for a fresh one. */
    private static final int EMITTED_BEFORE_CHECKPOINT = 5;

    @AfterAll
    static void forgetS3Settings() {
        // JobEnvironments configured this JVM's file systems for the test server; later test classes must not see it.
        FileSystem.initialize(new Configuration(), null);
    }

    @Test
    void checkpointsLandOnS3AndResumeLatestContinuesFromThem(
            @TempDir Path flinkConf, @InjectClusterClient ClusterClient<?> cluster) throws Exception {
        writeFlinkConfig(flinkConf);
        String checkpointDir = "s3a://" + S3.bucket() + "/" + CHECKPOINT_PREFIX;
        RuntimeConfig fresh = runtime(Map.of("checkpoint-dir", checkpointDir));

        CollectingSink<Long> firstRun = new CollectingSink<>();
        JobClient first = start(JobEnvironments.selfManaged(fresh, flinkConf), firstRun);
        awaitElements(first, firstRun, EMITTED_BEFORE_CHECKPOINT);
        int emittedBeforeTrigger = firstRun.collected().size();
        long checkpointId =
                cluster.triggerCheckpoint(first.getJobID(), CheckpointType.FULL).get();
        String checkpoint = CHECKPOINT_PREFIX + "/" + first.getJobID() + "/chk-" + checkpointId;
        cancel(first);
        int emittedByFirstRun = firstRun.collected().size();

        // Retained on cancellation: the only completed checkpoint on the server is the one the test triggered.
        assertThat(S3.keys(CHECKPOINT_PREFIX + "/").stream()
                        .filter(k -> k.endsWith("/_metadata"))
                        .toList())
                .containsExactly(checkpoint + "/_metadata");

        RuntimeConfig resumed = runtime(Map.of("checkpoint-dir", checkpointDir, "resume", "latest"));
        assertThat(JobEnvironments.restorePath(resumed)).isEqualTo("s3a://" + S3.bucket() + "/" + checkpoint);
        CollectingSink<Long> secondRun = new CollectingSink<>();
        JobClient second = start(JobEnvironments.selfManaged(resumed, flinkConf), secondRun);
        awaitElements(second, secondRun, 1);
        cancel(second);

        // The source's position came back from S3: the second run starts where the checkpoint was taken, not at 0.
        assertThat(secondRun.collected().get(0)).isBetween((long) emittedBeforeTrigger, (long) emittedByFirstRun);
        firstRun.clear();
        secondRun.clear();
    }

    private static void writeFlinkConfig(Path dir) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        S3.s3aProperties().forEach((key, value) -> settings.put("flink.hadoop." + key, value));
        // A failing job must fail the test, not restart until the timeout.
        settings.put("restart-strategy.type", "none");
        String yaml = settings.entrySet().stream()
                .map(e -> e.getKey() + ": \"" + e.getValue() + "\"")
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(dir.resolve("config.yaml"), yaml);
    }

    /** Periodic checkpoints are pushed out of the test's lifetime; it triggers the one it checks itself. */
    private static RuntimeConfig runtime(Map<String, String> job) {
        Map<String, String> settings = new LinkedHashMap<>(job);
        settings.put("checkpoint-interval", "7 d");
        settings.put("parallelism", "1");
        return RuntimeConfig.from(new PropertyGroup(RuntimeSettings.GROUP, settings));
    }

    /** Counts 0, 1, 2, ... slowly and forever; the count so far is the source's checkpointed position. */
    private static JobClient start(StreamExecutionEnvironment env, CollectingSink<Long> sink) throws Exception {
        DataGeneratorSource<Long> counter = new DataGeneratorSource<Long>(
                index -> index, Long.MAX_VALUE, RateLimiterStrategy.perSecond(20), Types.LONG);
        env.fromSource(counter, WatermarkStrategy.noWatermarks(), "counter")
                .uid("source-counter")
                .sinkTo(sink)
                .name("collect")
                .uid("sink-collect");
        return env.executeAsync("s3a-checkpoints");
    }

    private static void awaitElements(JobClient job, CollectingSink<Long> sink, int count) {
        TestJobs.awaitWhileRunning(
                job,
                "at least " + count + " elements",
                JOB_TIMEOUT,
                () -> sink.collected().size() >= count);
    }

    private static void cancel(JobClient job) throws Exception {
        job.cancel().get();
        await("job cancelled")
                .atMost(JOB_TIMEOUT)
                .until(() -> job.getJobStatus().get() == JobStatus.CANCELED);
    }
}
