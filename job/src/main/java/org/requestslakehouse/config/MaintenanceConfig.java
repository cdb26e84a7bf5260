package org.requestslakehouse.config;

import static org.requestslakehouse.config.MaintenanceSettings.*;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.configuration.MemorySize;

/**
 * Group {@link MaintenanceSettings}: Iceberg's Flink table maintenance, run inside the streaming job on every lakehouse
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
        Duration rateLimit = g.duration(RATE_LIMIT);
        if (rateLimit.compareTo(Duration.ofSeconds(1)) < 0) {
            throw ConfigException.invalid(RATE_LIMIT.qualified(), g.given(RATE_LIMIT), "at least 1 s");
        }
        return new MaintenanceConfig(
                g.bool(ENABLED),
                rateLimit,
                g.integer(PARALLELISM, 1, 1024),
                g.string(SLOT_SHARING_GROUP),
                lock(g),
                new Rewrite(
                        schedule(g, REWRITE_COMMIT_COUNT, REWRITE_INTERVAL),
                        bytes(g, REWRITE_TARGET_FILE_SIZE),
                        bytes(g, REWRITE_MAX_BYTES),
                        g.integer(REWRITE_DELETE_FILE_THRESHOLD, 1, Integer.MAX_VALUE)),
                new Expiry(
                        schedule(g, EXPIRE_SNAPSHOTS_COMMIT_COUNT, EXPIRE_SNAPSHOTS_INTERVAL),
                        g.duration(EXPIRE_SNAPSHOTS_MAX_AGE),
                        g.integer(EXPIRE_SNAPSHOTS_RETAIN_LAST, 2, Integer.MAX_VALUE)),
                new OrphanCleanup(
                        schedule(g, DELETE_ORPHAN_FILES_COMMIT_COUNT, DELETE_ORPHAN_FILES_INTERVAL), orphanMinAge(g)));
    }

    private static Schedule schedule(PropertyGroup g, Setting<Integer> commitCount, Setting<Duration> every) {
        int commits = g.integer(commitCount, 0, Integer.MAX_VALUE);
        Duration interval = g.duration(every);
        if (commits == 0 && interval.isZero()) {
            throw ConfigException.invalid(
                    every.qualified(),
                    "0",
                    "a positive duration while " + commitCount.qualified()
                            + " is 0: with both triggers off the task would never run");
        }
        return new Schedule(commits, interval);
    }

    private static Duration orphanMinAge(PropertyGroup g) {
        Duration minAge = g.duration(DELETE_ORPHAN_FILES_MIN_AGE);
        if (minAge.compareTo(MIN_ORPHAN_AGE) < 0) {
            throw ConfigException.invalid(
                    DELETE_ORPHAN_FILES_MIN_AGE.qualified(),
                    g.given(DELETE_ORPHAN_FILES_MIN_AGE),
                    "at least 1 d: younger files may be written but not yet committed, and a restore commits them");
        }
        return minAge;
    }

    private static Lock lock(PropertyGroup g) {
        LockType type = g.enumValue(LOCK);
        String uri = g.string(LOCK_JDBC_URI);
        String user = g.string(LOCK_JDBC_USER);
        String passwordEnv = g.string(LOCK_JDBC_PASSWORD_ENV);
        if (type == LockType.JDBC && uri == null) {
            throw ConfigException.missing(
                    LOCK_JDBC_URI.qualified(),
                    "a JDBC URL such as jdbc:postgresql://host/db when " + LOCK.is(LockType.JDBC));
        }
        if (type != LockType.JDBC && (uri != null || user != null || passwordEnv != null)) {
            Setting<String> given =
                    uri != null ? LOCK_JDBC_URI : user != null ? LOCK_JDBC_USER : LOCK_JDBC_PASSWORD_ENV;
            throw ConfigException.invalid(
                    given.qualified(),
                    g.string(given),
                    "no value unless " + LOCK.is(LockType.JDBC) + " (it is " + Setting.text(type) + ")");
        }
        return new Lock(type, uri, user, passwordEnv);
    }

    /** Null when unset without a default (the table's own target size). */
    private static Long bytes(PropertyGroup g, Setting<MemorySize> setting) {
        MemorySize size = g.size(setting);
        if (size == null) {
            return null;
        }
        if (g.has(setting) && size.getBytes() < 1024 * 1024) {
            throw ConfigException.invalid(setting.qualified(), g.given(setting), "at least 1 mb");
        }
        return size.getBytes();
    }
}
