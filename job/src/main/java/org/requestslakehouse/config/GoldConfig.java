package org.requestslakehouse.config;

import java.io.Serializable;
import java.time.Duration;

/**
 * Group {@code gold}: windowed aggregates.
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

    public static final String GROUP = "gold";

    public static GoldConfig defaults() {
        return new GoldConfig(
                true, Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofDays(180));
    }

    public static GoldConfig from(PropertyGroup g) {
        GoldConfig d = defaults();
        Duration emit = g.duration("emit-interval", d.emitInterval());
        if (emit.toMillis() < 100) {
            throw ConfigException.invalid(
                    g.qualified("emit-interval"), g.string("emit-interval", ""), "at least 100 ms");
        }
        return new GoldConfig(
                g.bool("enabled", d.enabled()),
                emit,
                g.duration("out-of-orderness", d.outOfOrderness()),
                // Flink's idleness detection refuses zero, and only when the source starts: check it here.
                g.positiveDuration("idleness", d.idleness()),
                g.duration("allowed-lateness", d.allowedLateness()));
    }
}
