package org.requestslakehouse.parsing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.requestslakehouse.config.ParseConfig;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.model.RejectReason;
import org.requestslakehouse.model.ServiceRequest;

/**
 * The built-in city profiles over real samples of each city (job/src/test/resources/cities): which profile and
 * layout a message is recognised as, and the normalised values it gets.
 */
class CityProfilesTest {
    private static final long NOW = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** New York's 2010-2015 portal layout: 52 columns, school, taxi, garage and ferry ones, no resolution text. */
    static final List<String> NYC_2010_COLUMNS = List.of(
            "Unique Key",
            "Created Date",
            "Closed Date",
            "Agency",
            "Agency Name",
            "Complaint Type",
            "Descriptor",
            "Location Type",
            "Incident Zip",
            "Incident Address",
            "Street Name",
            "Cross Street 1",
            "Cross Street 2",
            "Intersection Street 1",
            "Intersection Street 2",
            "Address Type",
            "City",
            "Landmark",
            "Facility Type",
            "Status",
            "Due Date",
            "Resolution Action Updated Date",
            "Community Board",
            "Borough",
            "X Coordinate (State Plane)",
            "Y Coordinate (State Plane)",
            "Park Facility Name",
            "Park Borough",
            "School Name",
            "School Number",
            "School Region",
            "School Code",
            "School Phone Number",
            "School Address",
            "School City",
            "School State",
            "School Zip",
            "School Not Found",
            "School or Citywide Complaint",
            "Vehicle Type",
            "Taxi Company Borough",
            "Taxi Pick Up Location",
            "Bridge Highway Name",
            "Bridge Highway Direction",
            "Road Ramp",
            "Bridge Highway Segment",
            "Garage Lot Name",
            "Ferry Direction",
            "Ferry Terminal Name",
            "Latitude",
            "Longitude",
            "Location");

    private final RequestEventParser parser = new RequestEventParser(ParseConfig.defaults());

    @Test
    void theNewYorkPortalSampleIsRecognisedAndNormalised() {
        List<ServiceRequest> requests = acceptedAll(CityFixtures.csvEvents(CityFixtures.NYC_SAMPLE));

        assertThat(requests).hasSize(60);
        assertThat(requests).extracting(r -> r.sourceLayout).containsOnly("NYC_PORTAL");
        assertThat(requests).filteredOn(r -> r.caseStatus.equals("CLOSED")).hasSize(43);
        assertThat(requests).filteredOn(r -> r.latitude == null).hasSize(1);

        ServiceRequest open = requests.get(0);
        assertThat(open.caseEnquiryId).isEqualTo(54049402L);
        // 12:00:03 AM New York daylight time
        assertThat(open.openTs).isEqualTo(Instant.parse("2022-05-01T04:00:03Z"));
        assertThat(open.openDateLocal).isEqualTo(LocalDate.of(2022, 5, 1));
        assertThat(open.caseStatus).as("In Progress").isEqualTo("OPEN");
        assertThat(open.closedTs).isNull();
        assertThat(open.department).isEqualTo("NYPD");
        assertThat(open.type).isEqualTo("Noise - Residential");
        assertThat(open.reason).isEqualTo("Loud Music/Party");
        assertThat(open.neighborhood).isEqualTo("04 BRONX");
        assertThat(open.zipcode).isEqualTo("10452");
        assertThat(open.location).isEqualTo("1006 GERARD AVENUE");
        assertThat(open.locationStreetName).isEqualTo("GERARD AVENUE");
        assertThat(open.source).isEqualTo("ONLINE");
        assertThat(open.latitude).isEqualTo(40.83065331987539);
        assertThat(open.longitude).isEqualTo(-73.92308231033165);
        assertThat(open.closureReason).isNull();
        assertThat(open.dqFlags).containsExactly("missing_target");
        assertThat(open.extraFields)
                .contains("\"Borough\":\"BRONX\"", "\"Park Facility Name\":\"Unspecified\"", "\"BBL\":\"2024770001\"");

        ServiceRequest closed = requests.get(1);
        assertThat(closed.caseEnquiryId).isEqualTo(54046813L);
        assertThat(closed.caseStatus).isEqualTo("CLOSED");
        assertThat(closed.closedTs).isEqualTo(Instant.parse("2022-05-01T04:07:46Z"));
        assertThat(closed.resolutionHours).isEqualTo(457 / 3600d);
        assertThat(closed.closureReason)
                .isEqualTo("The Police Department responded to the complaint and took action to fix the condition.");
        assertThat(closed.closureCategory)
                .as("closure texts are read for Boston only")
                .isNull();
    }

    @Test
    void aSpreadsheetResaveWithByteOrderMarkCrlfAndShortDatesGivesTheSameRequests() {
        List<ServiceRequest> requests = acceptedAll(CityFixtures.csvEvents(CityFixtures.NYC_RESAVED));

        assertThat(requests).hasSize(12);
        assertThat(requests).extracting(r -> r.sourceLayout).containsOnly("NYC_PORTAL");
        ServiceRequest second = requests.get(1);
        assertThat(second.caseEnquiryId).isEqualTo(54046813L);
        // 5/1/22 0:00 and 0:07, the seconds lost in the re-save
        assertThat(second.openTs).isEqualTo(Instant.parse("2022-05-01T04:00:00Z"));
        assertThat(second.closedTs).isEqualTo(Instant.parse("2022-05-01T04:07:00Z"));
        assertThat(second.dqFlags).containsExactly("missing_target");
        assertThat(requests.get(0).extraFields).contains("\"X Coordinate (State Plane)\":\"1,005,536\"");

        assertThat(requests.get(2).zipcode).as("ZIP+4").isEqualTo("10027");
        assertThat(requests.get(3).zipcode).as("0").isNull();
        assertThat(requests.get(3).dqFlags).contains("invalid_zipcode");
        assertThat(requests.get(4).location).as("N/A").isNull();
        assertThat(requests.get(4).dqFlags).containsExactly("missing_target");
    }

    @Test
    void theNewYorkApiCsvWithSnakeCaseIsoTimesAndAWktPoint() {
        ServiceRequest r = accepted(json(
                "unique_key", "45283156",
                "created_date", "2019-12-31T23:59:11.000",
                "closed_date", "2020-01-01T00:45:32.000",
                "agency", "NYPD",
                "complaint_type", "Noise - Residential",
                "descriptor", "Loud Music/Party",
                "incident_zip", "11226",
                "status", "Closed",
                "community_board", "14 BROOKLYN",
                "borough", "BROOKLYN",
                "open_data_channel_type", "PHONE",
                "latitude", "",
                "longitude", "",
                "location", "POINT (-73.9597 40.6462)"));

        assertThat(r.sourceLayout).isEqualTo("NYC_API");
        assertThat(r.caseEnquiryId).isEqualTo(45283156L);
        assertThat(r.openTs).isEqualTo(Instant.parse("2020-01-01T04:59:11Z"));
        assertThat(r.openDateLocal).isEqualTo(LocalDate.of(2019, 12, 31));
        assertThat(r.closedTs).isEqualTo(Instant.parse("2020-01-01T05:45:32Z"));
        assertThat(r.caseStatus).isEqualTo("CLOSED");
        assertThat(r.latitude).isEqualTo(40.6462);
        assertThat(r.longitude).isEqualTo(-73.9597);
        assertThat(r.neighborhood).isEqualTo("14 BROOKLYN");
        assertThat(r.source).isEqualTo("PHONE");
        assertThat(r.dqFlags).containsExactly("missing_target");
        assertThat(r.extraFields).isEqualTo("{\"borough\":\"BROOKLYN\"}");
    }

    @Test
    void theOldFiftyTwoColumnLayoutIsToldApartByItsSchoolFerryAndGarageColumns() {
        Map<String, String> row = new LinkedHashMap<>();
        NYC_2010_COLUMNS.forEach(column -> row.put(column, ""));
        row.put("Unique Key", "15639934");
        row.put("Created Date", "01/01/2010 12:00:00 AM");
        row.put("Agency", "HPD");
        row.put("Complaint Type", "HEATING");
        row.put("Status", "Closed");
        row.put("Closed Date", "01/04/2010 12:00:00 AM");
        row.put("School Name", "Unspecified");
        row.put("Incident Zip", "N/A");
        row.put("Location", "(40.7001, -73.9002)");

        ServiceRequest r = accepted(bytes(row));

        assertThat(row).hasSize(52);
        assertThat(r.sourceLayout).isEqualTo("NYC_PORTAL_2010");
        assertThat(r.openTs).isEqualTo(Instant.parse("2010-01-01T05:00:00Z"));
        assertThat(r.closedTs).isEqualTo(Instant.parse("2010-01-04T05:00:00Z"));
        assertThat(r.zipcode).as("N/A is no value, not an invalid one").isNull();
        assertThat(r.latitude)
                .as("from the Location column, Latitude being empty")
                .isEqualTo(40.7001);
        assertThat(r.longitude).isEqualTo(-73.9002);
        assertThat(r.dqFlags).containsExactly("missing_target");
    }

    @Test
    void theChicagoOpen311SampleHonoursOffsetsAndTreatsNullCoordinatesAsNotGeocoded() {
        List<ServiceRequest> requests = acceptedAll(CityFixtures.chicagoEvents());

        assertThat(requests).hasSize(50);
        assertThat(requests).extracting(r -> r.sourceLayout).containsOnly("GEOREPORT_V2");
        assertThat(requests).filteredOn(r -> r.caseStatus.equals("CLOSED")).hasSize(3);
        assertThat(requests).filteredOn(r -> r.latitude == null).hasSize(2);

        ServiceRequest first = requests.get(0);
        assertThat(first.city).isEqualTo("open311");
        assertThat(first.requestId).as("as published").isEqualTo("SR19-00134785");
        assertThat(first.caseEnquiryId).as("not a whole number").isNull();
        assertThat(first.openTs).as("17:19:38-06:00").isEqualTo(Instant.parse("2019-01-29T23:19:38Z"));
        assertThat(first.openDateLocal).as("in the warehouse's zone").isEqualTo(LocalDate.of(2019, 1, 29));
        assertThat(first.caseStatus).isEqualTo("OPEN");
        assertThat(first.type).isEqualTo("Crisis Referral");
        assertThat(first.location).isEqualTo("5600 N Ridge Ave");
        assertThat(first.latitude).isEqualTo(41.98366678151336);
        assertThat(first.longitude).isEqualTo(-87.6601904732137);
        assertThat(first.dqFlags).containsExactly("missing_target");
        assertThat(first.extraFields)
                .isEqualTo("{\"service_code\":\"5c1849c79e6e99eda0ad8e6a\","
                        + "\"updated_datetime\":\"2019-01-29T17:19:40-06:00\"}");

        ServiceRequest notGeocoded = requests.get(1);
        assertThat(notGeocoded.latitude).isNull();
        assertThat(notGeocoded.dqFlags).containsExactly("missing_target");

        ServiceRequest closed = requests.stream()
                .filter(r -> r.requestId.equals("SR19-00131463"))
                .findFirst()
                .orElseThrow();
        assertThat(closed.caseStatus).isEqualTo("CLOSED");
        assertThat(closed.dqFlags).containsExactly("closed_without_closed_ts", "missing_target");
    }

    @Test
    void open311VariantsLonZeroCoordinatesZipPlusFourAndTheNullText() {
        ServiceRequest r = accepted(json(
                "service_request_id", "638344",
                "status", "closed",
                "status_notes", "Duplicate request.",
                "service_name", "Graffiti Removal",
                "agency_responsible", "Department of Streets and Sanitation",
                "requested_datetime", "2010-04-14T06:37:38-08:00",
                "expected_datetime", "2010-04-15T06:37:38-08:00",
                "address", "null",
                "zipcode", "94122-1234",
                "lat", "0",
                "lon", "0"));

        assertThat(r.openTs).isEqualTo(Instant.parse("2010-04-14T14:37:38Z"));
        assertThat(r.slaTargetTs).isEqualTo(Instant.parse("2010-04-15T14:37:38Z"));
        assertThat(r.slaHours).isEqualTo(24.0);
        assertThat(r.caseStatus).isEqualTo("CLOSED");
        assertThat(r.closureReason).isEqualTo("Duplicate request.");
        assertThat(r.department).isEqualTo("Department of Streets and Sanitation");
        assertThat(r.location).isNull();
        assertThat(r.zipcode).isEqualTo("94122");
        assertThat(r.latitude).isNull();
        assertThat(r.dqFlags).containsExactly("closed_without_closed_ts", "placeholder_coordinates");
    }

    @Test
    void aForcedCityRejectsAnotherCitysMessageAsUnknownLayout() {
        RequestEventParser nycOnly =
                new RequestEventParser(ParseConfig.defaults().withCity("nyc"));
        byte[] boston = json("case_id", "101004143000", "open_date", "2022-01-21 13:47:00", "case_topic", "Trees");

        ParseOutcome outcome = nycOnly.parse(raw(boston), NOW);

        assertThat(outcome.reason()).isEqualTo(RejectReason.UNKNOWN_LAYOUT);
        assertThat(outcome.detail())
                .isEqualTo("no city profile recognised the message: city profile nyc knows none of its keys");
        ServiceRequest asNyc = nycOnly.parse(
                        raw(json("Unique Key", "1", "Created Date", "05/01/2022 12:00:03 AM")), NOW)
                .request();
        assertThat(asNyc.sourceLayout).isEqualTo("NYC_PORTAL");
    }

    @Test
    void inAutoModeAMessageNoProfileKnowsIsStillAMissingCaseIdAndSaysSo() {
        ParseOutcome outcome = parser.parse(raw(json("foo", "1", "bar", "2")), NOW);

        assertThat(outcome.reason()).isEqualTo(RejectReason.MISSING_CASE_ID);
        assertThat(outcome.detail())
                .isEqualTo("no case id (case_enquiry_id, case_id or an alias); no city profile (boston, nyc,"
                        + " open311) recognised any of its keys");
        assertThat(parser.parse(raw(json("Created Date", "05/01/2022 12:00:03 AM", "Agency", "NYPD")), NOW)
                        .detail())
                .as("a New York message without its id names New York's id column")
                .isEqualTo("no case id (Unique Key or an alias)");
    }

    @Test
    void aKeyAnotherProfileWouldUseKeepsItsPlaceInExtraFields() {
        ServiceRequest r = accepted(json(
                "case_enquiry_id", "101004143000",
                "open_dt", "2022-01-21 13:47:00",
                "a", "1",
                "status", "whatever",
                "lat", "42.0",
                "z", "2"));

        assertThat(r.sourceLayout).isEqualTo("UNKNOWN");
        assertThat(r.caseStatus).isEqualTo("OPEN");
        assertThat(r.latitude).isNull();
        assertThat(r.extraFields).isEqualTo("{\"a\":\"1\",\"status\":\"whatever\",\"lat\":\"42.0\",\"z\":\"2\"}");
    }

    @Test
    void anEmptyValueOfTheProfileIsPresentButEmpty() {
        ParseOutcome outcome =
                parser.parse(raw(json("Unique Key", "Unspecified", "Created Date", "05/01/2022 12:00:03 AM")), NOW);

        assertThat(outcome.reason()).isEqualTo(RejectReason.MISSING_CASE_ID);
        assertThat(outcome.detail()).isEqualTo("case id is empty");
    }

    @Test
    void bostonsProfileDeclaresTheBoundsAndPlaceholderOfBostonBounds() {
        CityProfile boston = CityProfiles.builtIn("boston");

        assertThat(boston.bounds())
                .isEqualTo(new CityProfile.Bounds(
                        BostonBounds.MIN_LATITUDE,
                        BostonBounds.MAX_LATITUDE,
                        BostonBounds.MIN_LONGITUDE,
                        BostonBounds.MAX_LONGITUDE));
        assertThat(boston.placeholderCoordinates())
                .containsExactly(
                        new CityProfile.Point(BostonBounds.PLACEHOLDER_LATITUDE, BostonBounds.PLACEHOLDER_LONGITUDE));
        assertThat(boston.layouts())
                .extracting(CityProfile.Layout::name)
                .containsExactly("SOCRATA_2011", "CKAN_2019", "CURRENT_2025", "SYSTEM_2024");
    }

    @Test
    void autoModeSharesTheBuiltInProfilesCompiledOnceAForcedCityGetsItsOwn() {
        CityProfiles auto = CityProfiles.of(ParseConfig.defaults());

        assertThat(CityProfiles.of(new ParseConfig("UTC", 2048))).isSameAs(auto);
        assertThat(auto.names()).isEqualTo("boston, nyc, open311");
        assertThat(CityProfiles.of(ParseConfig.defaults().withCity("nyc")).names())
                .isEqualTo("nyc");
    }

    @Test
    void aBuiltInFieldIsWhatThatCitysProfileMakesOfTheKey() {
        assertThat(CityProfiles.builtInField("nyc", "unique_key")).isEqualTo(CanonicalField.CASE_ENQUIRY_ID);
        assertThat(CityProfiles.builtInField("boston", "Unique Key")).isNull();
        assertThat(CityProfiles.builtInField("boston", "case_id")).isEqualTo(CanonicalField.CASE_ENQUIRY_ID);
        assertThatThrownBy(() -> CityProfiles.builtInField("springfield", "case_id"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no built-in city profile is named springfield");
    }

    private List<ServiceRequest> acceptedAll(List<RawEvent> events) {
        List<ServiceRequest> requests = new ArrayList<>();
        for (RawEvent event : events) {
            ParseOutcome outcome = parser.parse(event, NOW);
            assertThat(outcome.isAccepted()).as("%s", outcome).isTrue();
            requests.add(outcome.request());
        }
        return requests;
    }

    private ServiceRequest accepted(byte[] payload) {
        ParseOutcome outcome = parser.parse(raw(payload), NOW);
        assertThat(outcome.isAccepted()).as("%s", outcome).isTrue();
        return outcome.request();
    }

    static RawEvent raw(byte[] payload) {
        return new RawEvent("kafka", "requests", "0", "7", null, 1L, payload);
    }

    /** A flat JSON object of string values, keys and values alternating. */
    static byte[] json(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return bytes(map);
    }

    static byte[] bytes(Map<String, String> map) {
        try {
            return JSON.writeValueAsString(map).getBytes(UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
