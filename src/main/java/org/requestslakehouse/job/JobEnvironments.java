package org.requestslakehouse.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.requestslakehouse.config.ConfigException;
import org.requestslakehouse.config.RuntimeConfig;

/** Builds the execution environment for self-managed runs (a local mini-cluster or a cluster the jar is submitted to). */
public final class JobEnvironments {
    private JobEnvironments() {}

    /**
     * @param flinkConfDir directory holding {@code config.yaml} (RocksDB, restart strategy, web UI...); null or
     *                     missing means Flink's defaults
     */
    public static StreamExecutionEnvironment selfManaged(RuntimeConfig runtime, Path flinkConfDir) {
        Configuration conf = flinkConfDir != null && Files.isRegularFile(flinkConfDir.resolve("config.yaml"))
                ? GlobalConfiguration.loadConfiguration(flinkConfDir.toAbsolutePath().toString())
                : new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, runtime.checkpointInterval());
        conf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        // Iceberg commits on checkpoint completion; a bounded run must take a final checkpoint after its
        // sources finish or the last rows would never be committed.
        conf.set(CheckpointingOptions.ENABLE_CHECKPOINTS_AFTER_TASKS_FINISH, true);
        if (runtime.checkpointDir() != null) {
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, Paths.get(runtime.checkpointDir()).toAbsolutePath().toUri().toString());
            conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                    ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        } else if (!conf.contains(CheckpointingOptions.CHECKPOINTS_DIRECTORY)) {
            // Without a directory Flink keeps checkpoints in JobManager memory, capped at 5 MB: per-case state
            // outgrows that within a few hundred thousand cases and every checkpoint (so every commit) fails.
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, scratchCheckpointDir().toUri().toString());
        }
        String restorePath = restorePath(runtime);
        if (restorePath != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, restorePath);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(runtime.parallelism());
        return env;
    }

    private static Path scratchCheckpointDir() {
        try {
            Path dir = Files.createTempDirectory("requests-lakehouse-checkpoints");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot create a checkpoint directory; set job.checkpoint-dir", e);
        }
    }

    static String restorePath(RuntimeConfig runtime) {
        if (runtime.resume() == null) {
            return null;
        }
        if (!runtime.resume().equals("latest")) {
            return runtime.resume();
        }
        return CheckpointLocator.latest(Paths.get(runtime.checkpointDir()))
                .map(p -> p.toUri().toString())
                .orElseThrow(() -> new ConfigException("job.resume=latest but " + runtime.checkpointDir()
                        + " (job.checkpoint-dir) holds no completed checkpoint"));
    }
}
