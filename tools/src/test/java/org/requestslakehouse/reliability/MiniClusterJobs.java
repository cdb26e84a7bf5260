package org.requestslakehouse.reliability;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.checkpoint.CheckpointStatsCounts;
import org.apache.flink.runtime.checkpoint.CheckpointStatsSnapshot;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.job.JobEnvironments;
import org.requestslakehouse.job.LakehouseJob;

/**
 * Builds the lakehouse job the way {@code run} does and drives it on a shared mini-cluster: submit, watch
 * checkpoints, stop with a savepoint, cancel. The job graph comes from {@link JobEnvironments#selfManaged}, so
 * checkpoint interval, retained-checkpoint directory and {@code job.resume} take the production code path.
 */
final class MiniClusterJobs {
    static final Duration JOB_STATE_TIMEOUT = Duration.ofMinutes(2);

    private MiniClusterJobs() {}

    /**
     * Cluster settings every job here runs with: heap state (RocksDB would only make the suite slower; state
     * backends are Flink's to test), and enough quick restarts for every injected failure.
     */
    static Configuration clusterConfiguration() {
        Configuration conf = new Configuration();
        conf.set(StateBackendOptions.STATE_BACKEND, "hashmap");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 60);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        conf.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, 3);
        return conf;
    }

    /** The production job (Kafka source, pipeline, Iceberg sinks), exactly as {@link LakehouseJob#define} wires it. */
    static JobGraph lakehouseJob(JobConfig config) {
        StreamExecutionEnvironment env = environment(config);
        LakehouseJob.define(env, config);
        return env.getStreamGraph().getJobGraph();
    }

    /**
     * Exactly what {@code run} submits for this configuration: {@link LakehouseJob#define} (so, for an unbounded
     * source, table maintenance too) in the environment {@link JobEnvironments#selfManaged} builds from the shipped
     * {@code flink-conf/config.yaml}: RocksDB with incremental checkpoints, the exponential-delay restart strategy,
     * checkpoint timeout, pause and tolerated failures. The cluster's own settings do not override any of these:
     * Flink applies a job's state backend, restart strategy and checkpointing settings per job.
     */
    static JobGraph shippedJob(JobConfig config) {
        Path flinkConf = Paths.get("flink-conf");
        if (!Files.isRegularFile(flinkConf.resolve("config.yaml"))) {
            throw new IllegalStateException(
                    "No flink-conf/config.yaml under " + Paths.get("").toAbsolutePath());
        }
        StreamExecutionEnvironment env = JobEnvironments.selfManaged(config.runtime(), flinkConf);
        LakehouseJob.define(env, config);
        return env.getStreamGraph().getJobGraph();
    }

    private static StreamExecutionEnvironment environment(JobConfig config) {
        StreamExecutionEnvironment env = JobEnvironments.selfManaged(config.runtime(), null);
        // A checkpoint declined by one task must not restart the job; the next one commits its data.
        env.getCheckpointConfig().setTolerableCheckpointFailureNumber(5);
        return env;
    }

    static JobID submit(MiniCluster cluster, JobGraph job) throws Exception {
        cluster.submitJob(job).get();
        awaitStatus(cluster, job.getJobID(), JobStatus.RUNNING);
        return job.getJobID();
    }

    static void awaitStatus(MiniCluster cluster, JobID job, JobStatus status) {
        await("job " + job + " " + status)
                .atMost(JOB_STATE_TIMEOUT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> cluster.getJobStatus(job).get() == status);
    }

    /** For fail-fast waits: true once the job failed for good (out of restarts), finished or was cancelled. */
    static Callable<Boolean> ended(MiniCluster cluster, JobID job) {
        return () -> cluster.getJobStatus(job).get().isGloballyTerminalState();
    }

    /**
     * Runs a check of a job's tables; when it fails, adds how the job fared to the failure (status, restarts,
     * checkpoints), which tells a stalled or restarting job from one that committed wrong rows.
     */
    static <T> T explainingFailure(MiniCluster cluster, JobID job, Callable<T> check) throws Exception {
        try {
            return check.call();
        } catch (AssertionError | ConditionTimeoutException | TerminalFailureException e) {
            throw new AssertionError(e.getMessage() + "\n" + describe(cluster, job), e);
        }
    }

    /** Never throws: a cluster that cannot answer must not hide the failure being explained. */
    private static String describe(MiniCluster cluster, JobID job) {
        try {
            CheckpointStatsCounts c = checkpoints(cluster, job);
            return String.format(
                    Locale.ROOT,
                    "job %s %s: %d restarts; checkpoints %d completed, %d failed, %d in progress",
                    job,
                    cluster.getJobStatus(job).get(),
                    restarts(cluster, job),
                    c.getNumberOfCompletedCheckpoints(),
                    c.getNumberOfFailedCheckpoints(),
                    c.getNumberOfInProgressCheckpoints());
        } catch (Exception e) {
            return "job " + job + ": the cluster did not say how it fared (" + e + ")";
        }
    }

    static CheckpointStatsCounts checkpoints(MiniCluster cluster, JobID job) throws Exception {
        return checkpointStats(cluster, job).getCounts();
    }

    /**
     * How often the most restarted task was redeployed: its current attempt number. Failover restarts a region's
     * tasks together, and the pipeline is one region (its edges are all-to-all), so this is the number of times the
     * pipeline restarted (or a maintenance region, should that have restarted more often).
     */
    static int restarts(MiniCluster cluster, JobID job) throws Exception {
        int restarts = 0;
        for (AccessExecutionVertex vertex : cluster.getExecutionGraph(job).get().getAllExecutionVertices()) {
            restarts = Math.max(restarts, vertex.getCurrentExecutionAttempt().getAttemptNumber());
        }
        return restarts;
    }

    static CheckpointStatsSnapshot checkpointStats(MiniCluster cluster, JobID job) throws Exception {
        return cluster.getExecutionGraph(job).get().getCheckpointStatsSnapshot();
    }

    /** Stops the job after a final savepoint (no drain: windows and timers stay in state) and returns its path. */
    static String stopWithSavepoint(MiniCluster cluster, JobID job, String directory) throws Exception {
        String path = cluster.stopWithSavepoint(job, directory, false, SavepointFormatType.CANONICAL)
                .get();
        awaitStatus(cluster, job, JobStatus.FINISHED);
        return path;
    }

    static void cancel(MiniCluster cluster, JobID job) throws Exception {
        cluster.cancelJob(job).get();
        awaitStatus(cluster, job, JobStatus.CANCELED);
    }
}
