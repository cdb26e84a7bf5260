package org.requestslakehouse.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvEventReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void socrataSampleFirstRecordIsTheRowAsStringValuedJson() {
        List<CsvEvent> events = RealSamples.events(RealSamples.SOCRATA_2011);

        assertThat(events).hasSize(100);
        CsvEvent first = events.get(0);
        assertThat(first.recordNumber()).isEqualTo(1);
        assertThat(first.lineNumber()).isEqualTo(2);
        assertThat(new String(first.json(), UTF_8))
                .isEqualTo("{\"CASE_ENQUIRY_ID\":\"101000295613\","
                        + "\"OPEN_DT\":\"07/01/2011 01:32:33 AM\",\"TARGET_DT\":\"07/15/2011 01:32:32 AM\","
                        + "\"CLOSED_DT\":\"07/01/2011 05:06:58 AM\",\"OnTime_Status\":\"ONTIME\",\"CASE_STATUS\":\"Closed\","
                        + "\"CLOSURE_REASON\":\"Case Closed Case Resolved replaced 100 amp fuse and reset breaker\","
                        + "\"CASE_TITLE\":\"Street Light Outages\",\"SUBJECT\":\"Public Works Department\","
                        + "\"REASON\":\"Street Lights\",\"TYPE\":\"Street Light Outages\","
                        + "\"QUEUE\":\"PWDx_Street Light Outages\",\"Department\":\"PWDx\",\"SubmittedPhoto\":\"\","
                        + "\"ClosedPhoto\":\"\",\"Location\":\"INTERSECTION of Groveland St & River St  Mattapan  MA\","
                        + "\"fire_district\":\"8\",\"pwd_district\":\"07\",\"city_council_district\":\"3\","
                        + "\"police_district\":\"B3\",\"neighborhood\":\"Greater Mattapan\","
                        + "\"neighborhood_services_district\":\"7\",\"ward\":\"Ward 17\",\"precinct\":\"1714\","
                        + "\"land_usage\":\"\",\"LOCATION_STREET_NAME\":\"INTERSECTION Groveland St & River St\","
                        + "\"LOCATION_ZIPCODE\":\"\",\"Property_Type\":\"Intersection\",\"Property_ID\":\"5512\","
                        + "\"LATITUDE\":\"42.2715\",\"LONGITUDE\":\"-71.0772\",\"Source\":\"Employee Generated\","
                        + "\"Geocoded_Location\":\"(42.2715, -71.0772)\"}");
    }

    @Test
    void everySampleRecordHasOneKeyPerHeaderColumnAndConsecutiveNumbers() throws IOException {
        for (String file : List.of(RealSamples.SOCRATA_2011, RealSamples.CKAN_2022, RealSamples.CURRENT_2025_DAMAGED)) {
            List<String> keys;
            try (CsvEventReader reader = CsvEventReader.open(RealSamples.path(file))) {
                keys = reader.keys();
            }
            List<CsvEvent> events = RealSamples.events(file);
            for (int i = 0; i < events.size(); i++) {
                CsvEvent event = events.get(i);
                assertThat(event.recordNumber()).isEqualTo(i + 1);
                // no sample has a quoted line break, so each record is one line after the header
                assertThat(event.lineNumber()).isEqualTo(i + 2);
                assertThat(map(event).keySet()).as("%s record %d", file, i + 1).containsExactlyElementsOf(keys);
            }
        }
        assertThat(RealSamples.events(RealSamples.CKAN_2022)).hasSize(100);
        assertThat(RealSamples.events(RealSamples.CURRENT_2025_DAMAGED)).hasSize(29);
    }

    @Test
    void spreadsheetSemicolonsAndCarriageReturnsAreGoneFromTheDamagedSample() throws IOException {
        try (CsvEventReader reader = CsvEventReader.open(RealSamples.path(RealSamples.CURRENT_2025_DAMAGED))) {
            assertThat(reader.keys()).endsWith("latitude", "longitude", "geom_4326", "source");
        }
        List<CsvEvent> events = RealSamples.events(RealSamples.CURRENT_2025_DAMAGED);
        // line 2 ended in "Employee Generated;;", line 4 in "Citizens Connect App" without the artefact
        assertThat(map(events.get(0))).containsEntry("source", "Employee Generated");
        assertThat(map(events.get(2))).containsEntry("source", "Citizens Connect App");
        // the last line has neither ;; nor a line break
        assertThat(map(events.get(28))).containsEntry("source", "Employee Generated");
        for (CsvEvent event : events) {
            assertThat(map(event).values())
                    .allSatisfy(value -> assertThat(value).doesNotEndWith(";").doesNotContain("\r"));
        }
    }

    @Test
    void trailingSemicolonsOfACleanHeaderFileAreData() throws IOException {
        List<Map<String, String>> rows = rows("a,b\n1,x;\n");

        assertThat(rows).containsExactly(Map.of("a", "1", "b", "x;"));
    }

    @Test
    void semicolonArtefactIsStrippedFromTheLastValueWhereverTheRowEnds() throws IOException {
        List<Map<String, String>> rows = rows("a,b;;\r\n1,x;;\r\n2,y\r\n3,;;\r\n4,z;;");

        assertThat(rows)
                .containsExactly(
                        Map.of("a", "1", "b", "x"),
                        Map.of("a", "2", "b", "y"),
                        Map.of("a", "3", "b", ""),
                        Map.of("a", "4", "b", "z"));
    }

    @Test
    void quotedFieldsMaySpanLinesAndLineNumbersFollowThePhysicalLines() throws IOException {
        List<CsvEvent> events = events("id,note\n1,\"first\nsecond\r\nthird\"\n2,\"say \"\"hi\"\", ok\"\n3,plain");

        assertThat(events).extracting(CsvEvent::recordNumber).containsExactly(1L, 2L, 3L);
        assertThat(events).extracting(CsvEvent::lineNumber).containsExactly(2L, 5L, 6L);
        assertThat(map(events.get(0))).containsEntry("note", "first\nsecond\r\nthird");
        assertThat(map(events.get(1))).containsEntry("note", "say \"hi\", ok");
        assertThat(new String(events.get(1).json(), UTF_8)).isEqualTo("{\"id\":\"2\",\"note\":\"say \\\"hi\\\", ok\"}");
    }

    @Test
    void blankLinesAreSkippedWithoutShiftingNumbers() throws IOException {
        List<CsvEvent> events = events("a,b\n\n1,x\n\n\n2,y\n");

        assertThat(events).extracting(CsvEvent::recordNumber).containsExactly(1L, 2L);
        assertThat(events).extracting(CsvEvent::lineNumber).containsExactly(3L, 6L);
    }

    @Test
    void emptyCellsAreEmptyStrings() throws IOException {
        List<Map<String, String>> rows = rows("a,b,c\n,,\n\"\",\"\" ,\t\n");

        assertThat(rows.get(0)).containsExactly(Map.entry("a", ""), Map.entry("b", ""), Map.entry("c", ""));
        assertThat(rows.get(1)).containsExactly(Map.entry("a", ""), Map.entry("b", ""), Map.entry("c", "\t"));
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsText() throws IOException {
        assertThat(rows("a,b\n5\" tall,x\"y\n")).containsExactly(Map.of("a", "5\" tall", "b", "x\"y"));
    }

    @Test
    void unnamedLeadingIndexColumnBecomesIndexKey() throws IOException {
        assertThat(rows(",case_enquiry_id\n0,101\n")).containsExactly(Map.of("_index", "0", "case_enquiry_id", "101"));
        assertThat(rows("Unnamed: 0,case_enquiry_id\n7,101\n"))
                .containsExactly(Map.of("_index", "7", "case_enquiry_id", "101"));
    }

    @Test
    void byteOrderMarkIsNotPartOfTheFirstKey() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "case_enquiry_id,ward\n101,Ward 3\n".getBytes(UTF_8);
        byte[] file = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, file, 0, bom.length);
        System.arraycopy(body, 0, file, bom.length, body.length);

        try (CsvEventReader reader = new CsvEventReader(new ByteArrayInputStream(file), "bom.csv")) {
            assertThat(reader.keys()).containsExactly("case_enquiry_id", "ward");
            assertThat(map(reader.next()))
                    .containsExactly(Map.entry("case_enquiry_id", "101"), Map.entry("ward", "Ward 3"));
        }
    }

    @Test
    void gzipIsRecognisedByItsMagicBytesWhateverTheName(@TempDir Path dir) throws IOException {
        byte[] plain = Files.readAllBytes(RealSamples.path(RealSamples.CKAN_2022));
        Path gz = dir.resolve("no-suffix.csv");
        Files.write(gz, gzip(plain));
        Path plainNamedGz = dir.resolve("plain.csv.gz");
        Files.write(plainNamedGz, plain);

        List<String> expected = jsonOf(RealSamples.events(RealSamples.CKAN_2022));
        assertThat(jsonOf(readAll(CsvEventReader.open(gz)))).containsExactlyElementsOf(expected);
        assertThat(jsonOf(readAll(CsvEventReader.open(plainNamedGz)))).containsExactlyElementsOf(expected);
        assertThat(jsonOf(readAll(new CsvEventReader(new ByteArrayInputStream(gzip(plain)), "stream"))))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void emptyFileHasNoHeaderAndNoEvents() throws IOException {
        try (CsvEventReader reader = new CsvEventReader(stream(""), "empty.csv")) {
            assertThat(reader.keys()).isEmpty();
            assertThat(reader.next()).isNull();
        }
        assertThat(events("\n\r\n")).isEmpty();
    }

    @Test
    void headerOnlyFileHasNoEvents() throws IOException {
        try (CsvEventReader reader = new CsvEventReader(stream("a,b\n"), "header-only.csv")) {
            assertThat(reader.keys()).containsExactly("a", "b");
            assertThat(reader.next()).isNull();
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void closeClosesTheUnderlyingStream() throws IOException {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream("a\n1\n".getBytes(UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        new CsvEventReader(in, "s").close();
        assertThat(closed[0]).isTrue();
    }

    @Test
    void eventsCompareByContent() {
        CsvEvent event = new CsvEvent(1, 2, "{\"a\":\"1\"}".getBytes(UTF_8));

        assertThat(event)
                .isEqualTo(new CsvEvent(1, 2, "{\"a\":\"1\"}".getBytes(UTF_8)))
                .hasSameHashCodeAs(new CsvEvent(1, 2, "{\"a\":\"1\"}".getBytes(UTF_8)))
                .isNotEqualTo(new CsvEvent(1, 2, "{\"a\":\"2\"}".getBytes(UTF_8)))
                .isNotEqualTo(new CsvEvent(1, 3, "{\"a\":\"1\"}".getBytes(UTF_8)));
        assertThat(event).hasToString("CsvEvent{record 1, line 2, {\"a\":\"1\"}}");
    }

    private static List<CsvEvent> events(String csv) throws IOException {
        return readAll(new CsvEventReader(stream(csv), "test.csv"));
    }

    private static List<Map<String, String>> rows(String csv) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        for (CsvEvent event : events(csv)) {
            rows.add(map(event));
        }
        return rows;
    }

    private static List<CsvEvent> readAll(CsvEventReader reader) throws IOException {
        try (reader) {
            List<CsvEvent> events = new ArrayList<>();
            CsvEvent event;
            while ((event = reader.next()) != null) {
                events.add(event);
            }
            return events;
        }
    }

    private static List<String> jsonOf(List<CsvEvent> events) {
        return events.stream().map(e -> new String(e.json(), UTF_8)).toList();
    }

    static Map<String, String> map(CsvEvent event) throws IOException {
        return JSON.readValue(event.json(), new TypeReference<LinkedHashMap<String, String>>() {});
    }

    private static InputStream stream(String csv) {
        return new ByteArrayInputStream(csv.getBytes(UTF_8));
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }
}
