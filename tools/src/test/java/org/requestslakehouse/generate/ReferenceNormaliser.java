package org.requestslakehouse.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.text.StringEscapeUtils;

/**
 * An independent, test-only reading of published values back into canonical ones, written from the quirk list of
 * docs/input-and-tables.md rather than from the renderer, so that renderer and generator cannot agree on a mistake.
 */
final class ReferenceNormaliser {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.US);
    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a", Locale.US);

    private ReferenceNormaliser() {}

    static void assertRecovers(Layout layout, Map<String, String> published, GeneratedRequest expected) {
        String id = "case " + expected.caseId() + " in " + layout.cliName();
        Place place = expected.place();
        assertThat(Long.parseLong(value(layout, published, Column.CASE_ID)))
                .as(id)
                .isEqualTo(expected.caseId());
        assertThat(instant(layout, published, Column.OPEN)).as(id).isEqualTo(expected.openTs());
        assertThat(instant(layout, published, Column.TARGET)).as(id).isEqualTo(expected.targetTs());
        assertThat(instant(layout, published, Column.CLOSED)).as(id).isEqualTo(expected.closedTs());
        assertThat(value(layout, published, Column.STATUS)).as(id).isEqualTo(expected.closed() ? "Closed" : "Open");
        String closure = value(layout, published, Column.CLOSURE_REASON);
        assertThat(closure.isBlank() ? null : closure).as(id).isEqualTo(expected.closureReason());
        if (layout.publishes(Column.ON_TIME)) {
            String onTime = value(layout, published, Column.ON_TIME);
            assertThat(onTime.isEmpty() ? null : onTime).as(id).isEqualTo(expected.onTimeStatus());
        }
        assertThat(value(layout, published, Column.TYPE)).as(id).isEqualTo(expected.type());
        assertThat(value(layout, published, Column.REASON)).as(id).isEqualTo(expected.reason());
        assertThat(value(layout, published, Column.SUBJECT)).as(id).isEqualTo(expected.subject());
        if (layout.publishes(Column.QUEUE)) {
            assertThat(value(layout, published, Column.QUEUE)).as(id).isEqualTo(expected.queue());
            assertThat(value(layout, published, Column.DEPARTMENT)).as(id).isEqualTo(expected.department());
            assertThat(value(layout, published, Column.CASE_TITLE)).as(id).isEqualTo(expected.caseTitle());
            assertThat(value(layout, published, Column.SOURCE)).as(id).isEqualTo(expected.source());
        }
        assertThat(photos(value(layout, published, Column.SUBMITTED_PHOTO)))
                .as(id)
                .isEqualTo(expected.submittedPhotos());
        assertThat(photos(value(layout, published, Column.CLOSED_PHOTO))).as(id).isEqualTo(expected.closedPhotos());

        String location = StringEscapeUtils.unescapeHtml4(value(layout, published, Column.LOCATION));
        assertThat(location.isBlank() ? null : location.stripTrailing()).as(id).isEqualTo(place.location());
        String zip = zip(value(layout, published, Column.ZIPCODE));
        if (expected.has(Quirk.ZIP_MISSING)) {
            assertThat(zip).as(id).isNull();
        } else {
            assertThat(zip).as(id).isEqualTo(place.zipcode());
        }
        assertThat(ward(value(layout, published, Column.WARD))).as(id).isEqualTo(place.ward());
        String neighborhood = value(layout, published, Column.NEIGHBORHOOD);
        assertThat(neighborhood.isBlank() ? null : neighborhood).as(id).isEqualTo(place.neighborhood());
        if (layout.publishes(Column.PRECINCT)) {
            assertThat(precinct(value(layout, published, Column.PRECINCT)))
                    .as(id)
                    .isEqualTo(place.precinct());
            assertThat(district(value(layout, published, Column.FIRE_DISTRICT)))
                    .as(id)
                    .isEqualTo(place.fireDistrict());
            assertThat(district(value(layout, published, Column.CITY_COUNCIL_DISTRICT)))
                    .as(id)
                    .isEqualTo(place.cityCouncilDistrict());
            assertThat(district(value(layout, published, Column.NEIGHBORHOOD_SERVICES_DISTRICT)))
                    .as(id)
                    .isEqualTo(place.neighborhoodServicesDistrict());
            String street = StringEscapeUtils.unescapeHtml4(value(layout, published, Column.STREET_NAME));
            assertThat(street.isEmpty() ? null : street).as(id).isEqualTo(place.streetName());
        }
        double tolerance = layout == Layout.SOCRATA_2011 || layout == Layout.CKAN_2019 ? 0.00005 : 0;
        assertThat(Double.parseDouble(value(layout, published, Column.LATITUDE)))
                .as(id)
                .isCloseTo(place.latitude(), within(tolerance));
        assertThat(Double.parseDouble(value(layout, published, Column.LONGITUDE)))
                .as(id)
                .isCloseTo(place.longitude(), within(tolerance));
    }

    private static String value(Layout layout, Map<String, String> published, Column column) {
        int index = layout.columns().indexOf(column);
        assertThat(index).as("%s publishes %s", layout, column).isNotNegative();
        return published.get(layout.header().get(index));
    }

    private static Instant instant(Layout layout, Map<String, String> published, Column column) {
        String text = value(layout, published, column);
        if (text.isEmpty()) {
            return null;
        }
        LocalDateTime local = LocalDateTime.parse(text, layout == Layout.SOCRATA_2011 ? US : ISO);
        return ZonedDateTime.ofLocal(local, BostonTime.ZONE, null).toInstant();
    }

    private static List<String> photos(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split(" \\| "));
    }

    /** {@code 2130.0} lost the leading zero of 02130. */
    private static String zip(String text) {
        if (text.isEmpty()) {
            return null;
        }
        return String.format("%05d", (int) Double.parseDouble(text));
    }

    /** {@code Ward 19}, {@code 19} and {@code 03} are all ward numbers. */
    private static Integer ward(String text) {
        if (text.isBlank()) {
            return null;
        }
        return Integer.parseInt(text.replace("Ward ", ""));
    }

    private static String precinct(String text) {
        if (text.isBlank()) {
            return null;
        }
        return String.format("%04d", (int) Double.parseDouble(text));
    }

    private static String district(String text) {
        if (text.isBlank()) {
            return null;
        }
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
