package org.requestslakehouse.generate;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Whose data {@code generate} writes, and in which shape. */
public enum City {
    /** Boston's exports, in one of the {@link Layout}s. */
    BOSTON("boston", "csv"),
    /** New York City's portal export, current 41-column layout ({@link NycRequestGenerator}). */
    NYC("nyc", "csv"),
    /** An Open311 GeoReport v2 {@code requests.json} array, shaped like Chicago's ({@link Open311RequestGenerator}). */
    OPEN311("open311", "json");

    private final String cliName;
    private final String extension;

    City(String cliName, String extension) {
        this.cliName = cliName;
        this.extension = extension;
    }

    public String cliName() {
        return cliName;
    }

    /** The file name extension of what is written for this city: {@code csv} or {@code json}. */
    public String extension() {
        return extension;
    }

    public static City fromCliName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(c -> c.cliName.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown city '" + name + "'; expected one of "
                        + Arrays.stream(values()).map(City::cliName).collect(Collectors.joining(", "))));
    }
}
