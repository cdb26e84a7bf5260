package org.requestslakehouse.job;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.requestslakehouse.config.ConfigException;
import org.requestslakehouse.config.GoldSettings;

/**
 * The program arguments of {@link LakehouseJobMain}: {@code --config FILE} (property groups as JSON, the same file
 * the CLI's {@code --config} reads) and repeatable {@code --set GROUP.KEY=VALUE}, applied after the file. Parsed by
 * hand because the job jar must not depend on the CLI's argument library.
 *
 * @param configFile null when only {@code --set} was given
 */
public record JobArguments(Path configFile, Map<String, String> settings) {
    public static final String CONFIG = "--config";
    public static final String SET = "--set";
    static final String USAGE = "expected " + CONFIG + " FILE and/or " + SET + " GROUP.KEY=VALUE (repeatable)";

    public JobArguments {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    public boolean isEmpty() {
        return configFile == null && settings.isEmpty();
    }

    public static JobArguments parse(String... args) {
        Path file = null;
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") && arg.startsWith("--") ? arg.substring(0, arg.indexOf('=')) : arg;
            String inline = name.equals(arg) ? null : arg.substring(name.length() + 1);
            if (!name.equals(CONFIG) && !name.equals(SET)) {
                throw new ConfigException("Unknown argument '" + arg + "': " + USAGE);
            }
            String value = inline;
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new ConfigException("Argument " + name + " needs a value: " + USAGE);
                }
                value = args[++i];
            }
            if (name.equals(CONFIG)) {
                if (file != null) {
                    throw new ConfigException(CONFIG + " given twice (" + file + ", " + value + "): " + USAGE);
                }
                file = Paths.get(value);
            } else {
                int eq = value.indexOf('=');
                if (eq <= 0) {
                    throw new ConfigException("Invalid " + SET + " '" + value + "': expected GROUP.KEY=VALUE, e.g. "
                            + GoldSettings.EMIT_INTERVAL.is("2s"));
                }
                settings.put(value.substring(0, eq), value.substring(eq + 1));
            }
        }
        return new JobArguments(file, settings);
    }
}
