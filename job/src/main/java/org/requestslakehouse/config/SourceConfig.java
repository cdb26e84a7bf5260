package org.requestslakehouse.config;

import java.io.Serializable;
import java.util.List;

/** Which source feeds the job. Group {@code source}; connector settings live in their own groups. */
public record SourceConfig(SourceType type, List<String> csvPaths) implements Serializable {

    public enum SourceType {
        CSV,
        KAFKA,
        KINESIS
    }

    public static final String GROUP = "source";

    public static SourceConfig from(PropertyGroup g) {
        SourceType type = g.enumValue("type", SourceType.class, SourceType.CSV);
        List<String> paths = List.copyOf(g.list("csv.paths"));
        if (type == SourceType.CSV && paths.isEmpty()) {
            throw ConfigException.missing(
                    g.qualified("csv.paths"),
                    "one or more CSV files or directories (comma-separated) when source.type=csv");
        }
        return new SourceConfig(type, paths);
    }
}
