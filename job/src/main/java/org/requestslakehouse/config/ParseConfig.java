package org.requestslakehouse.config;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.requestslakehouse.parsing.CityProfile;
import org.requestslakehouse.parsing.CityProfileLoader;

/**
 * Group {@link ParseSettings}.
 *
 * @param city        {@value #AUTO} or the name of a built-in city profile
 * @param cityProfile the user's profile read from {@code parse.city-profile} at job start, or null; carried here
 *                    (not its path) so the task managers need no access to the file
 */
public record ParseConfig(String timeZone, int maxPayloadBytes, String city, CityProfile cityProfile)
        implements Serializable {
    public static final String AUTO = "auto";

    /** Auto-detection among the built-in city profiles. */
    public ParseConfig(String timeZone, int maxPayloadBytes) {
        this(timeZone, maxPayloadBytes, AUTO, null);
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
        String city = g.string(ParseSettings.CITY).trim();
        if (!AUTO.equals(city) && !CityProfileLoader.BUILT_IN.contains(city)) {
            throw ConfigException.invalid(
                    ParseSettings.CITY.qualified(), city, AUTO + " or one of " + CityProfileLoader.BUILT_IN);
        }
        CityProfile profile = null;
        if (g.has(ParseSettings.CITY_PROFILE)) {
            String source = g.string(ParseSettings.CITY_PROFILE).trim();
            try {
                profile = CityProfileLoader.load(source);
            } catch (CityProfileLoader.CityProfileException e) {
                throw new ConfigException("Invalid " + ParseSettings.CITY_PROFILE.qualified() + ": " + e.getMessage());
            }
        }
        return new ParseConfig(zone, g.integer(ParseSettings.MAX_PAYLOAD_BYTES, 1024, 64 * 1024 * 1024), city, profile);
    }

    public ZoneId zoneId() {
        return ZoneId.of(timeZone);
    }

    /**
     * The city every message is from when the run is forced to one (by {@code parse.city-profile} or
     * {@code parse.city}), or null when each message's city is recognised while parsing.
     */
    public String forcedCity() {
        if (cityProfile != null) {
            return cityProfile.name();
        }
        return AUTO.equals(city) ? null : city;
    }

    /** The same settings with {@code city} forced ({@value #AUTO} to detect). */
    public ParseConfig withCity(String city) {
        return new ParseConfig(timeZone, maxPayloadBytes, city, cityProfile);
    }

    /** The same settings parsing every message with {@code profile}. */
    public ParseConfig withCityProfile(CityProfile profile) {
        return new ParseConfig(timeZone, maxPayloadBytes, city, profile);
    }
}
