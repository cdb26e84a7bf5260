package org.requestslakehouse.config;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The whole job configuration: typed, immutable and validated. Built only through {@link #fromGroups}, which
 * rejects unknown groups and keys so a misspelt setting fails at start-up instead of silently using a default.
 */
public record JobConfig(
        SourceConfig source,
        KafkaConfig kafka,
        KinesisConfig kinesis,
        CatalogConfig catalog,
        ParseConfig parse,
        RuntimeConfig runtime,
        GoldConfig gold,
        MaintenanceConfig maintenance)
        implements Serializable {

    /** @param groups property group id to its key/value map, as MSF hands them to the application */
    public static JobConfig fromGroups(Map<String, Map<String, String>> groups) {
        Map<String, PropertyGroup> byId = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String>> e : groups.entrySet()) {
            byId.put(e.getKey(), new PropertyGroup(e.getKey(), e.getValue()));
        }
        Set<String> knownGroups = Set.of(
                SourceConfig.GROUP,
                KafkaConfig.GROUP,
                KinesisConfig.GROUP,
                CatalogConfig.GROUP,
                ParseConfig.GROUP,
                RuntimeConfig.GROUP,
                GoldConfig.GROUP,
                MaintenanceConfig.GROUP);
        for (String id : byId.keySet()) {
            if (!knownGroups.contains(id)) {
                throw new ConfigException(
                        "Unknown property group '" + id + "': expected one of " + new TreeSet<>(knownGroups));
            }
        }
        SourceConfig source = SourceConfig.from(group(byId, SourceConfig.GROUP));
        JobConfig config = new JobConfig(
                source,
                KafkaConfig.from(group(byId, KafkaConfig.GROUP)),
                KinesisConfig.from(group(byId, KinesisConfig.GROUP), source.type() == SourceConfig.SourceType.KINESIS),
                CatalogConfig.from(group(byId, CatalogConfig.GROUP)),
                ParseConfig.from(group(byId, ParseConfig.GROUP)),
                RuntimeConfig.from(group(byId, RuntimeConfig.GROUP)),
                GoldConfig.from(group(byId, GoldConfig.GROUP)),
                MaintenanceConfig.from(group(byId, MaintenanceConfig.GROUP)));
        for (PropertyGroup g : byId.values()) {
            Set<String> unknown = g.unknownKeys();
            if (!unknown.isEmpty()) {
                String key = g.qualified(unknown.iterator().next());
                throw new ConfigException("Unknown setting " + key + ": expected one of "
                        + String.join(", ", g.knownKeys()) + " (see docs/configuration.md)");
            }
        }
        return config;
    }

    private static PropertyGroup group(Map<String, PropertyGroup> byId, String id) {
        return byId.computeIfAbsent(id, k -> new PropertyGroup(k, Map.of()));
    }
}
