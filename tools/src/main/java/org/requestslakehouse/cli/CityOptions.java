package org.requestslakehouse.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.requestslakehouse.config.ParseSettings;
import picocli.CommandLine.Option;

/** {@code --city} and {@code --city-profile}: shorthands for the {@code parse.city*} settings (docs/cities.md). */
public class CityOptions {
    @Option(
            names = "--city",
            paramLabel = "NAME",
            description = "Parse every message as this built-in city: boston, nyc or open311 [parse.city]."
                    + " Default: auto.")
    String city;

    @Option(
            names = "--city-profile",
            paramLabel = "FILE",
            description = "Parse every message with your own city profile, a JSON file [parse.city-profile].")
    String cityProfile;

    /** The {@code parse.*} overrides these flags stand for, keyed {@code group.key}. */
    public Map<String, String> overrides() {
        Map<String, String> out = new LinkedHashMap<>();
        if (city != null) out.put(ParseSettings.CITY.qualified(), city);
        if (cityProfile != null) out.put(ParseSettings.CITY_PROFILE.qualified(), cityProfile);
        return out;
    }
}
