package org.requestslakehouse.config;

import java.io.Serializable;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;

/**
 * Group {@code job}: how a self-managed run checkpoints and restarts. On Managed Service for Apache Flink the
 * service owns checkpointing and parallelism, so these settings are ignored there.
 *
 * @param resume     {@code latest} to restart from the newest retained checkpoint in checkpointDir, a path to a
 *                   checkpoint or savepoint, or null for a fresh start
 */
public record RuntimeConfig(
        Duration checkpointInterval,
        String checkpointDir,
        String resume,
        int parallelism,
        Duration stateTtl) implements Serializable {

    public static final String GROUP = "job";

    public static RuntimeConfig from(PropertyGroup g) {
        Duration interval = g.duration("checkpoint-interval", Duration.ofSeconds(10));
        if (interval.toMillis() < 100) {
            throw ConfigException.invalid(g.qualified("checkpoint-interval"), g.string("checkpoint-interval", ""), "at least 100 ms");
        }
        String dir = g.string("checkpoint-dir", null);
        String resume = g.string("resume", null);
        if (resume != null && resume.equals("latest") && dir == null) {
            throw ConfigException.missing(g.qualified("checkpoint-dir"), "a directory to find the latest checkpoint in when job.resume=latest");
        }
        if (resume != null && !resume.equals("latest") && isMissingLocalPath(resume)) {
            // Flink would fail on submission without naming the setting; a typo of "latest" lands here too
            throw ConfigException.invalid(g.qualified("resume"), resume,
                    "latest, or the path of an existing checkpoint or savepoint (its directory or _metadata file)");
        }
        return new RuntimeConfig(
                interval,
                dir,
                resume,
                g.integer("parallelism", 2, 1, 1024),
                g.duration("state-ttl", Duration.ofDays(400)));
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
