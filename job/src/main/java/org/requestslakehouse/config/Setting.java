package org.requestslakehouse.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.flink.util.TimeUtils;

/**
 * One setting of the job, declared once in its group's {@code *Settings} class: the name every reader, message,
 * command-line flag and the configuration reference (docs/configuration.md, generated from the declarations) use.
 * Config records read it through {@link PropertyGroup}; commands and the bench set it through {@link #qualified()}.
 *
 * @param key          the name within the group; a pass-through prefix ends with '.' and stands for any key after it
 * @param type         the Java type of the value, e.g. {@code Duration}, an enum, {@code List} of strings
 * @param defaultValue the value when the setting is absent or blank; null when there is none, or when it depends on
 *                     other settings (the description says how)
 * @param description  one line for the reference: what the setting means and when it is required
 */
public record Setting<T>(String group, String key, Class<?> type, T defaultValue, String description) {

    /** {@code group.key}, the form of {@code --set}, of error messages and of the reference. */
    public String qualified() {
        return group + "." + key;
    }

    /** {@code group.key=value}: a {@code --set} argument of the job jar, or the setting named with its value. */
    public String is(Object value) {
        return qualified() + "=" + text(value);
    }

    public boolean isPrefix() {
        return key.endsWith(".");
    }

    /** The values an enum setting accepts, as written in the configuration; empty for other types. */
    public List<String> choices() {
        if (!type.isEnum()) {
            return List.of();
        }
        return Arrays.stream(type.getEnumConstants()).map(Setting::text).toList();
    }

    /** How a value is written in the configuration: enums in lower case with '-' (csv, trim-horizon). */
    public static String text(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        if (value instanceof Duration d) {
            return TimeUtils.formatWithHighestUnit(d);
        }
        return String.valueOf(value);
    }
}
