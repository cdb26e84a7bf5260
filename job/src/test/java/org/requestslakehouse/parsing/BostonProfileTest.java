package org.requestslakehouse.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.requestslakehouse.parsing.CanonicalField.*;

import com.fasterxml.jackson.core.JsonFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.requestslakehouse.csv.CsvEventReader;
import org.requestslakehouse.csv.RealSamples;

/**
 * Boston's built-in city profile ({@code cities/boston.json}): the four layouts the city has published
 * (job/src/test/resources/real311/README.md), what their columns mean, and how a message's layout is told.
 */
class BostonProfileTest {
    private static final String BOSTON = "boston";
    private static final CityProfiles BOSTON_ALONE = new CityProfiles(List.of(CityProfiles.builtIn(BOSTON)));

    static final List<String> SYSTEM_2024_COLUMNS = List.of(
            "case_id",
            "open_date",
            "target_close_date",
            "close_date",
            "case_status",
            "case_topic",
            "service_name",
            "closure_reason",
            "assigned_department",
            "submitted_photo",
            "closed_photo",
            "full_address",
            "zip_code",
            "ward",
            "neighborhood",
            "latitude",
            "longitude");

    /** The first 24 columns of every layout the city published as CSV, in the order they stand in the files. */
    private static final List<CanonicalField> BOSTON_COLUMNS_THROUGH_PRECINCT = List.of(
            CASE_ENQUIRY_ID,
            OPEN_TS,
            SLA_TARGET_TS,
            CLOSED_TS,
            ON_TIME_STATUS,
            CASE_STATUS,
            CLOSURE_REASON,
            CASE_TITLE,
            SUBJECT,
            REASON,
            TYPE,
            QUEUE,
            DEPARTMENT,
            SUBMITTED_PHOTOS,
            CLOSED_PHOTOS,
            LOCATION,
            FIRE_DISTRICT,
            PWD_DISTRICT,
            CITY_COUNCIL_DISTRICT,
            POLICE_DISTRICT,
            NEIGHBORHOOD,
            NEIGHBORHOOD_SERVICES_DISTRICT,
            WARD,
            PRECINCT);

    /** Each sample's header maps column by column; null where a column means nothing to silver. */
    static Stream<Arguments> publishedHeaders() {
        return Stream.of(
                Arguments.of(
                        RealSamples.SOCRATA_2011,
                        Arrays.asList(
                                LAND_USAGE,
                                LOCATION_STREET_NAME,
                                ZIPCODE,
                                PROPERTY_TYPE,
                                PROPERTY_ID,
                                LATITUDE,
                                LONGITUDE,
                                SOURCE,
                                null)),
                Arguments.of(
                        RealSamples.CKAN_2022,
                        Arrays.asList(LOCATION_STREET_NAME, ZIPCODE, LATITUDE, LONGITUDE, SOURCE)),
                Arguments.of(
                        RealSamples.CURRENT_2025_DAMAGED,
                        Arrays.asList(LOCATION_STREET_NAME, ZIPCODE, LATITUDE, LONGITUDE, null, SOURCE)));
    }

    @ParameterizedTest
    @MethodSource("publishedHeaders")
    void publishedColumnsMapOneByOne(String sample, List<CanonicalField> afterPrecinct) throws IOException {
        List<CanonicalField> expected = new ArrayList<>(BOSTON_COLUMNS_THROUGH_PRECINCT);
        expected.addAll(afterPrecinct);
        assertThat(fieldsOf(header(sample))).containsExactlyElementsOf(expected);
    }

    @Test
    void system2024ColumnsMapOneByOne() {
        assertThat(fieldsOf(SYSTEM_2024_COLUMNS))
                .containsExactly(
                        CASE_ENQUIRY_ID,
                        OPEN_TS,
                        SLA_TARGET_TS,
                        CLOSED_TS,
                        CASE_STATUS,
                        REASON,
                        TYPE,
                        CLOSURE_REASON,
                        DEPARTMENT,
                        SUBMITTED_PHOTOS,
                        CLOSED_PHOTOS,
                        LOCATION,
                        ZIPCODE,
                        WARD,
                        NEIGHBORHOOD,
                        LATITUDE,
                        LONGITUDE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"OnTime_Status", "ontime", "on_time", "ONTIME", "On-Time", "on time", "on_time_status"})
    void onTimeSpellings(String key) {
        assertThat(field(key)).isEqualTo(ON_TIME_STATUS);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"TARGET_DT", "target_dt", "sla_target_dt", "target_close_date", "SLA_Target_DT", "sla_target_ts"
            })
    void slaTargetSpellings(String key) {
        assertThat(field(key)).isEqualTo(SLA_TARGET_TS);
    }

    @Test
    void caseAndPunctuationDoNotMatter() {
        assertThat(field("Case_Enquiry_ID")).isEqualTo(CASE_ENQUIRY_ID);
        assertThat(field("CASE ID")).isEqualTo(CASE_ENQUIRY_ID);
        assertThat(field("source;;")).isEqualTo(SOURCE);
        assertThat(field("Zip-Code")).isEqualTo(ZIPCODE);
        assertThat(field("Event_Type")).isEqualTo(EVENT_TYPE);
        assertThat(field("emittedAt")).isEqualTo(EMITTED_AT);
    }

    @Test
    void silverColumnNamesAreAcceptedToo() {
        for (CanonicalField field : CanonicalField.values()) {
            assertThat(field(field.column())).as(field.column()).isEqualTo(field);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Geocoded_Location", "geom_4326", "_index", "_col31", "assigned_team", "", "___"})
    void unknownKeysMatchNothing(String key) {
        assertThat(field(key)).isNull();
    }

    @Test
    void layoutsAreDetectedFromTheirHeaders() throws IOException {
        assertThat(layoutOf(header(RealSamples.SOCRATA_2011))).isEqualTo("SOCRATA_2011");
        assertThat(layoutOf(header(RealSamples.CKAN_2022))).isEqualTo("CKAN_2019");
        assertThat(layoutOf(header(RealSamples.CURRENT_2025_DAMAGED))).isEqualTo("CURRENT_2025");
        assertThat(layoutOf(SYSTEM_2024_COLUMNS)).isEqualTo("SYSTEM_2024");
    }

    @Test
    void layoutDetectionNeedsTheExactSpellingAndAClearWinner() throws IOException {
        // lower-cased socrata names carry no signature: only case told it apart from ckan
        assertThat(layoutOf(List.of("case_enquiry_id", "open_dt", "closed_dt", "latitude")))
                .isEqualTo("UNKNOWN");
        assertThat(layoutOf(List.of("target_dt", "sla_target_dt"))).isEqualTo("UNKNOWN");
        assertThat(layoutOf(List.of("target_dt", "ontime", "sla_target_dt"))).isEqualTo("CKAN_2019");
        assertThat(layoutOf(List.of())).isEqualTo("UNKNOWN");
    }

    @Test
    void normalisedKeysAreLowerCaseLettersAndDigits() {
        assertThat(CityProfiles.normalise("OnTime_Status")).isEqualTo("ontimestatus");
        assertThat(CityProfiles.normalise("geom_4326")).isEqualTo("geom4326");
        String alreadyNormal = "ward";
        assertThat(CityProfiles.normalise(alreadyNormal)).isSameAs(alreadyNormal);
        assertThat(CityProfiles.normalise("Straße")).isEqualTo("straße");
    }

    private static List<String> header(String file) throws IOException {
        try (CsvEventReader reader = CsvEventReader.open(RealSamples.path(file))) {
            return reader.keys();
        }
    }

    private static List<CanonicalField> fieldsOf(List<String> keys) {
        List<CanonicalField> fields = new ArrayList<>();
        keys.forEach(key -> fields.add(field(key)));
        return fields;
    }

    private static CanonicalField field(String key) {
        return CityProfiles.builtInField(BOSTON, key);
    }

    /** The layout the parser's signature vote elects for a message with these keys, Boston's profile alone in play. */
    private static String layoutOf(List<String> keys) throws IOException {
        EventFields fields = new EventFields(new JsonFactory(), BOSTON_ALONE);
        for (String key : keys) {
            fields.key(BOSTON_ALONE.meaningOf(key));
        }
        fields.resolve(new DqFlags());
        return fields.layoutName();
    }
}
