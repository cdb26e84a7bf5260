package org.requestslakehouse.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.requestslakehouse.config.ParseConfig;
import org.requestslakehouse.csv.CsvEvent;
import org.requestslakehouse.csv.CsvEventReader;
import org.requestslakehouse.csv.RealSamples;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.model.ServiceRequest;

/** Every row the city really published, through the same two steps as production: CSV to JSON, JSON to silver. */
class RealSamplesParseTest {
    private static final long NOW = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    private final RequestEventParser parser = new RequestEventParser(ParseConfig.defaults());

    @Test
    void socrata2011EveryRowParses() {
        Parsed parsed = parse(RealSamples.SOCRATA_2011);

        assertThat(parsed.rejected).isEmpty();
        assertThat(parsed.requests).hasSize(100);
        assertThat(parsed.count(r -> r.sourceLayout)).containsExactly(entry("SOCRATA_2011", 100));
        assertThat(parsed.count(r -> r.caseStatus)).containsExactly(entry("CLOSED", 99), entry("OPEN", 1));
        assertThat(parsed.count(r -> r.closureCategory))
                .containsExactly(
                        entry("ADMINISTRATIVE", 3),
                        entry("INTERNAL", 58),
                        entry("INVALID", 1),
                        entry("NOTED", 3),
                        entry("NO_VIOLATION", 1),
                        entry("RESOLVED", 21),
                        entry("SCHEDULED", 11),
                        entry("VIOLATION_ISSUED", 1),
                        entry(null, 1));
        assertThat(parsed.flagCounts()).containsExactly(entry("missing_target", 60));
        assertThat(parsed.requests).allSatisfy(r -> assertThat(r.extraFields).startsWith("{\"Geocoded_Location\":\"("));
    }

    @Test
    void socrata2011RowFieldByField() {
        ServiceRequest r = parse(RealSamples.SOCRATA_2011).byCaseId(101000295613L);

        // 07/01/2011 01:32:33 AM is summer time in Boston: UTC-4
        assertThat(r.openTs).isEqualTo(Instant.parse("2011-07-01T05:32:33Z"));
        assertThat(r.slaTargetTs).isEqualTo(Instant.parse("2011-07-15T05:32:32Z"));
        assertThat(r.closedTs).isEqualTo(Instant.parse("2011-07-01T09:06:58Z"));
        assertThat(r.caseStatus).isEqualTo("CLOSED");
        assertThat(r.onTimeStatus).isEqualTo("ONTIME");
        assertThat(r.closedOnTime).isTrue();
        assertThat(r.resolutionHours).isEqualTo((3 * 3600 + 34 * 60 + 25) / 3600.0);
        assertThat(r.slaHours).isEqualTo((14 * 86400 - 1) / 3600.0);
        assertThat(r.closureReason).isEqualTo("Case Closed Case Resolved replaced 100 amp fuse and reset breaker");
        assertThat(r.closureCategory).isEqualTo("RESOLVED");
        assertThat(r.closureReportedTs).isNull();
        assertThat(r.caseTitle).isEqualTo("Street Light Outages");
        assertThat(r.subject).isEqualTo("Public Works Department");
        assertThat(r.reason).isEqualTo("Street Lights");
        assertThat(r.type).isEqualTo("Street Light Outages");
        assertThat(r.queue).isEqualTo("PWDx_Street Light Outages");
        assertThat(r.department).isEqualTo("PWDx");
        assertThat(r.submittedPhotos).isNull();
        assertThat(r.closedPhotos).isNull();
        assertThat(r.location).isEqualTo("INTERSECTION of Groveland St & River St Mattapan MA");
        assertThat(r.locationStreetName).isEqualTo("INTERSECTION Groveland St & River St");
        assertThat(r.zipcode).isNull();
        assertThat(r.fireDistrict).isEqualTo("8");
        assertThat(r.pwdDistrict).isEqualTo("07");
        assertThat(r.cityCouncilDistrict).isEqualTo("3");
        assertThat(r.policeDistrict).isEqualTo("B3");
        assertThat(r.neighborhood).isEqualTo("Greater Mattapan");
        assertThat(r.neighborhoodServicesDistrict).isEqualTo("7");
        assertThat(r.ward).isEqualTo(17);
        assertThat(r.precinct).isEqualTo("1714");
        assertThat(r.landUsage).isNull();
        assertThat(r.propertyType).isEqualTo("Intersection");
        assertThat(r.propertyId).isEqualTo("5512");
        assertThat(r.latitude).isEqualTo(42.2715);
        assertThat(r.longitude).isEqualTo(-71.0772);
        assertThat(r.source).isEqualTo("Employee Generated");
        assertThat(r.openDateLocal).isEqualTo(LocalDate.of(2011, 7, 1));
        assertThat(r.sourceLayout).isEqualTo("SOCRATA_2011");
        assertThat(r.eventType).isEqualTo("SNAPSHOT");
        assertThat(r.emittedAt).isNull();
        assertThat(r.eventTs).isEqualTo(r.closedTs);
        assertThat(r.dqFlags).isEmpty();
        assertThat(r.extraFields).isEqualTo("{\"Geocoded_Location\":\"(42.2715, -71.0772)\"}");
        assertThat(r.ingestedAtMillis).isEqualTo(1_000L);
        assertThat(r.sourceRef).isEqualTo("csv:" + RealSamples.SOCRATA_2011 + "@2");
        assertThat(r.tombstone).isFalse();
    }

    @Test
    void socrata2011TwelveHourTimesAcrossSeasons() {
        Parsed parsed = parse(RealSamples.SOCRATA_2011);

        ServiceRequest afternoon = parsed.byCaseId(101000295615L);
        assertThat(afternoon.closedTs).isEqualTo(Instant.parse("2011-08-01T19:21:46Z")); // 03:21:46 PM EDT

        ServiceRequest winterClose = parsed.byCaseId(101000295707L);
        assertThat(winterClose.closedTs).isEqualTo(Instant.parse("2012-02-09T21:19:36Z")); // 04:19:36 PM EST
        assertThat(winterClose.onTimeStatus).isEqualTo("OVERDUE");
        assertThat(winterClose.closedOnTime).isFalse();
        assertThat(winterClose.closureCategory).isEqualTo("ADMINISTRATIVE");
        assertThat(winterClose.landUsage).isEqualTo("I");

        ServiceRequest open = parsed.byCaseId(101000295638L);
        assertThat(open.caseStatus).isEqualTo("OPEN");
        assertThat(open.closedTs).isNull();
        assertThat(open.closureReason).isNull();
        assertThat(open.closureCategory).isNull();
        assertThat(open.eventTs).isEqualTo(open.openTs);
    }

    @Test
    void ckan2022EveryRowParses() {
        Parsed parsed = parse(RealSamples.CKAN_2022);

        assertThat(parsed.rejected).isEmpty();
        assertThat(parsed.requests).hasSize(100);
        assertThat(parsed.count(r -> r.sourceLayout)).containsExactly(entry("CKAN_2019", 100));
        assertThat(parsed.count(r -> r.caseStatus)).containsExactly(entry("CLOSED", 85), entry("OPEN", 15));
        assertThat(parsed.count(r -> r.closureCategory))
                .containsExactly(
                        entry("DUPLICATE", 4),
                        entry("INVALID", 3),
                        entry("NOTED", 24),
                        entry("RESOLVED", 50),
                        entry("SCHEDULED", 4),
                        entry(null, 15));
        assertThat(parsed.flagCounts())
                .containsExactly(entry("missing_target", 11), entry("placeholder_coordinates", 19));
        assertThat(parsed.requests).allSatisfy(r -> assertThat(r.extraFields).isEqualTo("{}"));
        assertThat(parsed.requests.stream().filter(r -> r.submittedPhotos != null))
                .hasSize(42);
        // every quoted close time agrees with closed_dt in this export (no shift), to the second
        assertThat(parsed.requests)
                .filteredOn(r -> r.closureReportedTs != null)
                .hasSize(83)
                .allSatisfy(
                        r -> assertThat(r.closureReportedTs.getEpochSecond()).isEqualTo(r.closedTs.getEpochSecond()));
    }

    @Test
    void ckan2022RowsFieldByField() {
        Parsed parsed = parse(RealSamples.CKAN_2022);

        ServiceRequest notGeocoded = parsed.byCaseId(101004143000L);
        assertThat(notGeocoded.openTs).isEqualTo(Instant.parse("2022-01-21T18:47:00Z"));
        assertThat(notGeocoded.slaTargetTs).isEqualTo(Instant.parse("2022-02-04T18:47:30Z"));
        assertThat(notGeocoded.caseStatus).isEqualTo("OPEN");
        assertThat(notGeocoded.onTimeStatus).isEqualTo("OVERDUE");
        assertThat(notGeocoded.closureReason).isNull();
        assertThat(notGeocoded.location).isNull();
        assertThat(notGeocoded.fireDistrict).isNull();
        assertThat(notGeocoded.pwdDistrict).isNull();
        assertThat(notGeocoded.neighborhood).isNull();
        assertThat(notGeocoded.ward).isNull();
        assertThat(notGeocoded.precinct).isNull();
        assertThat(notGeocoded.locationStreetName).isNull();
        assertThat(notGeocoded.zipcode).isNull();
        assertThat(notGeocoded.latitude).isNull();
        assertThat(notGeocoded.longitude).isNull();
        assertThat(notGeocoded.subject).isEqualTo("Mayor's 24 Hour Hotline");
        assertThat(notGeocoded.dqFlags).containsExactly("placeholder_coordinates");

        ServiceRequest needle = parsed.byCaseId(101004130437L);
        assertThat(needle.closureReason)
                .isEqualTo("Case Closed. Closed date : Wed Jan 19 11:42:16 EST 2022 Resolved Removed df");
        assertThat(needle.closureCategory).isEqualTo("RESOLVED");
        assertThat(needle.closureReportedTs).isEqualTo(Instant.parse("2022-01-19T16:42:16Z"));
        assertThat(needle.closedTs).isEqualTo(Instant.parse("2022-01-19T16:42:16Z"));
        assertThat(needle.resolutionHours).isEqualTo((24 * 60 + 16) / 3600.0);
        assertThat(needle.slaTargetTs).isNull();
        assertThat(needle.closedOnTime).isNull();
        assertThat(needle.ward).isEqualTo(3); // published as "03"
        assertThat(needle.precinct).isEqualTo("0303");
        assertThat(needle.pwdDistrict).isEqualTo("1B");
        assertThat(needle.zipcode).isEqualTo("02113");
        assertThat(needle.location).isEqualTo("42 Cross St Boston MA 02113");
        assertThat(needle.department).isEqualTo("GEN_");
        assertThat(needle.dqFlags).containsExactly("missing_target");

        ServiceRequest sqlTimestamp = parsed.byCaseId(101004114724L);
        assertThat(sqlTimestamp.closureCategory).isEqualTo("SCHEDULED"); // "Bulk Item Automation"
        assertThat(sqlTimestamp.closureReportedTs).isEqualTo(Instant.parse("2022-01-04T21:31:31.297Z"));

        // the placeholder latitude alone is a real place
        ServiceRequest beaconHill = parsed.byCaseId(101004113298L);
        assertThat(beaconHill.latitude).isEqualTo(42.3594);
        assertThat(beaconHill.longitude).isEqualTo(-71.07);
        assertThat(beaconHill.caseTitle).isEqualTo("SCHEDULED Unsatisfactory Utilities - Electrical Plumbing");
    }

    @Test
    void current2025DamagedEveryRowParses() {
        Parsed parsed = parse(RealSamples.CURRENT_2025_DAMAGED);

        assertThat(parsed.rejected).isEmpty();
        assertThat(parsed.requests).hasSize(29);
        assertThat(parsed.count(r -> r.sourceLayout)).containsExactly(entry("CURRENT_2025", 29));
        assertThat(parsed.count(r -> r.caseStatus)).containsExactly(entry("CLOSED", 18), entry("OPEN", 11));
        assertThat(parsed.count(r -> r.closureCategory))
                .containsExactly(entry("NOTED", 4), entry("RESOLVED", 14), entry(null, 11));
        // every closed row of this re-published file quotes a close time one UTC offset later than closed_dt
        assertThat(parsed.flagCounts())
                .containsExactly(entry("missing_target", 1), entry("timestamp_shift_suspected", 18));
        assertThat(parsed.requests).allSatisfy(r -> {
            assertThat(r.source).doesNotContain(";");
            assertThat(r.extraFields).matches("\\{\"geom_4326\":\"0101000020E610000[0-9A-F]{33}\"}");
            assertThat(r.location).doesNotContain("&amp;");
        });
        assertThat(parsed.count(r -> r.source))
                .containsExactly(
                        entry("Citizens Connect App", 11),
                        entry("City Worker App", 9),
                        entry("Constituent Call", 2),
                        entry("Employee Generated", 7));
    }

    @Test
    void current2025RowsFieldByField() {
        Parsed parsed = parse(RealSamples.CURRENT_2025_DAMAGED);

        ServiceRequest salted = parsed.byCaseId(101005905368L);
        assertThat(salted.openTs).isEqualTo(Instant.parse("2025-02-09T08:56:00Z"));
        assertThat(salted.closedTs).isEqualTo(Instant.parse("2025-02-09T10:43:09Z"));
        assertThat(salted.closureReportedTs).isEqualTo(Instant.parse("2025-02-09T15:43:09Z"));
        assertThat(salted.source).isEqualTo("Employee Generated"); // "Employee Generated;;" in the file
        assertThat(salted.dqFlags).containsExactly("timestamp_shift_suspected");

        // March 27 is after the DST change: EDT in the text, UTC-4 for closed_dt
        ServiceRequest intersection = parsed.byCaseId(101006005205L);
        assertThat(intersection.closedTs).isEqualTo(Instant.parse("2025-03-27T17:54:08Z"));
        assertThat(intersection.closureReportedTs).isEqualTo(Instant.parse("2025-03-27T21:54:08Z"));
        assertThat(intersection.location).isEqualTo("INTERSECTION of Hillcrest St & Temple St West Roxbury MA");
        assertThat(intersection.locationStreetName).isEqualTo("INTERSECTION Hillcrest St & Temple St");
        assertThat(intersection.ward).isEqualTo(20); // bare "20"
        assertThat(intersection.zipcode).isNull();
        assertThat(intersection.source).isEqualTo("Citizens Connect App"); // a line without the artefact
        assertThat(intersection.latitude).isEqualTo(42.27936995553943);
        assertThat(intersection.longitude).isEqualTo(-71.16145604345235);

        ServiceRequest withPhoto = parsed.byCaseId(101006049509L);
        assertThat(withPhoto.closedPhotos)
                .containsExactly(
                        "https://spot-boston-res.cloudinary.com/image/upload/"
                                + "v1745927253/boston/production/agvj0boeptx9cyuup9n2.jpg#spot=d771363d-fbc2-4462-b0c8-8a50fdcd6f2c");
        assertThat(withPhoto.submittedPhotos).isNull();
        assertThat(withPhoto.openDateLocal).isEqualTo(LocalDate.of(2025, 4, 28));
        assertThat(withPhoto.openTs).isEqualTo(Instant.parse("2025-04-29T02:01:02Z"));

        ServiceRequest sql = parsed.byCaseId(101005905366L);
        assertThat(sql.closureReportedTs).isEqualTo(Instant.parse("2025-02-09T19:56:19.257Z"));
        assertThat(sql.closureCategory).isEqualTo("RESOLVED");
        assertThat(sql.ward).isEqualTo(8);
        assertThat(sql.dqFlags).containsExactly("timestamp_shift_suspected");
    }

    @Test
    void quirksFromLargerExportsOnARealRow() throws IOException {
        // a real 2022 row re-published the way larger extracts are: float zip/precinct/districts, tab, index column
        Map<String, String> row = rowOf(RealSamples.CKAN_2022, 101004141354L);
        row.put("location_zipcode", "2114.0");
        row.put("precinct", "306.0");
        row.put("fire_district", "3.0");
        row.put("city_council_district", "1.0");
        row.put("neighborhood_services_district", "3.0");
        row.put("ward", "Ward 3");
        row.put("closure_reason", "Case Closed. Closed date : Thu Jan 20 08:45:03 EST 2022 Noted\tBags  removed ");
        Map<String, String> withIndex = new LinkedHashMap<>();
        withIndex.put("", "17");
        withIndex.putAll(row);

        ServiceRequest r = single(csvOf(withIndex));

        assertThat(r.zipcode).isEqualTo("02114");
        assertThat(r.precinct).isEqualTo("0306");
        assertThat(r.fireDistrict).isEqualTo("3");
        assertThat(r.cityCouncilDistrict).isEqualTo("1");
        assertThat(r.neighborhoodServicesDistrict).isEqualTo("3");
        assertThat(r.ward).isEqualTo(3);
        assertThat(r.closureReason)
                .isEqualTo("Case Closed. Closed date : Thu Jan 20 08:45:03 EST 2022 Noted Bags removed");
        assertThat(r.closureCategory).isEqualTo("NOTED");
        assertThat(r.extraFields).isEqualTo("{\"_index\":\"17\"}");
        assertThat(r.sourceLayout).isEqualTo("CKAN_2019");
        assertThat(r.dqFlags).isEmpty();
    }

    @Test
    void system2024LayoutFixtureFieldByField() throws IOException {
        Map<String, String> closed = new LinkedHashMap<>();
        closed.put("case_id", "101005990001");
        // the spring-forward gap: 02:30 does not exist on 2024-03-10 and becomes 03:30 EDT
        closed.put("open_date", "2024-03-10 02:30:00");
        closed.put("target_close_date", "2024-03-12 08:30:00");
        closed.put("close_date", "2024-03-11 09:15:00");
        closed.put("case_status", "Closed");
        closed.put("case_topic", "Street Cleaning");
        closed.put("service_name", "Pick up Dead Animal");
        closed.put("closure_reason", "Case Closed. Closed date : 2024-03-11 09:15:00.5 Case Resolved Picked up");
        closed.put("assigned_department", "Public Works Department");
        closed.put("submitted_photo", "https://311.boston.gov/a.jpg | https://311.boston.gov/b.jpg");
        closed.put("closed_photo", "");
        closed.put("full_address", "71 Cliffmont St  Roslindale  MA  02131");
        closed.put("zip_code", "2131.0");
        closed.put("ward", "18");
        closed.put("neighborhood", "Roslindale");
        closed.put("latitude", "42.27616961421221");
        closed.put("longitude", "-71.12098077190761");
        assertThat(closed.keySet()).containsExactlyElementsOf(BostonProfileTest.SYSTEM_2024_COLUMNS);

        ServiceRequest r = single(csvOf(closed));

        assertThat(r.caseEnquiryId).isEqualTo(101005990001L);
        assertThat(r.openTs).isEqualTo(Instant.parse("2024-03-10T07:30:00Z"));
        assertThat(r.slaTargetTs).isEqualTo(Instant.parse("2024-03-12T12:30:00Z"));
        assertThat(r.closedTs).isEqualTo(Instant.parse("2024-03-11T13:15:00Z"));
        assertThat(r.caseStatus).isEqualTo("CLOSED");
        assertThat(r.onTimeStatus).isNull();
        assertThat(r.closedOnTime).isTrue();
        assertThat(r.resolutionHours).isEqualTo(29.75);
        assertThat(r.slaHours).isEqualTo(53.0);
        assertThat(r.closureReason)
                .isEqualTo("Case Closed. Closed date : 2024-03-11 09:15:00.5 Case Resolved Picked up");
        assertThat(r.closureCategory).isEqualTo("RESOLVED");
        assertThat(r.closureReportedTs).isEqualTo(Instant.parse("2024-03-11T13:15:00.500Z"));
        assertThat(r.caseTitle).isNull();
        assertThat(r.subject).isNull();
        assertThat(r.reason).isEqualTo("Street Cleaning");
        assertThat(r.type).isEqualTo("Pick up Dead Animal");
        assertThat(r.queue).isNull();
        assertThat(r.department).isEqualTo("Public Works Department");
        assertThat(r.submittedPhotos).containsExactly("https://311.boston.gov/a.jpg", "https://311.boston.gov/b.jpg");
        assertThat(r.closedPhotos).isNull();
        assertThat(r.location).isEqualTo("71 Cliffmont St Roslindale MA 02131");
        assertThat(r.locationStreetName).isNull();
        assertThat(r.zipcode).isEqualTo("02131");
        assertThat(r.fireDistrict).isNull();
        assertThat(r.ward).isEqualTo(18);
        assertThat(r.precinct).isNull();
        assertThat(r.neighborhood).isEqualTo("Roslindale");
        assertThat(r.latitude).isEqualTo(42.27616961421221);
        assertThat(r.longitude).isEqualTo(-71.12098077190761);
        assertThat(r.source).isNull();
        assertThat(r.openDateLocal).isEqualTo(LocalDate.of(2024, 3, 10));
        assertThat(r.sourceLayout).isEqualTo("SYSTEM_2024");
        assertThat(r.eventType).isEqualTo("SNAPSHOT");
        assertThat(r.eventTs).isEqualTo(r.closedTs);
        assertThat(r.dqFlags).isEmpty();
        assertThat(r.extraFields).isEqualTo("{}");
        assertThat(r.sourceRef).isEqualTo("csv:system-2024.csv@2");
    }

    @Test
    void system2024OpenCaseWithoutGeocode() throws IOException {
        Map<String, String> open = new LinkedHashMap<>();
        for (String column : BostonProfileTest.SYSTEM_2024_COLUMNS) {
            open.put(column, " ");
        }
        open.put("case_id", "101005990002");
        open.put("open_date", "2024-11-03 01:30:00");
        open.put("target_close_date", "");
        open.put("close_date", "");
        open.put("case_status", "Open");
        open.put("latitude", "42.3594");
        open.put("longitude", "-71.0587");

        ServiceRequest r = single(csvOf(open));

        assertThat(r.openTs).isEqualTo(Instant.parse("2024-11-03T05:30:00Z")); // first 01:30 of the fall-back night
        assertThat(r.caseStatus).isEqualTo("OPEN");
        assertThat(r.closureReason).isNull();
        assertThat(r.closureCategory).isNull();
        assertThat(r.location).isNull();
        assertThat(r.ward).isNull();
        assertThat(r.latitude).isNull();
        assertThat(r.sourceLayout).isEqualTo("SYSTEM_2024");
        assertThat(r.dqFlags).containsExactly("missing_target", "placeholder_coordinates");
    }

    private record Parsed(List<ServiceRequest> requests, List<ParseOutcome> rejected) {
        ServiceRequest byCaseId(long caseId) {
            return requests.stream()
                    .filter(r -> r.caseEnquiryId == caseId)
                    .findFirst()
                    .orElseThrow();
        }

        Map<String, Integer> count(java.util.function.Function<ServiceRequest, String> key) {
            Map<String, Integer> counts =
                    new TreeMap<>(java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
            requests.forEach(r -> counts.merge(key.apply(r), 1, Integer::sum));
            return counts;
        }

        Map<String, Integer> flagCounts() {
            Map<String, Integer> counts = new TreeMap<>();
            requests.forEach(r -> Arrays.stream(r.dqFlags).forEach(f -> counts.merge(f, 1, Integer::sum)));
            return counts;
        }
    }

    private Parsed parse(String file) {
        List<ServiceRequest> requests = new ArrayList<>();
        List<ParseOutcome> rejected = new ArrayList<>();
        for (CsvEvent event : RealSamples.events(file)) {
            ParseOutcome outcome = parser.parse(raw(file, event), NOW);
            if (outcome.isAccepted()) {
                requests.add(outcome.request());
            } else {
                rejected.add(outcome);
            }
        }
        return new Parsed(requests, rejected);
    }

    private ServiceRequest single(String csv) throws IOException {
        try (CsvEventReader reader =
                new CsvEventReader(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "system-2024.csv")) {
            CsvEvent event = reader.next();
            assertThat(reader.next()).isNull();
            ParseOutcome outcome = parser.parse(raw("system-2024.csv", event), NOW);
            assertThat(outcome.isAccepted()).as("%s", outcome).isTrue();
            return outcome.request();
        }
    }

    private static RawEvent raw(String file, CsvEvent event) {
        return new RawEvent("csv", file, null, Long.toString(event.lineNumber()), null, 1_000L, event.json());
    }

    private static String csvOf(Map<String, String> row) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(row.keySet());
            printer.printRecord(row.values());
        }
        return out.toString();
    }

    private static Map<String, String> rowOf(String file, long caseId) throws IOException {
        for (CsvEvent event : RealSamples.events(file)) {
            Map<String, String> row = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readValue(
                            event.json(),
                            new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, String>>() {});
            if (row.get("case_enquiry_id").equals(Long.toString(caseId))) {
                return row;
            }
        }
        throw new AssertionError("no case " + caseId + " in " + file);
    }
}
