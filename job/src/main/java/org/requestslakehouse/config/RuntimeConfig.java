package org.requestslakehouse.config;

import java.io.Serializable;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;

/**
 * Group {@link RuntimeSettings} ({@code job}): how a self-managed run checkpoints and restarts. On Managed Service
 * for Apache Flink the service owns checkpointing and parallelism, so these settings are ignored there.
 *
 * @param resume     {@code latest} to restart from the newest retained checkpoint in checkpointDir, a path to a
 *                   checkpoint or savepoint, {@code none} for a deliberate fresh start, or null (unset): a fresh
 *                   start that a self-managed run refuses when checkpointDir already holds a previous job's
 *                   checkpoints, since restarting without deciding would archive every message a second time
 */
public record RuntimeConfig(
        Duration checkpointInterval, String checkpointDir, String resume, int parallelism, Duration stateTtl)
        implements Serializable {

    public static final String RESUME_LATEST = "latest";
    public static final String RESUME_NONE = "none";

    public static RuntimeConfig from(PropertyGroup g) {
        Duration interval = g.duration(RuntimeSettings.CHECKPOINT_INTERVAL);
        if (interval.toMillis() < 100) {
            throw ConfigException.invalid(
                    RuntimeSettings.CHECKPOINT_INTERVAL.qualified(),
                    g.given(RuntimeSettings.CHECKPOINT_INTERVAL),
                    "at least 100 ms");
        }
        String dir = g.string(RuntimeSettings.CHECKPOINT_DIR);
        String resume = g.string(RuntimeSettings.RESUME);
        if (RESUME_LATEST.equals(resume) && dir == null) {
            throw ConfigException.missing(
                    RuntimeSettings.CHECKPOINT_DIR.qualified(),
                    "a directory to find the latest checkpoint in when " + RuntimeSettings.RESUME.is(RESUME_LATEST));
        }
        if (resume != null
                && !resume.equals(RESUME_LATEST)
                && !resume.equals(RESUME_NONE)
                && isMissingLocalPath(resume)) {
            // Flink would fail on submission without naming the setting; a typo of "latest" lands here too
            throw ConfigException.invalid(
                    RuntimeSettings.RESUME.qualified(),
                    resume,
                    "latest, none (a fresh start), or the path of an existing checkpoint or savepoint (its directory or _metadata file)");
        }
        return new RuntimeConfig(
                interval,
                dir,
                resume,
                g.integer(RuntimeSettings.PARALLELISM, 1, 1024),
                g.duration(RuntimeSettings.STATE_TTL));
    }

    /** True when the run starts without restoring state: job.resume unset or none. */
    public boolean freshStart() {
        return resume == null || resume.equals(RESUME_NONE);
    }

    /** Only local paths can be checked here; a remote one (s3://, hdfs://) is Flink's to find. */
    private static boolean isMissingLocalPath(String location) {
        String path = location.startsWith("file:") ? URI.create(location).getPath() : location;
        if (!location.startsWith("file:") && location.matches("^[a-zA-Z][a-zA-Z0-9+.-]+://.*")) {
            return false;
        }
        return !Files.exists(Paths.get(path));
    }
}
