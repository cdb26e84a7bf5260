package org.requestslakehouse.parsing;

import org.requestslakehouse.model.ServiceRequest;

/**
 * Decides whether a published coordinate pair is a real location in Boston.
 *
 * <p>The box is generous on purpose: latitude {@value #MIN_LATITUDE}..{@value #MAX_LATITUDE} and longitude
 * {@value #MIN_LONGITUDE}..{@value #MAX_LONGITUDE} reach a little past the city's limits (Hyde Park's southern tip
 * near 42.23, Charlestown near 42.40, West Roxbury near -71.19, Deer Island near -70.96), so a point near the city
 * line is never dropped while swapped, zeroed or foreign coordinates are. Every located row of the real samples
 * falls inside it.
 */
public final class BostonBounds {
    public static final double MIN_LATITUDE = 42.22;
    public static final double MAX_LATITUDE = 42.41;
    public static final double MIN_LONGITUDE = -71.20;
    public static final double MAX_LONGITUDE = -70.95;
    /** City Hall: where the city puts cases it could not geocode. */
    public static final double PLACEHOLDER_LATITUDE = 42.3594;

    public static final double PLACEHOLDER_LONGITUDE = -71.0587;
    /** Closer than any real geocode would be by chance, looser than decimal-to-binary rounding. */
    private static final double PLACEHOLDER_TOLERANCE = 1e-7;

    private BostonBounds() {}

    /**
     * Sets the request's latitude and longitude from the published texts, or leaves both null: both blank is
     * simply "not geocoded"; anything else unusable is also flagged.
     */
    public static void apply(String latitudeText, String longitudeText, ServiceRequest target, DqFlags flags) {
        target.latitude = null;
        target.longitude = null;
        String latText = FieldNormalizers.text(latitudeText);
        String lonText = FieldNormalizers.text(longitudeText);
        if (latText == null && lonText == null) {
            return;
        }
        Double latitude = FieldNormalizers.decimal(latText);
        Double longitude = FieldNormalizers.decimal(lonText);
        if (latitude == null || longitude == null) {
            flags.add(DqFlags.INVALID_COORDINATES);
        } else if (isPlaceholder(latitude, longitude)) {
            flags.add(DqFlags.PLACEHOLDER_COORDINATES);
        } else if (!contains(latitude, longitude)) {
            flags.add(DqFlags.COORDINATES_OUT_OF_BOUNDS);
        } else {
            target.latitude = latitude;
            target.longitude = longitude;
        }
    }

    public static boolean isPlaceholder(double latitude, double longitude) {
        return Math.abs(latitude - PLACEHOLDER_LATITUDE) < PLACEHOLDER_TOLERANCE
                && Math.abs(longitude - PLACEHOLDER_LONGITUDE) < PLACEHOLDER_TOLERANCE;
    }

    public static boolean contains(double latitude, double longitude) {
        return latitude >= MIN_LATITUDE
                && latitude <= MAX_LATITUDE
                && longitude >= MIN_LONGITUDE
                && longitude <= MAX_LONGITUDE;
    }
}
