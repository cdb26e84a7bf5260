package org.requestslakehouse.reliability;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.requestslakehouse.config.ConfigLoader;
import org.requestslakehouse.config.JobConfig;

/** Job settings for the suite: an unbounded Kafka source, a local catalog and retained checkpoints under one directory. */
final class SuiteConfigs {
    private SuiteConfigs() {}

    /**
     * Two-second checkpoints (so, commits) keep a restart's replay short and give the faults many commits to hit,
     * without so many small files that reading the upsert tables back dominates the suite; gold emits early every
     * half second so it is current soon after the input ends.
     */
    static Map<String, String> kafkaSettings(Path dir, String bootstrapServers, String topic) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("source.type", "kafka");
        settings.put("kafka.bootstrap-servers", bootstrapServers);
        settings.put("kafka.topics", topic);
        settings.put("kafka.group-id", "reliability-" + topic);
        settings.put("catalog.warehouse", dir.resolve("warehouse").toString());
        settings.put("job.checkpoint-interval", "2 s");
        settings.put("job.checkpoint-dir", dir.resolve("checkpoints").toString());
        settings.put("job.parallelism", "2");
        settings.put("gold.emit-interval", "500 ms");
        return settings;
    }

    static JobConfig kafka(Path dir, String bootstrapServers, String topic) {
        return ConfigLoader.load(null, kafkaSettings(dir, bootstrapServers, topic));
    }

    /**
     * The same, with the catalog and file IO that fail when {@link Faults} says so, and table maintenance on a
     * schedule that makes rewrites and expiries race the sinks' commits many times in a few minutes: every 5 commits
     * of a table, expiring what is older than 10 s beyond the last 5 snapshots. The target file size keeps rewritten
     * files out of later rewrites, so each run compacts only what the stream added since (with the default 512 MB
     * target every run would rewrite the whole table again).
     */
    static JobConfig kafkaWithFaultyCatalogAndMaintenance(Path dir, String bootstrapServers, String topic) {
        Map<String, String> settings = kafkaSettings(dir, bootstrapServers, topic);
        settings.put("catalog.property.catalog-impl", FaultInjectingCatalog.class.getName());
        settings.put("catalog.property.io-impl", FaultInjectingFileIO.class.getName());
        settings.put("maintenance.rate-limit", "1 s");
        settings.put("maintenance.rewrite.commit-count", "5");
        settings.put("maintenance.rewrite.interval", "30 s");
        settings.put("maintenance.rewrite.target-file-size", "8 mb");
        settings.put("maintenance.expire-snapshots.commit-count", "5");
        settings.put("maintenance.expire-snapshots.interval", "30 s");
        settings.put("maintenance.expire-snapshots.max-age", "10 s");
        settings.put("maintenance.expire-snapshots.retain-last", "5");
        return ConfigLoader.load(null, settings);
    }

    /** {@code base} with more settings (parallelism, resume path...). */
    static JobConfig with(Path dir, String bootstrapServers, String topic, Map<String, String> overrides) {
        Map<String, String> settings = kafkaSettings(dir, bootstrapServers, topic);
        settings.putAll(overrides);
        return ConfigLoader.load(null, settings);
    }
}
