package org.requestslakehouse.config;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

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
        Set<String> knownGroups = Settings.GROUPS.stream().map(SettingGroup::id).collect(Collectors.toSet());
        for (String id : byId.keySet()) {
            if (!knownGroups.contains(id)) {
                throw new ConfigException(
                        "Unknown property group '" + id + "': expected one of " + new TreeSet<>(knownGroups));
            }
        }
        SourceConfig source = SourceConfig.from(group(byId, SourceSettings.GROUP));
        JobConfig config = new JobConfig(
                source,
                KafkaConfig.from(group(byId, KafkaSettings.GROUP)),
                KinesisConfig.from(
                        group(byId, KinesisSettings.GROUP), source.type() == SourceConfig.SourceType.KINESIS),
                CatalogConfig.from(group(byId, CatalogSettings.GROUP)),
                ParseConfig.from(group(byId, ParseSettings.GROUP)),
                RuntimeConfig.from(group(byId, RuntimeSettings.GROUP)),
                GoldConfig.from(group(byId, GoldSettings.GROUP)),
                MaintenanceConfig.from(group(byId, MaintenanceSettings.GROUP)));
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
