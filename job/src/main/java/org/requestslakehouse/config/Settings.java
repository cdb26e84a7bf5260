package org.requestslakehouse.config;

import java.util.List;
import java.util.Optional;

/** Every property group the job reads, in the order of the configuration reference. */
public final class Settings {
    public static final List<SettingGroup> GROUPS = List.of(
            SourceSettings.SETTINGS,
            KafkaSettings.SETTINGS,
            KinesisSettings.SETTINGS,
            CatalogSettings.SETTINGS,
            ParseSettings.SETTINGS,
            RuntimeSettings.SETTINGS,
            GoldSettings.SETTINGS,
            MaintenanceSettings.SETTINGS);

    private Settings() {}

    public static List<Setting<?>> all() {
        return GROUPS.stream().flatMap(g -> g.settings().stream()).toList();
    }

    public static Optional<SettingGroup> group(String id) {
        return GROUPS.stream().filter(g -> g.id().equals(id)).findFirst();
    }
}
