package org.requestslakehouse.config;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.ZoneId;

/** Group {@code parse}. */
public record ParseConfig(String timeZone, int maxPayloadBytes) implements Serializable {

    public static final String GROUP = "parse";
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 256 * 1024;

    public static ParseConfig defaults() {
        return new ParseConfig("America/New_York", DEFAULT_MAX_PAYLOAD_BYTES);
    }

    public static ParseConfig from(PropertyGroup g) {
        String zone = g.string("time-zone", "America/New_York");
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw ConfigException.invalid(
                    g.qualified("time-zone"), zone, "an IANA time-zone id such as America/New_York");
        }
        return new ParseConfig(zone, g.integer("max-payload-bytes", DEFAULT_MAX_PAYLOAD_BYTES, 1024, 64 * 1024 * 1024));
    }

    public ZoneId zoneId() {
        return ZoneId.of(timeZone);
    }
}
