package org.requestslakehouse.config;

import java.io.Serializable;
import java.time.Duration;

/**
 * Group {@link GoldSettings}: windowed aggregates.
 *
 * @param emitInterval     processing-time period of early emissions while a window is open
 * @param outOfOrderness   how far behind the newest event the watermark trails
 * @param idleness         a source split with no data for this long stops holding the watermark back
 * @param allowedLateness  how long (event time) after its end a window still accepts corrections. Published
 *                         extracts are only roughly ordered (the real samples jump back up to 114 days), so the
 *                         default is generous: window state is small (one row per hour x neighborhood and per
 *                         day x department x type), while a correction past this bound can only be logged
 */
public record GoldConfig(
        boolean enabled, Duration emitInterval, Duration outOfOrderness, Duration idleness, Duration allowedLateness)
        implements Serializable {

    public static GoldConfig defaults() {
        return new GoldConfig(
                GoldSettings.ENABLED.defaultValue(),
                GoldSettings.EMIT_INTERVAL.defaultValue(),
                GoldSettings.OUT_OF_ORDERNESS.defaultValue(),
                GoldSettings.IDLENESS.defaultValue(),
                GoldSettings.ALLOWED_LATENESS.defaultValue());
    }

    public static GoldConfig from(PropertyGroup g) {
        Duration emit = g.duration(GoldSettings.EMIT_INTERVAL);
        if (emit.toMillis() < 100) {
            throw ConfigException.invalid(
                    GoldSettings.EMIT_INTERVAL.qualified(), g.given(GoldSettings.EMIT_INTERVAL), "at least 100 ms");
        }
        return new GoldConfig(
                g.bool(GoldSettings.ENABLED),
                emit,
                g.duration(GoldSettings.OUT_OF_ORDERNESS),
                // Flink's idleness detection refuses zero, and only when the source starts: check it here.
                g.positiveDuration(GoldSettings.IDLENESS),
                g.duration(GoldSettings.ALLOWED_LATENESS));
    }
}
