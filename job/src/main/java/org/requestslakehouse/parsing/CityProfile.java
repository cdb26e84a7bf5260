package org.requestslakehouse.parsing;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one city publishes 311 data, declared in a JSON file (docs/cities.md): which columns mean which
 * {@link CanonicalField}, the layouts it is recognised by, its time zone and the vocabulary of its values. Built-in
 * profiles live in {@code cities/*.json} on the classpath; a user's is loaded with {@code parse.city-profile}.
 * {@link CityProfileLoader} binds and validates the file; {@link CityProfiles} compiles profiles into the lookup
 * tables the parser uses. Serializable because the parser ships inside an operator.
 *
 * @param name                   lower-case id ({@code boston}), what {@code parse.city} names and the warehouse
 *                               records as the city
 * @param displayName            for people: docs, dashboard
 * @param timeZone               IANA zone of published local times without an offset
 * @param bounds                 where real locations are; absent means the whole world
 * @param placeholderCoordinates points the city puts cases it could not geocode at; dropped and flagged
 * @param fields                 per canonical field (its silver column name, e.g. {@code open_ts}) the column
 *                               names that mean it; case and punctuation are ignored when matching (kept in the
 *                               file's order, so error messages are stable)
 * @param pointColumns           columns holding both coordinates in one text, {@code (lat, lon)},
 *                               {@code POINT (lon lat)} or a JSON object with latitude/longitude; used when the
 *                               separate latitude/longitude columns are empty
 * @param layouts                the shapes the city publishes, recognised by signature columns spelled exactly;
 *                               the winning layout's name is silver's {@code source_layout}
 * @param timestampFormats       {@link java.time.format.DateTimeFormatter} patterns tried after the built-in forms
 * @param status                 published status (any case) to {@code OPEN} or {@code CLOSED}
 * @param emptyValues            values that mean "no value" ({@code Unspecified}, {@code N/A}), any case
 * @param zip                    zip code rules
 * @param bostonClosureTexts     whether {@code closure_reason} texts are read as Boston writes them
 *                               ({@link ClosureReasonParser})
 * @param wholeNumberIds         the city's request ids are positive whole numbers, so any other id is a defect
 *                               ({@code INVALID_CASE_ID}); false keeps any id text as published (Open311's
 *                               {@code SR19-00134785})
 */
public record CityProfile(
        @JsonProperty("name") String name,
        @JsonProperty("display_name") String displayName,
        @JsonProperty("time_zone") String timeZone,
        @JsonProperty("bounds") Bounds bounds,
        @JsonProperty("placeholder_coordinates") List<Point> placeholderCoordinates,
        @JsonProperty("fields") Map<String, List<String>> fields,
        @JsonProperty("point_columns") List<String> pointColumns,
        @JsonProperty("layouts") List<Layout> layouts,
        @JsonProperty("timestamp_formats") List<String> timestampFormats,
        @JsonProperty("status") Map<String, String> status,
        @JsonProperty("empty_values") List<String> emptyValues,
        @JsonProperty("zip") Zip zip,
        @JsonProperty("boston_closure_texts") boolean bostonClosureTexts,
        @JsonProperty("whole_number_ids") boolean wholeNumberIds)
        implements Serializable {

    public CityProfile {
        placeholderCoordinates = placeholderCoordinates == null ? List.of() : List.copyOf(placeholderCoordinates);
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        pointColumns = pointColumns == null ? List.of() : List.copyOf(pointColumns);
        layouts = layouts == null ? List.of() : List.copyOf(layouts);
        timestampFormats = timestampFormats == null ? List.of() : List.copyOf(timestampFormats);
        status = status == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(status));
        emptyValues = emptyValues == null ? List.of() : List.copyOf(emptyValues);
        zip = zip == null ? Zip.DEFAULT : zip;
    }

    /** A latitude/longitude box, inclusive. */
    public record Bounds(
            @JsonProperty(value = "min_latitude", required = true)
            double minLatitude,

            @JsonProperty(value = "max_latitude", required = true)
            double maxLatitude,

            @JsonProperty(value = "min_longitude", required = true)
            double minLongitude,

            @JsonProperty(value = "max_longitude", required = true)
            double maxLongitude)
            implements Serializable {
        public static final Bounds WORLD = new Bounds(-90, 90, -180, 180);

        public boolean contains(double latitude, double longitude) {
            return latitude >= minLatitude
                    && latitude <= maxLatitude
                    && longitude >= minLongitude
                    && longitude <= maxLongitude;
        }
    }

    public record Point(
            @JsonProperty(value = "latitude", required = true)
            double latitude,

            @JsonProperty(value = "longitude", required = true)
            double longitude)
            implements Serializable {}

    /** One published shape: its name ({@code source_layout}) and the columns only it has, spelled exactly. */
    public record Layout(
            @JsonProperty("name") String name,

            @JsonProperty(value = "signature", required = true)
            List<String> signature)
            implements Serializable {
        public Layout {
            signature = signature == null ? List.of() : List.copyOf(signature);
        }
    }

    /**
     * ZIP+4 ({@code 02130-1234}) always becomes five digits and anything but four or five digits is invalid.
     *
     * @param restoreLeadingZero a four-digit zip lost its leading zero in a spreadsheet ({@code 2130} is
     *                           {@code 02130}); true where zips start with 0 (New England), false elsewhere,
     *                           where four digits are simply invalid
     */
    public record Zip(@JsonProperty("restore_leading_zero") boolean restoreLeadingZero) implements Serializable {
        public static final Zip DEFAULT = new Zip(false);
    }
}
