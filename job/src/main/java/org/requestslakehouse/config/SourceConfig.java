package org.requestslakehouse.config;

import java.io.Serializable;
import java.util.List;

/** Which source feeds the job: group {@link SourceSettings}; connector settings live in their own groups. */
public record SourceConfig(SourceType type, List<String> csvPaths) implements Serializable {

    public enum SourceType {
        CSV,
        KAFKA,
        KINESIS
    }

    public static SourceConfig from(PropertyGroup g) {
        SourceType type = g.enumValue(SourceSettings.TYPE);
        List<String> paths = List.copyOf(g.list(SourceSettings.CSV_PATHS));
        if (type == SourceType.CSV && paths.isEmpty()) {
            throw ConfigException.missing(
                    SourceSettings.CSV_PATHS.qualified(),
                    "one or more CSV files or directories (comma-separated) when " + SourceSettings.TYPE.is(type));
        }
        return new SourceConfig(type, paths);
    }
}
