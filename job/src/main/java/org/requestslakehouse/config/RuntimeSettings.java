package org.requestslakehouse.config;

import java.time.Duration;

/** Group {@code job}: checkpoints and restarts of self-managed runs (the service owns them on MSF). */
public final class RuntimeSettings {
    public static final String GROUP = "job";
    static final SettingGroup SETTINGS = new SettingGroup(
            GROUP,
            "How a self-managed run checkpoints and restarts; Managed Service for Apache Flink owns these itself.");

    public static final Setting<Duration> CHECKPOINT_INTERVAL = SETTINGS.duration(
            "checkpoint-interval",
            Duration.ofSeconds(10),
            "exactly-once checkpoint = Iceberg commit interval (at least 100 ms)");
    public static final Setting<String> CHECKPOINT_DIR = SETTINGS.string(
            "checkpoint-dir",
            null,
            "retained checkpoints: a directory or `s3a://bucket/prefix` (Hadoop S3A, configurable as"
                    + " `flink.hadoop.fs.s3a.*` in config.yaml)");
    public static final Setting<String> RESUME = SETTINGS.string(
            "resume",
            null,
            "`latest` (from `checkpoint-dir`) or the path of a checkpoint or savepoint to restore from, or `none`"
                    + " (`run --fresh`) to start over although `checkpoint-dir` holds a previous job's checkpoints"
                    + " (unset there, `run` refuses to start)");
    public static final Setting<Integer> PARALLELISM =
            SETTINGS.integer("parallelism", 2, "self-managed runs (MSF sets its own), 1 to 1024");
    public static final Setting<Duration> STATE_TTL = SETTINGS.duration(
            "state-ttl",
            Duration.ofDays(400),
            "how long an untouched case is remembered (silver order and gold contribution)");

    private RuntimeSettings() {}
}
