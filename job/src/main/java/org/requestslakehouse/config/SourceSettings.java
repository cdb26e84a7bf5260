package org.requestslakehouse.config;

import java.util.List;
import org.requestslakehouse.config.SourceConfig.SourceType;

/** Group {@code source}: which source feeds the job; connector settings live in their own groups. */
public final class SourceSettings {
    public static final String GROUP = "source";
    static final SettingGroup SETTINGS =
            new SettingGroup(GROUP, "Which source feeds the job; each connector has its own group.");

    public static final Setting<SourceType> TYPE =
            SETTINGS.choice("type", SourceType.class, SourceType.CSV, "where the request events come from");
    public static final Setting<List<String>> CSV_PATHS = SETTINGS.list(
            "csv.paths",
            List.of(),
            "comma-separated CSV files or directories, `.gz` accepted; required when `source.type=csv`");

    private SourceSettings() {}
}
