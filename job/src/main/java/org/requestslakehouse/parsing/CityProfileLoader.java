package org.requestslakehouse.parsing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a {@link CityProfile} from JSON and checks it, so that a bad profile fails at job start with the key and
 * value at fault instead of parsing a city's data wrongly. Unknown keys are errors too: a misspelt key would
 * otherwise be silently ignored.
 */
public final class CityProfileLoader {
    /** The profiles shipped in {@code cities/} on the classpath, in the order auto-detection falls back through. */
    public static final List<String> BUILT_IN = List.of("boston", "nyc", "open311");

    static final String OPEN = "OPEN";
    static final String CLOSED = "CLOSED";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,39}");
    private static final Pattern LAYOUT_NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private CityProfileLoader() {}

    /** A built-in profile by name. */
    public static CityProfile builtIn(String name) {
        if (!BUILT_IN.contains(name)) {
            throw new CityProfileException(
                    "no built-in city profile '" + name + "': the built-in ones are " + BUILT_IN);
        }
        String resource = "/cities/" + name + ".json";
        try (InputStream in = CityProfileLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new CityProfileException("built-in city profile " + resource + " is missing from the classpath");
            }
            return read(in, "built-in " + name);
        } catch (IOException e) {
            throw new CityProfileException("cannot read built-in city profile " + resource + ": " + e.getMessage());
        }
    }

    /** A user's profile from a file path or a {@code file:}/{@code jar:} URI. */
    public static CityProfile load(String pathOrUri) {
        try (InputStream in = open(pathOrUri)) {
            return read(in, pathOrUri);
        } catch (IOException e) {
            throw new CityProfileException("city profile " + pathOrUri + " cannot be read: " + e);
        }
    }

    /** Binds and validates; {@code source} names the file in error messages. */
    public static CityProfile read(InputStream in, String source) throws IOException {
        CityProfile profile;
        try {
            profile = JSON.readValue(in, CityProfile.class);
        } catch (UnrecognizedPropertyException e) {
            throw new CityProfileException("city profile " + source + ": unknown key '" + path(e)
                    + "'; the keys are described in docs/cities.md");
        } catch (JsonMappingException e) {
            throw new CityProfileException(
                    "city profile " + source + ": at '" + path(e) + "': " + e.getOriginalMessage());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CityProfileException("city profile " + source + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (profile == null) {
            throw new CityProfileException("city profile " + source + " is empty");
        }
        validate(profile, source);
        return profile;
    }

    static void validate(CityProfile p, String source) {
        Problems problems = new Problems(source);
        if (p.name() == null) {
            problems.add("name", "(missing)", "the city's id, such as chicago");
        } else if (!NAME.matcher(p.name()).matches()) {
            problems.add("name", p.name(), "lower-case letters, digits, '-' or '_', starting with a letter");
        }
        try {
            ZoneId.of(String.valueOf(p.timeZone()));
        } catch (DateTimeException e) {
            problems.add("time_zone", p.timeZone(), "an IANA time-zone id such as America/Chicago");
        }
        CityProfile.Bounds b = p.bounds();
        if (b != null
                && !(b.minLatitude() < b.maxLatitude()
                        && b.minLongitude() < b.maxLongitude()
                        && b.minLatitude() >= -90
                        && b.maxLatitude() <= 90
                        && b.minLongitude() >= -180
                        && b.maxLongitude() <= 180)) {
            problems.add("bounds", b.toString(), "min below max, latitudes within -90..90, longitudes -180..180");
        }
        for (CityProfile.Point point : p.placeholderCoordinates()) {
            if (Math.abs(point.latitude()) > 90 || Math.abs(point.longitude()) > 180) {
                problems.add("placeholder_coordinates", point.toString(), "a latitude and longitude on Earth");
            }
        }
        Map<String, String> claimedBy = new HashMap<>();
        for (Map.Entry<String, List<String>> e : p.fields().entrySet()) {
            CanonicalField field = CityProfiles.fieldNamed(e.getKey());
            if (field == null) {
                problems.add("fields", e.getKey(), "a canonical field name: " + CityProfiles.fieldNames());
                continue;
            }
            for (String column : nonNull(e.getValue())) {
                claim(problems, claimedBy, column, "fields." + e.getKey());
            }
        }
        for (String column : p.pointColumns()) {
            claim(problems, claimedBy, column, "point_columns");
        }
        for (String required : List.of("case_enquiry_id", "open_ts")) {
            if (nonNull(p.fields().get(required)).isEmpty()) {
                problems.add("fields." + required, "(none)", "at least one column name");
            }
        }
        Set<String> layoutNames = new HashSet<>();
        Set<String> signatureColumns = new HashSet<>();
        for (CityProfile.Layout layout : p.layouts()) {
            if (!LAYOUT_NAME.matcher(layout.name()).matches() || layout.name().equals("UNKNOWN")) {
                problems.add("layouts.name", layout.name(), "upper-case letters, digits and '_', not UNKNOWN");
            } else if (!layoutNames.add(layout.name())) {
                problems.add("layouts.name", layout.name(), "a name no other layout of the profile has");
            }
            if (layout.signature().isEmpty()) {
                problems.add("layouts." + layout.name() + ".signature", "[]", "at least one column name");
            }
            for (String column : layout.signature()) {
                if (!signatureColumns.add(column)) {
                    problems.add("layouts." + layout.name() + ".signature", column, "a column no other layout claims");
                }
            }
        }
        for (String pattern : p.timestampFormats()) {
            try {
                DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
            } catch (IllegalArgumentException e) {
                problems.add("timestamp_formats", pattern, "a java.time DateTimeFormatter pattern such as M/d/yy H:mm");
            }
        }
        for (Map.Entry<String, String> e : p.status().entrySet()) {
            if (!OPEN.equals(e.getValue()) && !CLOSED.equals(e.getValue())) {
                problems.add("status." + e.getKey(), e.getValue(), OPEN + " or " + CLOSED);
            }
        }
        for (String empty : p.emptyValues()) {
            if (empty == null || empty.isBlank()) {
                problems.add("empty_values", String.valueOf(empty), "a non-blank text");
            }
        }
        problems.throwIfAny();
    }

    private static void claim(Problems problems, Map<String, String> claimedBy, String column, String where) {
        if (column == null || CityProfiles.normalise(column).isEmpty()) {
            problems.add(where, String.valueOf(column), "a column name with at least one letter or digit");
            return;
        }
        String previous = claimedBy.putIfAbsent(CityProfiles.normalise(column), where);
        if (previous != null && !previous.equals(where)) {
            problems.add(where, column, "a column not already listed under " + previous);
        }
    }

    private static List<String> nonNull(List<String> list) {
        return list == null ? List.of() : list;
    }

    private static InputStream open(String pathOrUri) throws IOException {
        if (pathOrUri.startsWith("file:") || pathOrUri.startsWith("jar:")) {
            return URI.create(pathOrUri).toURL().openStream();
        }
        return Files.newInputStream(Path.of(pathOrUri));
    }

    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                b.append('[').append(ref.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    /** Every problem of a profile at once, so a user fixes them in one round. */
    private static final class Problems {
        private final String source;
        private final StringBuilder text = new StringBuilder();

        Problems(String source) {
            this.source = source;
        }

        void add(String key, String value, String expected) {
            text.append(text.length() == 0 ? "" : "; ")
                    .append("invalid value '")
                    .append(value)
                    .append("' for ")
                    .append(key)
                    .append(": expected ")
                    .append(expected);
        }

        void throwIfAny() {
            if (text.length() > 0) {
                throw new CityProfileException("city profile " + source + ": " + text);
            }
        }
    }

    /** A city profile is missing, unreadable or invalid; the message names the file, the key and the value. */
    public static final class CityProfileException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public CityProfileException(String message) {
            super(message);
        }
    }
}
