package org.requestslakehouse.parsing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.config.ConfigException;
import org.requestslakehouse.config.ConfigLoader;
import org.requestslakehouse.config.ParseConfig;
import org.requestslakehouse.model.ServiceRequest;

/**
 * A profile for a city that is not built in, written from its published data dictionary alone (San Francisco's
 * 311 "Cases" dataset: CaseID, Opened, Closed, Updated, Status, Status Notes, Responsible Agency, Category,
 * Request Type, Request Details, Address, Street, Supervisor District, Neighborhood, Police District, Latitude,
 * Longitude, Point, Source, Media URL), loaded through {@code parse.city-profile}; and the errors a bad profile
 * gets.
 */
class CityProfileLoaderTest {
    private static final long NOW = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    static final String SAN_FRANCISCO = """
            {
              "name": "sf",
              "display_name": "San Francisco",
              "time_zone": "America/Los_Angeles",
              "bounds": {"min_latitude": 37.70, "max_latitude": 37.84, "min_longitude": -122.52, "max_longitude": -122.35},
              "fields": {
                "case_enquiry_id": ["CaseID"],
                "open_ts": ["Opened"],
                "closed_ts": ["Closed"],
                "case_status": ["Status"],
                "closure_reason": ["Status Notes"],
                "department": ["Responsible Agency"],
                "subject": ["Category"],
                "type": ["Request Type"],
                "reason": ["Request Details"],
                "location": ["Address"],
                "location_street_name": ["Street"],
                "city_council_district": ["Supervisor District"],
                "neighborhood": ["Neighborhood"],
                "police_district": ["Police District"],
                "latitude": ["Latitude"],
                "longitude": ["Longitude"],
                "source": ["Source"]
              },
              "point_columns": ["Point"],
              "layouts": [{"name": "SF_CASES", "signature": ["CaseID", "Opened", "Responsible Agency", "Request Type"]}],
              "status": {"Open": "OPEN", "Closed": "CLOSED", "Cancelled": "CLOSED", "Closed (Duplicate)": "CLOSED",
                         "Referred Out": "CLOSED", "Assigned": "OPEN", "Pending": "OPEN"},
              "empty_values": ["Unspecified", "N/A", "null"],
              "zip": {"restore_leading_zero": false}
            }
            """;

    @Test
    void aProfileWrittenFromADataDictionaryParsesThatCityWithoutCodeChanges(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sf.json");
        Files.writeString(file, SAN_FRANCISCO);
        ParseConfig config = ConfigLoader.load(
                        null, Map.of("source.csv.paths", "unused", "parse.city-profile", file.toString()))
                .parse();
        RequestEventParser parser = InstantiationUtil.clone(new RequestEventParser(config));

        ServiceRequest closed = accepted(
                parser,
                CityProfilesTest.json(
                        "CaseID", "11837651",
                        "Opened", "01/15/2020 08:30:00 AM",
                        "Closed", "01/16/2020 09:00:00 AM",
                        "Updated", "01/16/2020 09:00:00 AM",
                        "Status", "Closed (Duplicate)",
                        "Status Notes", "Duplicate of 11837600",
                        "Responsible Agency", "DPW Ops Queue",
                        "Category", "Street and Sidewalk Cleaning",
                        "Request Type", "Bulky Items",
                        "Request Details", "Furniture",
                        "Address", "1 DR CARLTON B GOODLETT PL, SAN FRANCISCO, CA",
                        "Supervisor District", "6.0",
                        "Neighborhood", "Civic Center",
                        "Police District", "NORTHERN",
                        "Latitude", "37.77929",
                        "Longitude", "-122.41922",
                        "Source", "Mobile/Open311"));

        assertThat(closed.sourceLayout).isEqualTo("SF_CASES");
        assertThat(closed.caseEnquiryId).isEqualTo(11837651L);
        // Pacific standard time
        assertThat(closed.openTs).isEqualTo(Instant.parse("2020-01-15T16:30:00Z"));
        assertThat(closed.closedTs).isEqualTo(Instant.parse("2020-01-16T17:00:00Z"));
        assertThat(closed.resolutionHours).isEqualTo(24.5);
        assertThat(closed.caseStatus).isEqualTo("CLOSED");
        assertThat(closed.subject).isEqualTo("Street and Sidewalk Cleaning");
        assertThat(closed.type).isEqualTo("Bulky Items");
        assertThat(closed.department).isEqualTo("DPW Ops Queue");
        assertThat(closed.cityCouncilDistrict).isEqualTo("6");
        assertThat(closed.neighborhood).isEqualTo("Civic Center");
        assertThat(closed.latitude).isEqualTo(37.77929);
        assertThat(closed.dqFlags).containsExactly("missing_target");
        assertThat(closed.extraFields).isEqualTo("{\"Updated\":\"01/16/2020 09:00:00 AM\"}");

        ServiceRequest cancelledWithoutCloseTime = accepted(
                parser,
                CityProfilesTest.json(
                        "CaseID", "11837652",
                        "Opened", "2020-07-01T10:00:00.000",
                        "Status", "Cancelled",
                        "Responsible Agency", "N/A",
                        "Request Type", "Graffiti",
                        "Latitude", "",
                        "Longitude", "",
                        "Point", "(37.7601, -122.4148)"));

        assertThat(cancelledWithoutCloseTime.openTs)
                .as("Pacific daylight time")
                .isEqualTo(Instant.parse("2020-07-01T17:00:00Z"));
        assertThat(cancelledWithoutCloseTime.caseStatus).isEqualTo("CLOSED");
        assertThat(cancelledWithoutCloseTime.department).isNull();
        assertThat(cancelledWithoutCloseTime.latitude).isEqualTo(37.7601);
        assertThat(cancelledWithoutCloseTime.longitude).isEqualTo(-122.4148);
        assertThat(cancelledWithoutCloseTime.dqFlags).containsExactly("closed_without_closed_ts", "missing_target");

        ServiceRequest outsideTheCity = accepted(
                parser,
                CityProfilesTest.json(
                        "CaseID", "3",
                        "Opened", "2020-07-01T10:00:00.000",
                        "Status", "Referred Out",
                        "Latitude", "42.3601",
                        "Longitude", "-71.0589"));
        assertThat(outsideTheCity.latitude).isNull();
        assertThat(outsideTheCity.caseStatus).isEqualTo("CLOSED");
        assertThat(outsideTheCity.dqFlags)
                .containsExactly("closed_without_closed_ts", "coordinates_out_of_bounds", "missing_target");
    }

    @Test
    void theBuiltInProfilesAreValid() {
        for (String name : CityProfileLoader.BUILT_IN) {
            assertThat(CityProfileLoader.builtIn(name).name()).isEqualTo(name);
        }
    }

    @Test
    void aMisspeltKeyIsNamed() {
        assertThatThrownBy(() -> read(SAN_FRANCISCO.replace("\"time_zone\"", "\"timezone\"")))
                .isInstanceOf(CityProfileLoader.CityProfileException.class)
                .hasMessage("city profile test.json: unknown key 'timezone'; the keys are described in docs/cities.md");
    }

    @Test
    void everyBadValueIsNamedWithItsKeyInOneMessage() {
        String bad = SAN_FRANCISCO
                .replace("America/Los_Angeles", "Pacific/Nowhere")
                .replace("\"open_ts\": [\"Opened\"]", "\"opened_ts\": [\"Opened\"]")
                .replace("\"Pending\": \"OPEN\"", "\"Pending\": \"WAITING\"");

        assertThatThrownBy(() -> read(bad))
                .isInstanceOf(CityProfileLoader.CityProfileException.class)
                .hasMessageStartingWith("city profile test.json: ")
                .hasMessageContaining("invalid value 'Pacific/Nowhere' for time_zone: expected an IANA time-zone id")
                .hasMessageContaining("invalid value 'opened_ts' for fields: expected a canonical field name")
                .hasMessageContaining("invalid value '(none)' for fields.open_ts: expected at least one column name")
                .hasMessageContaining("invalid value 'WAITING' for status.Pending: expected OPEN or CLOSED");
    }

    @Test
    void aColumnMeaningTwoFieldsAndAMissingNameAreErrors() {
        assertThatThrownBy(() -> read(SAN_FRANCISCO.replace("[\"Request Details\"]", "[\"Request Type\"]")))
                .hasMessage("city profile test.json: invalid value 'Request Type' for fields.reason: expected a column"
                        + " not already listed under fields.type");
        assertThatThrownBy(() -> read(SAN_FRANCISCO.replace("\"name\": \"sf\",", "")))
                .hasMessage(
                        "city profile test.json: invalid value '(missing)' for name: expected the city's id, such as"
                                + " chicago");
    }

    @Test
    void aBadProfileStopsTheJobAtStartWithTheSettingNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"name\": \"x\"");

        assertThatThrownBy(() -> ConfigLoader.load(
                        null, Map.of("source.csv.paths", "unused", "parse.city-profile", file.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid parse.city-profile: city profile " + file + " is not valid JSON: ");
    }

    private static CityProfile read(String json) throws Exception {
        return CityProfileLoader.read(new ByteArrayInputStream(json.getBytes(UTF_8)), "test.json");
    }

    private static ServiceRequest accepted(RequestEventParser parser, byte[] payload) {
        ParseOutcome outcome = parser.parse(CityProfilesTest.raw(payload), NOW);
        assertThat(outcome.isAccepted()).as("%s", outcome).isTrue();
        return outcome.request();
    }
}
