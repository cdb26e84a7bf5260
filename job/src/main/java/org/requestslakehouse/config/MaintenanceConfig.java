package org.requestslakehouse.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;
import org.apache.flink.configuration.MemorySize;

/**
 * Group {@code maintenance}: Iceberg's Flink table maintenance, run inside the streaming job on every lakehouse
 * table. Every checkpoint commits a snapshot and small files to each table (and equality deletes to the upsert
 * tables); these tasks keep both bounded. Only unbounded runs maintain tables: the maintenance sources never end,
 * so a bounded run would never finish.
 *
 * @param rateLimit         how often each table is checked for new commits, and the least time between two
 *                          task runs on one table
 * @param parallelism       of the parallel parts of the tasks (rewriting file groups, deleting files); the
 *                          planners and committers always run as one instance per table
 * @param slotSharingGroup  null to share slots with the pipeline (needs no extra slots, which is what MSF has)
 */
public record MaintenanceConfig(
        boolean enabled,
        Duration rateLimit,
        int parallelism,
        String slotSharingGroup,
        Lock lock,
        Rewrite rewrite,
        Expiry expiry,
        OrphanCleanup orphanCleanup)
        implements Serializable {

    public static final String GROUP = "maintenance";

    /**
     * Below a day a file could be one the job has written but not yet committed: a restore after a crash commits
     * the files of the last checkpoint, however long the job was down.
     */
    static final Duration MIN_ORPHAN_AGE = Duration.ofDays(1);

    /**
     * A task runs when either trigger fires; 0 turns a trigger off. Commits are counted per table and exclude the
     * maintenance's own rewrites. Intervals are checked at each {@code rate-limit} tick.
     */
    public record Schedule(int commitCount, Duration interval) implements Serializable {}

    /** {@code coordinator}: a lock held by the JobManager for the tasks of this job; {@code jdbc}: a lock row in a database. */
    public enum LockType {
        COORDINATOR,
        JDBC
    }

    /** @param jdbcPasswordEnv name of the environment variable holding the password, never the password itself */
    public record Lock(LockType type, String jdbcUri, String jdbcUser, String jdbcPasswordEnv)
            implements Serializable {}

    /**
     * Rewrite data files: bin-packs small files (and files with many deletes) into files of the target size,
     * applying the deletes on the way.
     *
     * @param targetFileSizeBytes   null for the table's {@code write.target-file-size-bytes}
     * @param maxBytes              input bytes one run rewrites at most; the rest waits for the next run. A run
     *                              holds back the checkpoint it overlaps, so this caps how long commits can stall
     * @param deleteFileThreshold   a file with this many delete files applying to it is rewritten whatever its
     *                              size: on upsert tables equality deletes pile up on files already big enough
     */
    public record Rewrite(Schedule schedule, Long targetFileSizeBytes, long maxBytes, int deleteFileThreshold)
            implements Serializable {}

    /**
     * Expire snapshots older than {@code maxAge}, keeping at least the last {@code retainLast}, and delete the
     * files only they referenced.
     */
    public record Expiry(Schedule schedule, Duration maxAge, int retainLast) implements Serializable {}

    /** Delete files under the table location that no snapshot references and that are older than {@code minAge}. */
    public record OrphanCleanup(Schedule schedule, Duration minAge) implements Serializable {}

    public static MaintenanceConfig from(PropertyGroup g) {
        Duration rateLimit = g.duration("rate-limit", Duration.ofMinutes(1));
        if (rateLimit.compareTo(Duration.ofSeconds(1)) < 0) {
            throw ConfigException.invalid(g.qualified("rate-limit"), g.string("rate-limit", ""), "at least 1 s");
        }
        return new MaintenanceConfig(
                g.bool("enabled", true),
                rateLimit,
                g.integer("parallelism", 1, 1, 1024),
                g.string("slot-sharing-group", null),
                lock(g),
                new Rewrite(
                        schedule(g, "rewrite", 30, Duration.ofHours(1)),
                        g.has("rewrite.target-file-size") ? bytes(g, "rewrite.target-file-size", null) : null,
                        bytes(g, "rewrite.max-bytes", MemorySize.parse("1 gb")),
                        g.integer("rewrite.delete-file-threshold", 10, 1, Integer.MAX_VALUE)),
                new Expiry(
                        schedule(g, "expire-snapshots", 0, Duration.ofHours(1)),
                        g.duration("expire-snapshots.max-age", Duration.ofHours(6)),
                        g.integer("expire-snapshots.retain-last", 10, 2, Integer.MAX_VALUE)),
                new OrphanCleanup(schedule(g, "delete-orphan-files", 0, Duration.ofDays(1)), orphanMinAge(g)));
    }

    private static Schedule schedule(PropertyGroup g, String task, int defaultCommits, Duration defaultInterval) {
        int commits = g.integer(task + ".commit-count", defaultCommits, 0, Integer.MAX_VALUE);
        Duration interval = g.duration(task + ".interval", defaultInterval);
        if (commits == 0 && interval.isZero()) {
            throw ConfigException.invalid(
                    g.qualified(task + ".interval"),
                    "0",
                    "a positive duration while " + g.qualified(task + ".commit-count")
                            + " is 0: with both triggers off the task would never run");
        }
        return new Schedule(commits, interval);
    }

    private static Duration orphanMinAge(PropertyGroup g) {
        Duration minAge = g.duration("delete-orphan-files.min-age", Duration.ofDays(3));
        if (minAge.compareTo(MIN_ORPHAN_AGE) < 0) {
            throw ConfigException.invalid(
                    g.qualified("delete-orphan-files.min-age"),
                    g.string("delete-orphan-files.min-age", ""),
                    "at least 1 d: younger files may be written but not yet committed, and a restore commits them");
        }
        return minAge;
    }

    private static Lock lock(PropertyGroup g) {
        LockType type = g.enumValue("lock", LockType.class, LockType.COORDINATOR);
        String uri = g.string("lock.jdbc.uri", null);
        String user = g.string("lock.jdbc.user", null);
        String passwordEnv = g.string("lock.jdbc.password-env", null);
        if (type == LockType.JDBC && uri == null) {
            throw ConfigException.missing(
                    g.qualified("lock.jdbc.uri"),
                    "a JDBC URL such as jdbc:postgresql://host/db when " + g.qualified("lock") + "=jdbc");
        }
        if (type != LockType.JDBC && (uri != null || user != null || passwordEnv != null)) {
            String key = uri != null ? "lock.jdbc.uri" : user != null ? "lock.jdbc.user" : "lock.jdbc.password-env";
            throw ConfigException.invalid(
                    g.qualified(key),
                    g.string(key, ""),
                    "no value unless " + g.qualified("lock") + "=jdbc (it is "
                            + type.name().toLowerCase(Locale.ROOT) + ")");
        }
        return new Lock(type, uri, user, passwordEnv);
    }

    private static Long bytes(PropertyGroup g, String key, MemorySize defaultValue) {
        String v = g.string(key, null);
        if (v == null) {
            return defaultValue == null ? null : defaultValue.getBytes();
        }
        try {
            long parsed = MemorySize.parse(v).getBytes();
            if (parsed < 1024 * 1024) {
                throw ConfigException.invalid(g.qualified(key), v, "at least 1 mb");
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw ConfigException.invalid(g.qualified(key), v, "a size such as '128 mb' or '1 gb'");
        }
    }
}
