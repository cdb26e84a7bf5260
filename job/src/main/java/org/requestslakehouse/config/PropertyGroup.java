package org.requestslakehouse.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.util.TimeUtils;

/**
 * One property group (MSF's PropertyGroupId + PropertyMap) with typed accessors. Every accessor records the key
 * as known, so after building the typed config the loader can reject keys nobody read: a typo in a key must fail
 * at start-up instead of silently using a default.
 */
public final class PropertyGroup {
    /** A century: longer than any retention or lateness this job can mean, far from overflowing epoch millis. */
    static final Duration MAX_DURATION = Duration.ofDays(36_500);

    private final String id;
    private final Map<String, String> values;
    private final Set<String> known = new TreeSet<>();
    private final Set<String> prefixes = new TreeSet<>();

    public PropertyGroup(String id, Map<String, String> values) {
        this.id = id;
        this.values = new LinkedHashMap<>(values);
    }

    public String id() {
        return id;
    }

    public String qualified(String key) {
        return id + "." + key;
    }

    public boolean has(Setting<?> setting) {
        String key = own(setting);
        known.add(key);
        String v = values.get(key);
        return v != null && !v.isBlank();
    }

    public String string(Setting<String> setting) {
        return text(setting, setting.defaultValue());
    }

    /** Comma-separated list, blanks dropped; the declared default when absent. */
    public List<String> list(Setting<List<String>> setting) {
        String v = text(setting, null);
        if (v == null) {
            return setting.defaultValue();
        }
        return Arrays.stream(v.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
    }

    public int integer(Setting<Integer> setting, int min, int max) {
        String v = text(setting, null);
        if (v == null) {
            return setting.defaultValue();
        }
        try {
            int parsed = Integer.parseInt(v);
            if (parsed < min || parsed > max) {
                throw ConfigException.invalid(setting.qualified(), v, "a whole number between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ConfigException.invalid(setting.qualified(), v, "a whole number between " + min + " and " + max);
        }
    }

    /** Null when absent and declared without a default. */
    public Long longValue(Setting<Long> setting, long min, long max) {
        String v = text(setting, null);
        if (v == null) {
            return setting.defaultValue();
        }
        try {
            long parsed = Long.parseLong(v);
            if (parsed < min || parsed > max) {
                throw ConfigException.invalid(setting.qualified(), v, "a whole number between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ConfigException.invalid(setting.qualified(), v, "a whole number between " + min + " and " + max);
        }
    }

    public boolean bool(Setting<Boolean> setting) {
        String v = text(setting, null);
        if (v == null) {
            return setting.defaultValue();
        }
        switch (v.toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw ConfigException.invalid(setting.qualified(), v, "true or false");
        }
    }

    /**
     * Durations in Flink's notation: {@code 10 s}, {@code 5min}, {@code 400 d}, {@code 250ms}; at most
     * {@link #MAX_DURATION}, because every duration ends up added to epoch milliseconds somewhere, where a
     * larger one would overflow at run time instead of failing here.
     */
    public Duration duration(Setting<Duration> setting) {
        String v = text(setting, null);
        if (v == null) {
            return setting.defaultValue();
        }
        Duration d;
        try {
            d = TimeUtils.parseDuration(v);
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            throw ConfigException.invalid(setting.qualified(), v, "a duration such as '10 s', '5 min' or '7 d'");
        }
        if (d.isNegative() || d.compareTo(MAX_DURATION) > 0) {
            throw ConfigException.invalid(
                    setting.qualified(),
                    v,
                    "a duration from 0 s to " + MAX_DURATION.toDays() + " d, such as '10 s' or '5 min'");
        }
        return d;
    }

    /** As {@link #duration}, and more than zero. */
    public Duration positiveDuration(Setting<Duration> setting) {
        Duration d = duration(setting);
        if (d.isZero()) {
            throw ConfigException.invalid(
                    setting.qualified(), text(setting, ""), "a positive duration such as '1 min'");
        }
        return d;
    }

    /** A size in Flink's notation ({@code 128 mb}); null when absent and declared without a default. */
    public MemorySize size(Setting<MemorySize> setting) {
        String v = text(setting, null);
        if (v == null) {
            return setting.defaultValue();
        }
        try {
            return MemorySize.parse(v);
        } catch (IllegalArgumentException e) {
            throw ConfigException.invalid(setting.qualified(), v, "a size such as '128 mb' or '1 gb'");
        }
    }

    public <E extends Enum<E>> E enumValue(Setting<E> setting) {
        String v = text(setting, null);
        if (v == null) {
            return setting.defaultValue();
        }
        String normalized = v.toUpperCase(Locale.ROOT).replace('-', '_');
        for (Object e : setting.type().getEnumConstants()) {
            if (((Enum<?>) e).name().equals(normalized)) {
                @SuppressWarnings("unchecked")
                E value = (E) e;
                return value;
            }
        }
        throw ConfigException.invalid(setting.qualified(), v, "one of " + String.join(", ", setting.choices()));
    }

    /** The keys under a pass-through prefix, with the prefix removed: passes arbitrary client properties through. */
    public Map<String, String> withPrefix(Setting<Map<String, String>> setting) {
        String prefix = own(setting);
        prefixes.add(prefix);
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                known.add(e.getKey());
                out.put(e.getKey().substring(prefix.length()), e.getValue());
            }
        }
        return out;
    }

    /** The value as given, trimmed, or "" when absent: for messages about a value that failed a further check. */
    public String given(Setting<?> setting) {
        return text(setting, "");
    }

    /** The trimmed value, or {@code defaultValue} when absent or blank. */
    private String text(Setting<?> setting, String defaultValue) {
        String key = own(setting);
        known.add(key);
        String v = values.get(key);
        return v == null || v.isBlank() ? defaultValue : v.trim();
    }

    /** A setting of another group read here would silently read nothing: a programming error. */
    private String own(Setting<?> setting) {
        if (!setting.group().equals(id)) {
            throw new IllegalArgumentException("Setting " + setting.qualified() + " read from group " + id);
        }
        return setting.key();
    }

    /**
     * The keys accessors asked for, each pass-through prefix once as {@code prefix*}: what a misspelt key was
     * probably meant to be.
     */
    public Set<String> knownKeys() {
        Set<String> keys = new TreeSet<>();
        for (String key : known) {
            keys.add(prefixes.stream()
                    .filter(key::startsWith)
                    .findFirst()
                    .map(p -> p + "*")
                    .orElse(key));
        }
        keys.addAll(prefixes.stream().map(p -> p + "*").toList());
        return keys;
    }

    /** Keys present in the input that no accessor asked for. */
    public Set<String> unknownKeys() {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(known);
        return unknown;
    }

    Map<String, String> values() {
        return values;
    }
}
