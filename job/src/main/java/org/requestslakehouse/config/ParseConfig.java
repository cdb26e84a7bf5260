package org.requestslakehouse.config;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * Group {@link ParseSettings}.
 *
 * @param city the city every message is from, or null when each message's city is recognised while parsing (which,
 *     until city profiles exist, always recognises Boston). No setting sets it yet: {@link #from} leaves it null
 */
public record ParseConfig(String timeZone, int maxPayloadBytes, String city) implements Serializable {

    public ParseConfig(String timeZone, int maxPayloadBytes) {
        this(timeZone, maxPayloadBytes, null);
    }

    /** The same settings with every message taken to be from {@code city}. */
    public ParseConfig withCity(String city) {
        return new ParseConfig(timeZone, maxPayloadBytes, city);
    }

    public static ParseConfig defaults() {
        return new ParseConfig(ParseSettings.TIME_ZONE.defaultValue(), ParseSettings.MAX_PAYLOAD_BYTES.defaultValue());
    }

    public static ParseConfig from(PropertyGroup g) {
        String zone = g.string(ParseSettings.TIME_ZONE);
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw ConfigException.invalid(
                    ParseSettings.TIME_ZONE.qualified(),
                    zone,
                    "an IANA time-zone id such as " + ParseSettings.TIME_ZONE.defaultValue());
        }
        return new ParseConfig(zone, g.integer(ParseSettings.MAX_PAYLOAD_BYTES, 1024, 64 * 1024 * 1024));
    }

    public ZoneId zoneId() {
        return ZoneId.of(timeZone);
    }
}
