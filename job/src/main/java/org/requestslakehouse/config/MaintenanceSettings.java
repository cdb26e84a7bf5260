package org.requestslakehouse.config;

import java.time.Duration;
import org.apache.flink.configuration.MemorySize;
import org.requestslakehouse.config.MaintenanceConfig.LockType;

/**
 * Group {@code maintenance}: Iceberg's table maintenance inside streaming runs. Each task runs when either of its
 * triggers fires ({@code commit-count} commits or {@code interval}); 0 turns a trigger off.
 */
public final class MaintenanceSettings {
    public static final String GROUP = "maintenance";
    static final SettingGroup SETTINGS = new SettingGroup(
            GROUP,
            "Iceberg's table maintenance, inside streaming runs (bounded runs never maintain); see [Table"
                    + " maintenance](maintenance.md). A task runs when either trigger fires (`commit-count` commits"
                    + " or `interval`); 0 turns a trigger off.");

    public static final Setting<Boolean> ENABLED =
            SETTINGS.bool("enabled", true, "maintain every table inside streaming runs");
    public static final Setting<Duration> RATE_LIMIT = SETTINGS.duration(
            "rate-limit",
            Duration.ofMinutes(1),
            "how often each table is checked for new commits; least time between two task runs on a table (≥ 1 s)");
    public static final Setting<Integer> PARALLELISM =
            SETTINGS.integer("parallelism", 1, "parallelism of the rewriting and deleting operators, 1 to 1024");
    public static final Setting<String> SLOT_SHARING_GROUP = SETTINGS.string(
            "slot-sharing-group", null, "own slots on a self-managed cluster (unset: share the pipeline's, as on MSF)");
    public static final Setting<LockType> LOCK = SETTINGS.choice(
            "lock",
            LockType.class,
            LockType.COORDINATOR,
            "what keeps two task runs on a table apart (`coordinator`: held by the JobManager, nothing to run;"
                    + " `jdbc`: a lock row in a database, when several jobs maintain the same tables)");
    public static final Setting<String> LOCK_JDBC_URI =
            SETTINGS.string("lock.jdbc.uri", null, "the lock's database; required when, and only when, `lock=jdbc`");
    public static final Setting<String> LOCK_JDBC_USER = SETTINGS.string("lock.jdbc.user", null, "database user");
    public static final Setting<String> LOCK_JDBC_PASSWORD_ENV = SETTINGS.string(
            "lock.jdbc.password-env", null, "name of the environment variable holding the database password");
    public static final Setting<Integer> REWRITE_COMMIT_COUNT =
            SETTINGS.integer("rewrite.commit-count", 30, "rewrite data files after this many commits");
    public static final Setting<Duration> REWRITE_INTERVAL =
            SETTINGS.duration("rewrite.interval", Duration.ofHours(1), "rewrite data files after this long");
    public static final Setting<MemorySize> REWRITE_TARGET_FILE_SIZE = SETTINGS.size(
            "rewrite.target-file-size", null, "output file size (unset: the table's, `128 mb`); at least `1 mb`");
    public static final Setting<MemorySize> REWRITE_MAX_BYTES =
            SETTINGS.size("rewrite.max-bytes", "1 gb", "input bytes one run rewrites at most; at least `1 mb`");
    public static final Setting<Integer> REWRITE_DELETE_FILE_THRESHOLD = SETTINGS.integer(
            "rewrite.delete-file-threshold",
            10,
            "rewrite any file with this many delete files applying to it, whatever its size");
    public static final Setting<Integer> EXPIRE_SNAPSHOTS_COMMIT_COUNT =
            SETTINGS.integer("expire-snapshots.commit-count", 0, "expire snapshots after this many commits");
    public static final Setting<Duration> EXPIRE_SNAPSHOTS_INTERVAL =
            SETTINGS.duration("expire-snapshots.interval", Duration.ofHours(1), "expire snapshots after this long");
    public static final Setting<Duration> EXPIRE_SNAPSHOTS_MAX_AGE =
            SETTINGS.duration("expire-snapshots.max-age", Duration.ofHours(6), "keep snapshots this long");
    public static final Setting<Integer> EXPIRE_SNAPSHOTS_RETAIN_LAST =
            SETTINGS.integer("expire-snapshots.retain-last", 10, "and at least this many (≥ 2)");
    public static final Setting<Integer> DELETE_ORPHAN_FILES_COMMIT_COUNT =
            SETTINGS.integer("delete-orphan-files.commit-count", 0, "delete orphan files after this many commits");
    public static final Setting<Duration> DELETE_ORPHAN_FILES_INTERVAL = SETTINGS.duration(
            "delete-orphan-files.interval", Duration.ofDays(1), "delete orphan files after this long");
    public static final Setting<Duration> DELETE_ORPHAN_FILES_MIN_AGE = SETTINGS.duration(
            "delete-orphan-files.min-age", Duration.ofDays(3), "only files older than this (≥ 1 d) are orphans");

    private MaintenanceSettings() {}
}
