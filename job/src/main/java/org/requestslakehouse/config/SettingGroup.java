package org.requestslakehouse.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.MemorySize;

/**
 * A property group's declarations (MSF's PropertyGroupId), in the order the reference lists them. Each
 * {@code *Settings} class creates one and declares its settings through it, so a declared setting cannot be left
 * out of {@link Settings#GROUPS} and of the reference.
 */
public final class SettingGroup {
    private final String id;
    private final String description;
    private final List<Setting<?>> settings = new ArrayList<>();

    SettingGroup(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public List<Setting<?>> settings() {
        return List.copyOf(settings);
    }

    Setting<String> string(String key, String defaultValue, String description) {
        return add(new Setting<>(id, key, String.class, defaultValue, description));
    }

    /** Comma-separated values, blanks dropped. */
    Setting<List<String>> list(String key, List<String> defaultValue, String description) {
        return add(new Setting<>(id, key, List.class, defaultValue, description));
    }

    Setting<Integer> integer(String key, Integer defaultValue, String description) {
        return add(new Setting<>(id, key, Integer.class, defaultValue, description));
    }

    Setting<Long> longValue(String key, Long defaultValue, String description) {
        return add(new Setting<>(id, key, Long.class, defaultValue, description));
    }

    Setting<Boolean> bool(String key, boolean defaultValue, String description) {
        return add(new Setting<>(id, key, Boolean.class, defaultValue, description));
    }

    Setting<Duration> duration(String key, Duration defaultValue, String description) {
        return add(new Setting<>(id, key, Duration.class, defaultValue, description));
    }

    /** A size in Flink's notation ({@code 128 mb}, {@code 1 gb}). */
    Setting<MemorySize> size(String key, String defaultValue, String description) {
        return add(new Setting<>(
                id, key, MemorySize.class, defaultValue == null ? null : MemorySize.parse(defaultValue), description));
    }

    <E extends Enum<E>> Setting<E> choice(String key, Class<E> type, E defaultValue, String description) {
        return add(new Setting<>(id, key, type, defaultValue, description));
    }

    /** Passes every key under {@code prefix} through, the prefix removed. */
    Setting<Map<String, String>> prefix(String prefix, String description) {
        if (!prefix.endsWith(".")) {
            throw new IllegalArgumentException("A pass-through prefix ends with '.': " + prefix);
        }
        return add(new Setting<>(id, prefix, Map.class, Map.of(), description));
    }

    private <T> Setting<T> add(Setting<T> setting) {
        if (settings.stream().anyMatch(s -> s.key().equals(setting.key()))) {
            throw new IllegalStateException("Setting " + setting.qualified() + " declared twice");
        }
        settings.add(setting);
        return setting;
    }
}
