package org.requestslakehouse.parsing;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.requestslakehouse.model.ServiceRequest;

/**
 * One {@link CityProfile} compiled for the parser: its column table, its timestamp parser, its status vocabulary,
 * empty values, zip rule and coordinate rules. Immutable; built once per parser instance.
 */
final class CityRules {
    /** Closer than any real geocode would be by chance, looser than decimal-to-binary rounding. */
    private static final double PLACEHOLDER_TOLERANCE = 1e-7;

    private static final String NUMBER = "([-+]?[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)";
    /** {@code (40.83, -73.92)}: latitude first. */
    private static final Pattern PAIR = Pattern.compile("\\(\\s*" + NUMBER + "\\s*,\\s*" + NUMBER + "\\s*\\)");
    /** WKT {@code POINT (-73.92 40.83)}: longitude first. */
    private static final Pattern WKT = Pattern.compile("(?i)POINT\\s*\\(\\s*" + NUMBER + "\\s+" + NUMBER + "\\s*\\)");

    private static final Pattern JSON_LATITUDE = Pattern.compile("\"latitude\"\\s*:\\s*\"?" + NUMBER + "\"?");
    private static final Pattern JSON_LONGITUDE = Pattern.compile("\"longitude\"\\s*:\\s*\"?" + NUMBER + "\"?");

    private final CityProfile profile;
    private final int index;
    private final Map<String, Integer> slots = new HashMap<>();
    private final TimestampParser timestamps;
    private final ClosureReasonParser closures;
    private final CityProfile.Bounds bounds;
    private final double[] placeholderLatitudes;
    private final double[] placeholderLongitudes;
    private final String[] statusWords;
    private final boolean[] statusClosed;
    private final String[] emptyValues;
    private final String idHint;
    private final String openHint;

    CityRules(CityProfile profile, int index) {
        this.profile = profile;
        this.index = index;
        for (CanonicalField field : CanonicalField.values()) {
            slots.put(CityProfiles.normalise(field.column()), field.ordinal());
        }
        for (Map.Entry<String, List<String>> e : profile.fields().entrySet()) {
            int slot = CityProfiles.fieldNamed(e.getKey()).ordinal();
            for (String column : e.getValue()) {
                slots.put(CityProfiles.normalise(column), slot);
            }
        }
        for (String column : profile.pointColumns()) {
            slots.put(CityProfiles.normalise(column), CityProfiles.POINT);
        }
        DateTimeFormatter[] formats = profile.timestampFormats().stream()
                .map(pattern -> DateTimeFormatter.ofPattern(pattern, Locale.ROOT))
                .toArray(DateTimeFormatter[]::new);
        timestamps = new TimestampParser(ZoneId.of(profile.timeZone()), formats);
        closures = profile.bostonClosureTexts() ? new ClosureReasonParser(timestamps) : null;
        bounds = profile.bounds() != null ? profile.bounds() : CityProfile.Bounds.WORLD;
        placeholderLatitudes = profile.placeholderCoordinates().stream()
                .mapToDouble(CityProfile.Point::latitude)
                .toArray();
        placeholderLongitudes = profile.placeholderCoordinates().stream()
                .mapToDouble(CityProfile.Point::longitude)
                .toArray();
        statusWords = new String[profile.status().size()];
        statusClosed = new boolean[statusWords.length];
        int i = 0;
        for (Map.Entry<String, String> e : profile.status().entrySet()) {
            statusWords[i] = e.getKey().trim();
            statusClosed[i++] = CityProfileLoader.CLOSED.equals(e.getValue());
        }
        emptyValues = profile.emptyValues().stream().map(String::trim).toArray(String[]::new);
        idHint = hint(profile.fields().get(CanonicalField.CASE_ENQUIRY_ID.column()));
        openHint = hint(profile.fields().get(CanonicalField.OPEN_TS.column()));
    }

    String name() {
        return profile.name();
    }

    CityProfile profile() {
        return profile;
    }

    int index() {
        return index;
    }

    /** The slot (a {@link CanonicalField} ordinal or {@link CityProfiles#POINT}) of a normalised key, or -1. */
    int slotOf(String normalisedKey) {
        Integer slot = slots.get(normalisedKey);
        return slot == null ? -1 : slot;
    }

    TimestampParser timestamps() {
        return timestamps;
    }

    /** Null when the profile does not read closure texts. */
    ClosureReasonParser closures() {
        return closures;
    }

    /** See {@link CityProfile#wholeNumberIds()}. */
    boolean wholeNumberIds() {
        return profile.wholeNumberIds();
    }

    boolean restoreLeadingZero() {
        return profile.zip().restoreLeadingZero();
    }

    /** The case id columns for messages: {@code case_enquiry_id, case_id}. */
    String idHint() {
        return idHint;
    }

    String openHint() {
        return openHint;
    }

    /** {@code raw}, trimmed, is one of the profile's empty values. */
    boolean isEmptyValue(String raw) {
        if (emptyValues.length == 0 || raw == null) {
            return false;
        }
        int from = 0;
        int to = raw.length();
        while (from < to && raw.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && raw.charAt(to - 1) <= ' ') {
            to--;
        }
        for (String empty : emptyValues) {
            if (empty.length() == to - from && raw.regionMatches(true, from, empty, 0, empty.length())) {
                return true;
            }
        }
        return false;
    }

    /** The published status (already through {@link FieldNormalizers#text}) means CLOSED. */
    boolean meansClosed(String publishedStatus) {
        int i = statusIndex(publishedStatus);
        return i >= 0 && statusClosed[i];
    }

    /** The published status means OPEN. */
    boolean meansOpen(String publishedStatus) {
        int i = statusIndex(publishedStatus);
        return i >= 0 && !statusClosed[i];
    }

    private int statusIndex(String publishedStatus) {
        if (publishedStatus == null) {
            return -1;
        }
        for (int i = 0; i < statusWords.length; i++) {
            if (statusWords[i].equalsIgnoreCase(publishedStatus)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Sets the request's latitude and longitude from the published texts, or leaves both null: both blank (and no
     * point column) is simply "not geocoded"; anything else unusable is also flagged.
     */
    void applyCoordinates(
            String latitudeText, String longitudeText, String pointText, ServiceRequest target, DqFlags flags) {
        target.latitude = null;
        target.longitude = null;
        String latText = FieldNormalizers.text(latitudeText);
        String lonText = FieldNormalizers.text(longitudeText);
        Double latitude;
        Double longitude;
        if (latText == null && lonText == null) {
            String point = FieldNormalizers.text(pointText);
            if (point == null) {
                return;
            }
            double[] parsed = point(point);
            latitude = parsed == null ? null : parsed[0];
            longitude = parsed == null ? null : parsed[1];
        } else {
            latitude = FieldNormalizers.decimal(latText);
            longitude = FieldNormalizers.decimal(lonText);
        }
        if (latitude == null || longitude == null) {
            flags.add(DqFlags.INVALID_COORDINATES);
        } else if (isPlaceholder(latitude, longitude)) {
            flags.add(DqFlags.PLACEHOLDER_COORDINATES);
        } else if (!bounds.contains(latitude, longitude)) {
            flags.add(DqFlags.COORDINATES_OUT_OF_BOUNDS);
        } else {
            target.latitude = latitude;
            target.longitude = longitude;
        }
    }

    boolean isPlaceholder(double latitude, double longitude) {
        for (int i = 0; i < placeholderLatitudes.length; i++) {
            if (Math.abs(latitude - placeholderLatitudes[i]) < PLACEHOLDER_TOLERANCE
                    && Math.abs(longitude - placeholderLongitudes[i]) < PLACEHOLDER_TOLERANCE) {
                return true;
            }
        }
        return false;
    }

    /** {latitude, longitude} from {@code (lat, lon)}, {@code POINT (lon lat)} or a JSON object text; else null. */
    static double[] point(String text) {
        Matcher m = PAIR.matcher(text);
        if (m.matches()) {
            return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
        }
        m = WKT.matcher(text);
        if (m.matches()) {
            return new double[] {Double.parseDouble(m.group(2)), Double.parseDouble(m.group(1))};
        }
        if (text.startsWith("{")) {
            Matcher lat = JSON_LATITUDE.matcher(text);
            Matcher lon = JSON_LONGITUDE.matcher(text);
            if (lat.find() && lon.find()) {
                return new double[] {Double.parseDouble(lat.group(1)), Double.parseDouble(lon.group(1))};
            }
        }
        return null;
    }

    /**
     * The columns a message lacked, for rejection details: spellings that differ only in case are one
     * ({@code CASE_ENQUIRY_ID, case_enquiry_id, case_id} reads {@code case_enquiry_id, case_id}).
     */
    private static String hint(List<String> columns) {
        Map<String, String> byLowerCase = new HashMap<>();
        Set<String> order = new LinkedHashSet<>();
        for (String column : columns == null ? List.<String>of() : columns) {
            String lower = column.toLowerCase(Locale.ROOT);
            order.add(lower);
            byLowerCase.put(lower, column);
        }
        return String.join(", ", order.stream().map(byLowerCase::get).toList());
    }
}
