package org.requestslakehouse.testing;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.requestslakehouse.config.ConfigLoader;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.job.JobEnvironments;
import org.requestslakehouse.job.LakehouseJob;

/**
 * Runs the job we ship ({@link LakehouseJob#define}) on a test's shared MiniCluster, bounded to the end of its input
 * or unbounded until the test cancels it, in one kind of environment for every test. Tests that exercise a part of
 * the topology (the sinks alone, a custom source into {@code LakehousePipeline.build}) take the same
 * {@link #environment}.
 */
public final class TestJobs {
    /** Two subtasks per operator: keyed exchanges, per-subtask watermarks and idleness are all exercised. */
    public static final int PARALLELISM = 2;

    private TestJobs() {}

    /**
     * The cluster the job tests register: one task manager with a slot for each subtask. Without the class loader
     * check: Parquet caches its compression codecs JVM-wide with the Hadoop configuration of the first job that
     * wrote a file, and that configuration keeps the job's class loader. When Hadoop later reloads its
     * configurations (adding a default resource does, as a file-system set-up such as S3CheckpointsIT's may), the
     * cached one reloads through that closed loader; the check would fail the next Parquet write in another test,
     * and with no restarts its job. Only tests share Parquet this way: on a cluster the job jar carries Parquet and
     * Flink loads it child-first, so every job has its own cache.
     */
    public static MiniClusterExtension miniCluster() {
        Configuration conf = new Configuration();
        conf.set(CoreOptions.CHECK_LEAKED_CLASSLOADER, false);
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setConfiguration(conf)
                .setNumberTaskManagers(1)
                .setNumberSlotsPerTaskManager(PARALLELISM)
                .build());
    }

    /** {@link #config(Map)} with a warehouse in this local directory. */
    public static JobConfig config(Path warehouse, Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("catalog.warehouse", warehouse.toString());
        all.putAll(settings);
        return config(all);
    }

    /**
     * A short run's settings: a checkpoint (so an Iceberg commit) every second and gold emitted twice as often,
     * unless the given settings say otherwise.
     */
    public static JobConfig config(Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("job.checkpoint-interval", "1 s");
        all.put("gold.emit-interval", "500 ms");
        all.putAll(settings);
        return ConfigLoader.load(null, all);
    }

    /** The CSV source over these files, as settings for {@link #config}. */
    public static Map<String, String> csvSource(List<Path> files) {
        return Map.of("source.csv.paths", files.stream().map(Path::toString).collect(Collectors.joining(",")));
    }

    /** The Kafka source on this topic, reading until the end offsets it found at start-up, as settings. */
    public static Map<String, String> boundedKafkaSource(String bootstrapServers, String topic) {
        Map<String, String> settings = kafkaSource(bootstrapServers, topic);
        settings.put("kafka.bounded", "true");
        return settings;
    }

    /** The Kafka source on this topic, never ending, as settings. */
    public static Map<String, String> kafkaSource(String bootstrapServers, String topic) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("source.type", "kafka");
        settings.put("kafka.bootstrap-servers", bootstrapServers);
        settings.put("kafka.topics", topic);
        return settings;
    }

    /**
     * An environment checkpointing every 100 ms, for tests that write a few rows through a part of the topology: each
     * checkpoint commits what the writers flushed, and the final one after the bounded input ends commits the rest.
     */
    public static StreamExecutionEnvironment environment() {
        return environment(Duration.ofMillis(100));
    }

    /** An environment checkpointing at the job's configured interval; see {@link #environment(Duration)}. */
    public static StreamExecutionEnvironment environment(JobConfig config) {
        return environment(config.runtime().checkpointInterval());
    }

    /**
     * Checkpointing exactly-once as in production (Iceberg commits on checkpoints, and the final checkpoint after the
     * bounded sources end commits the rest) and no restart strategy: with checkpointing on, Flink would otherwise
     * restart a failing job forever, so a failure caused by the input would be retried away or hang the test until
     * its timeout instead of failing it. Otherwise configured as the shipped entry points configure theirs
     * ({@link JobEnvironments#configurePipeline}).
     */
    public static StreamExecutionEnvironment environment(Duration checkpointInterval) {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, checkpointInterval);
        conf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        conf.set(CheckpointingOptions.ENABLE_CHECKPOINTS_AFTER_TASKS_FINISH, true);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(PARALLELISM);
        return JobEnvironments.configurePipeline(env);
    }

    /** Runs the shipped job until its bounded source has ended and the last checkpoint committed every table. */
    public static JobExecutionResult runBounded(JobConfig config) throws Exception {
        return LakehouseJob.run(environment(config), config);
    }

    /** Starts the shipped job without waiting for it; one with an unbounded source is stopped by {@link #cancelAndAwait}. */
    public static JobClient start(JobConfig config) throws Exception {
        StreamExecutionEnvironment env = environment(config);
        LakehouseJob.define(env, config);
        return env.executeAsync(LakehouseJob.JOB_NAME);
    }

    /**
     * Waits until the condition holds, failing at once, with the job's own failure as the cause, when the job ends
     * first instead of waiting out the timeout.
     */
    public static void awaitWhileRunning(JobClient job, String what, Duration atMost, Callable<Boolean> condition) {
        await(what).atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> {
            JobStatus status = job.getJobStatus().get();
            if (status.isGloballyTerminalState()) {
                Throwable failure = failure(job);
                throw new AssertionError("The job ended as " + status + " while waiting for: " + what, failure);
            }
            return condition.call();
        });
    }

    private static Throwable failure(JobClient job) {
        try {
            job.getJobExecutionResult().get();
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    /**
     * Cancels the job and waits until it has stopped. {@code JobClient.cancel()} completes once the JobManager
     * accepted the request, while tasks may still be closing Iceberg writers and writing checkpoint files; a test
     * that returned then would race its own {@code @TempDir} cleanup, and the next test would share a cluster with a
     * job that is still winding down.
     */
    public static void cancelAndAwait(JobClient job) throws Exception {
        job.cancel().get();
        await("job " + job.getJobID() + " stopped")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> job.getJobStatus().get().isGloballyTerminalState());
    }
}
