package org.requestslakehouse.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.requestslakehouse.config.ConfigLoader;
import org.requestslakehouse.config.JobConfig;
import picocli.CommandLine.Option;

/** {@code --config FILE} and {@code --set group.key=value}: the generic way to reach every setting. */
public class ConfigOptions {
    @Option(
            names = "--config",
            paramLabel = "FILE",
            description =
                    "JSON file of property groups, the same format as MSF runtime properties (see flink-conf/application_properties.json).")
    Path configFile;

    @Option(
            names = "--set",
            paramLabel = "GROUP.KEY=VALUE",
            description =
                    "Override one setting, e.g. --set gold.emit-interval=2s. Applied after --config and before the dedicated flags.")
    Map<String, String> settings = new LinkedHashMap<>();

    /** @param flagOverrides settings implied by dedicated flags; they win over --set */
    public JobConfig load(Map<String, String> flagOverrides) {
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.putAll(flagOverrides);
        return ConfigLoader.load(configFile, all);
    }
}
