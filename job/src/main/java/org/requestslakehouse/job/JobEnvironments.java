package org.requestslakehouse.job;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.requestslakehouse.config.ConfigException;
import org.requestslakehouse.config.RuntimeConfig;
import org.requestslakehouse.config.RuntimeSettings;

/**
 * Builds the execution environment for self-managed runs (a local mini-cluster or a cluster the jar is submitted
 * to), and owns what every environment running the pipeline needs ({@link #configurePipeline}).
 */
public final class JobEnvironments {
    private JobEnvironments() {}

    /**
     * @param flinkConfDir directory holding {@code config.yaml} (RocksDB, restart strategy, web UI...); null or
     *                     missing means Flink's defaults
     */
    public static StreamExecutionEnvironment selfManaged(RuntimeConfig runtime, Path flinkConfDir) {
        Configuration conf = flinkConfDir != null && Files.isRegularFile(flinkConfDir.resolve("config.yaml"))
                ? GlobalConfiguration.loadConfiguration(
                        flinkConfDir.toAbsolutePath().toString())
                : new Configuration();
        if (!conf.contains(CoreOptions.ALLOWED_FALLBACK_FILESYSTEMS)) {
            // The jar carries Hadoop's S3A (hadoop-aws) for s3a:// checkpoint directories, but Flink reserves s3a
            // for its S3 plugin unless allowed to fall back to Hadoop.
            conf.set(CoreOptions.ALLOWED_FALLBACK_FILESYSTEMS, "s3a");
        }
        // A cluster's entry point configures file systems from its config.yaml; an in-process mini-cluster does
        // not, so without this, settings such as flink.hadoop.fs.s3a.* would be ignored in local runs.
        FileSystem.initialize(conf, null);
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, runtime.checkpointInterval());
        conf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        // Iceberg commits on checkpoint completion; a bounded run must take a final checkpoint after its
        // sources finish or the last rows would never be committed.
        conf.set(CheckpointingOptions.ENABLE_CHECKPOINTS_AFTER_TASKS_FINISH, true);
        if (runtime.checkpointDir() != null) {
            conf.set(
                    CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                    checkpointLocation(runtime.checkpointDir()).toString());
            conf.set(
                    CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                    ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        } else if (!conf.contains(CheckpointingOptions.CHECKPOINTS_DIRECTORY)) {
            // Without a directory Flink keeps checkpoints in JobManager memory, capped at 5 MB: per-case state
            // outgrows that within a few hundred thousand cases and every checkpoint (so every commit) fails.
            conf.set(
                    CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                    scratchCheckpointDir().toUri().toString());
        }
        String restorePath = restorePath(runtime);
        if (restorePath != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, restorePath);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(runtime.parallelism());
        configurePipeline(env);
        return env;
    }

    /**
     * What every environment that runs {@link LakehouseJob} needs, whoever created it ({@link #selfManaged}, the
     * job jar's main on a cluster or on Managed Service for Apache Flink, tests with their own mini-cluster).
     *
     * <p>Object reuse: without it Flink deep-copies every record between chained operators (see the performance
     * notes, "Records deep-copied between chained operators"). Safe for this pipeline: every function and sink
     * converter builds new output objects and never changes or keeps an input (the gold and silver state lives in
     * RocksDB, serialized).
     */
    public static StreamExecutionEnvironment configurePipeline(StreamExecutionEnvironment env) {
        env.getConfig().enableObjectReuse();
        return env;
    }

    private static Path scratchCheckpointDir() {
        try {
            Path dir = Files.createTempDirectory("requests-lakehouse-checkpoints");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(
                    "Cannot create a checkpoint directory; set " + RuntimeSettings.CHECKPOINT_DIR.qualified(), e);
        }
    }

    /**
     * A location with a scheme ({@code s3a://bucket/checkpoints}, {@code hdfs://...}, {@code file:/...}) as given;
     * a plain path made absolute, since a relative one would resolve against each task manager's directory.
     */
    static URI checkpointLocation(String dir) {
        URI uri = new org.apache.flink.core.fs.Path(dir).toUri();
        return uri.getScheme() != null
                ? uri
                : Paths.get(dir).toAbsolutePath().normalize().toUri();
    }

    /**
     * The checkpoint or savepoint to restore, or null for a fresh start.
     *
     * @throws ConfigException if job.resume is unset and job.checkpoint-dir already holds a completed checkpoint:
     *                         restarting then has to say whether it continues that job or starts over
     */
    static String restorePath(RuntimeConfig runtime) {
        if (RuntimeConfig.RESUME_NONE.equals(runtime.resume())) {
            return null;
        }
        if (runtime.resume() == null) {
            if (runtime.checkpointDir() != null) {
                CheckpointLocator.latest(checkpointLocation(runtime.checkpointDir()))
                        .ifPresent(previous -> {
                            throw previousJobWithoutDecision(runtime.checkpointDir(), previous);
                        });
            }
            return null;
        }
        if (!runtime.resume().equals(RuntimeConfig.RESUME_LATEST)) {
            return runtime.resume();
        }
        return CheckpointLocator.latest(checkpointLocation(runtime.checkpointDir()))
                .map(URI::toString)
                .orElseThrow(() -> new ConfigException(RuntimeSettings.RESUME.is(RuntimeConfig.RESUME_LATEST) + " but "
                        + runtime.checkpointDir() + " (" + RuntimeSettings.CHECKPOINT_DIR.qualified()
                        + ") holds no completed checkpoint"));
    }

    private static ConfigException previousJobWithoutDecision(String checkpointDir, URI previous) {
        return new ConfigException(checkpointDir + " (" + RuntimeSettings.CHECKPOINT_DIR.qualified()
                + ") holds checkpoints of a previous job, newest " + previous + ". Starting again without restoring"
                + " would read the source from its starting position and archive every message in bronze a second"
                + " time. Continue that job with --resume latest ("
                + RuntimeSettings.RESUME.is(RuntimeConfig.RESUME_LATEST)
                + "), or start over on purpose with --fresh (" + RuntimeSettings.RESUME.is(RuntimeConfig.RESUME_NONE)
                + "): a fresh start leaves the old checkpoints and the tables as they are.");
    }
}
