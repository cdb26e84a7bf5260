package org.requestslakehouse.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.requestslakehouse.model.RejectReason;

/** Open311 requests.json files read element by element, with every defect contained and positioned. */
public class JsonEventReaderTest {
    public static final String CHICAGO = "open311_chicago_2019.json";
    public static final String NYC = "nyc311_2022_current-layout_sample.csv";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static Path city(String name) {
        try {
            return Paths.get(
                    JsonEventReaderTest.class.getResource("/cities/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theChicagoSampleGivesFiftyEventsWithTheElementsBytesAsPublished() throws IOException {
        byte[] file = Files.readAllBytes(city(CHICAGO));
        List<CsvEvent> events = readAll(file);

        assertThat(events).hasSize(50).noneMatch(CsvEvent::isDefective);
        assertThat(events).extracting(CsvEvent::recordNumber).containsExactlyElementsOf(range(1, 50));
        assertThat(events.get(0).lineNumber()).isEqualTo(2);
        assertThat(events.get(1).lineNumber()).isEqualTo(13);
        String first = new String(events.get(0).json(), UTF_8);
        assertThat(first)
                .startsWith("{\n    \"service_request_id\": \"SR19-00134785\",")
                .endsWith("\"long\": -87.6601904732137\n  }");
        JsonNode all = MAPPER.readTree(file);
        for (int i = 0; i < 50; i++) {
            assertThat(MAPPER.readTree(events.get(i).json())).isEqualTo(all.get(i));
        }
    }

    @Test
    void aWrappingObjectGivesItsRequestsArrayAndIgnoresItsOtherMembers() throws IOException {
        String file = "{\"count\": 2, \"meta\": {\"a\": [1, {\"b\": \"]}\"}]},\n"
                + " \"requests\": [\n  {\"service_request_id\": \"1\"},\n  {\"service_request_id\": \"2\", \"lon\": 1.5}\n ],"
                + " \"next\": null}\n";

        List<CsvEvent> events = readAll(file.getBytes(UTF_8));

        assertThat(events)
                .extracting(e -> new String(e.json(), UTF_8))
                .containsExactly("{\"service_request_id\": \"1\"}", "{\"service_request_id\": \"2\", \"lon\": 1.5}");
        assertThat(events).extracting(CsvEvent::lineNumber).containsExactly(3L, 4L);
    }

    @Test
    void aMalformedElementIsOneDefectAndTheNextElementsStillLand() throws IOException {
        String file = "[\n{\"id\": \"1\"},\n{\"id\": \"2\",, \"x\": 1},\n{\"id\": \"3\"}\n]";

        List<CsvEvent> events = readAll(file.getBytes(UTF_8));

        assertThat(events).hasSize(3);
        assertThat(new String(events.get(0).json(), UTF_8)).isEqualTo("{\"id\": \"1\"}");
        assertThat(events.get(1).defect())
                .isEqualTo(new CsvDefect(
                        RejectReason.MALFORMED_JSON,
                        "line 3, element 2 (byte offset 15): not valid JSON: Unexpected character (',' (code 44)):"
                                + " was expecting double-quote to start field name (line 3)",
                        "{\"id\": \"2\",, \"x\": 1}".getBytes(UTF_8)));
        assertThat(events.get(1).lineNumber()).isEqualTo(3);
        assertThat(new String(events.get(2).json(), UTF_8)).isEqualTo("{\"id\": \"3\"}");
        assertThat(events).extracting(CsvEvent::recordNumber).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aStringLeftOpenDamagesOnlyItsElement() throws IOException {
        String file = "[{\"id\": \"1\", \"note\": \"no end\n},\n{\"id\": \"2\"}]";

        List<CsvEvent> events = readAll(file.getBytes(UTF_8));

        assertThat(events).hasSize(2);
        assertThat(events.get(0).defect().reason()).isEqualTo(RejectReason.MALFORMED_JSON);
        assertThat(events.get(0).defect().bytes()).isEqualTo("{\"id\": \"1\", \"note\": \"no end\n}".getBytes(UTF_8));
        assertThat(new String(events.get(1).json(), UTF_8)).isEqualTo("{\"id\": \"2\"}");
        assertThat(events.get(1).lineNumber()).isEqualTo(3);
    }

    @Test
    void aFileCutInsideAnElementEndsWithThatElementAsADefect() throws IOException {
        List<CsvEvent> events = readAll("[{\"id\": \"1\"},\n{\"id\": \"2\", \"st".getBytes(UTF_8));

        assertThat(events).hasSize(2);
        assertThat(events.get(1).defect())
                .isEqualTo(new CsvDefect(
                        RejectReason.MALFORMED_JSON,
                        "line 2, element 2 (byte offset 14): the file ends inside this element",
                        "{\"id\": \"2\", \"st".getBytes(UTF_8)));
    }

    @Test
    void aFileCutBetweenElementsEndsWithAnEmptyDefect() throws IOException {
        List<CsvEvent> events = readAll("[{\"id\": \"1\"},\n".getBytes(UTF_8));

        assertThat(events).hasSize(2);
        assertThat(events.get(1).defect())
                .isEqualTo(new CsvDefect(
                        RejectReason.MALFORMED_JSON,
                        "line 2: the file ends before the array is closed, after element 1",
                        new byte[0]));
    }

    @Test
    void contentAfterTheArrayIsOneDefectWithThatContent() throws IOException {
        List<CsvEvent> events = readAll("[{\"id\": \"1\"}]\n{\"id\": \"2\"}\n".getBytes(UTF_8));

        assertThat(events).hasSize(2);
        assertThat(events.get(1).defect())
                .isEqualTo(new CsvDefect(
                        RejectReason.MALFORMED_JSON,
                        "line 2 (byte offset 14): content after the end of the array",
                        "{\"id\": \"2\"}\n".getBytes(UTF_8)));
    }

    @Test
    void anObjectWithoutARequestsArrayIsOneDefectWithTheObject() throws IOException {
        String file = "{\"service_request_id\": \"SR1\", \"status\": \"open\"}";

        List<CsvEvent> events = readAll(file.getBytes(UTF_8));

        assertThat(events)
                .containsExactly(new CsvEvent(
                        1,
                        1,
                        null,
                        new CsvDefect(
                                RejectReason.MALFORMED_JSON,
                                "line 1: an object without a \"requests\" array, so it holds no requests",
                                file.getBytes(UTF_8))));
    }

    @Test
    void aSecondRequestsArrayIsOneDefectNotSilentlySkipped() throws IOException {
        String file = "{\"requests\": [{\"id\": \"1\"}], \"requests\": [{\"id\": \"2\"}]}";

        List<CsvEvent> events = readAll(file.getBytes(UTF_8));

        assertThat(events).hasSize(2);
        assertThat(events.get(1).defect())
                .isEqualTo(new CsvDefect(
                        RejectReason.MALFORMED_JSON,
                        "line 1 (byte offset 26): a second \"requests\" array, read as one defect",
                        ", \"requests\": [{\"id\": \"2\"}]}".getBytes(UTF_8)));
    }

    @Test
    void aFileThatStartsWithNeitherBracketIsOneDefectWithItsBytes() throws IOException {
        assertThat(readAll("  \"x\", 1".getBytes(UTF_8)))
                .containsExactly(new CsvEvent(
                        1,
                        1,
                        null,
                        new CsvDefect(
                                RejectReason.MALFORMED_JSON,
                                "line 1: the file starts with neither '[' nor '{'",
                                "\"x\", 1".getBytes(UTF_8))));
        assertThat(readAll(new byte[] {(byte) 0xEF, (byte) 0xBB, '[', ']'}))
                .containsExactly(new CsvEvent(
                        1,
                        1,
                        null,
                        new CsvDefect(
                                RejectReason.MALFORMED_JSON,
                                "line 1: the file starts with neither '[' nor '{'",
                                new byte[] {(byte) 0xEF, (byte) 0xBB, '[', ']'})));
        assertThat(readAll(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '[', ']'}))
                .isEmpty();
    }

    @Test
    void anElementOverTheSizeLimitKeepsItsFirstBytesAndTheNextElementLands() throws IOException {
        String big = "{\"note\": \"" + "x".repeat(JsonEventReader.MAX_ELEMENT_BYTES) + "\"}";

        List<CsvEvent> events = readAll(("[" + big + ",\n{\"id\": \"2\"}]").getBytes(UTF_8));

        assertThat(events).hasSize(2);
        assertThat(events.get(0).defect().reason()).isEqualTo(RejectReason.PAYLOAD_TOO_LARGE);
        assertThat(events.get(0).defect().detail())
                .isEqualTo("line 1, element 1 (byte offset 1): larger than 1048576 bytes; its first 1048576 bytes"
                        + " are kept");
        assertThat(events.get(0).defect().bytes()).hasSize(JsonEventReader.MAX_ELEMENT_BYTES);
        assertThat(new String(events.get(1).json(), UTF_8)).isEqualTo("{\"id\": \"2\"}");
        assertThat(events.get(1).lineNumber()).isEqualTo(2);
    }

    @Test
    void invalidUtf8IsAnEncodingDefect() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes("[{\"a\": \"1\"}, {\"a\": \"".getBytes(UTF_8));
        file.write(0xE9);
        file.writeBytes("\"}]".getBytes(UTF_8));

        List<CsvEvent> events = readAll(file.toByteArray());

        assertThat(events).hasSize(2);
        assertThat(events.get(1).defect().reason()).isEqualTo(RejectReason.INVALID_ENCODING);
        assertThat(events.get(1).defect().detail())
                .isEqualTo("line 1, element 2 (byte offset 13): not valid UTF-8 (byte offset 20)");
    }

    @Test
    void strayClosingBracketsAndMissingCommasLoseNothing() throws IOException {
        List<CsvEvent> events = readAll("[{\"id\": \"1\"} {\"id\": \"2\"}}, {\"id\": \"3\"}]".getBytes(UTF_8));

        assertThat(events).hasSize(4);
        assertThat(events).extracting(CsvEvent::isDefective).containsExactly(false, false, true, false);
        assertThat(events.get(2).defect().bytes()).isEqualTo("}".getBytes(UTF_8));
    }

    @Test
    void emptyFilesAndEmptyArraysHaveNoRecords() throws IOException {
        assertThat(readAll("[]".getBytes(UTF_8))).isEmpty();
        assertThat(readAll(" [ \n ] \n".getBytes(UTF_8))).isEmpty();
        assertThat(readAll("{\"requests\": []}".getBytes(UTF_8))).isEmpty();
    }

    @Test
    void theFormatIsToldByContentWithByteOrderMarkWhitespaceAndGzip() throws IOException {
        byte[] json = Files.readAllBytes(city(CHICAGO));
        List<String> expected = jsonOf(readAll(json));
        byte[] withBom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "\r\n  ".getBytes(UTF_8), json);

        try (EventFileReader reader = EventFileReader.open(new ByteArrayInputStream(withBom), "bom.json")) {
            assertThat(reader).isInstanceOf(JsonEventReader.class);
            assertThat(jsonOf(drain(reader))).containsExactlyElementsOf(expected);
        }
        try (EventFileReader reader = EventFileReader.open(new ByteArrayInputStream(gzip(json)), "x.csv")) {
            assertThat(reader).isInstanceOf(JsonEventReader.class);
            assertThat(jsonOf(drain(reader))).containsExactlyElementsOf(expected);
        }
        try (EventFileReader reader = EventFileReader.open(city(NYC))) {
            assertThat(reader).isInstanceOf(CsvEventReader.class);
            assertThat(drain(reader)).hasSize(60);
        }
    }

    @Test
    void aTruncatedGzipJsonEndsWithAGzipDefectAfterTheDecodedElements() throws IOException {
        byte[] gz = gzip(Files.readAllBytes(city(CHICAGO)));
        byte[] cut = Arrays.copyOf(gz, gz.length - 4);

        List<CsvEvent> events;
        try (EventFileReader reader = EventFileReader.open(new ByteArrayInputStream(cut), "cut.json.gz")) {
            events = drain(reader);
        }

        assertThat(events).hasSize(51);
        assertThat(events.subList(0, 50)).noneMatch(CsvEvent::isDefective);
        assertThat(events.get(50).defect().reason()).isEqualTo(RejectReason.TRUNCATED_GZIP);
        assertThat(events.get(50).defect().detail())
                .isEqualTo("line 553: the gzip stream ends early after 19137 decompressed bytes; after the array"
                        + " closed");
        assertThat(events.get(50).defect().bytes()).isEmpty();
    }

    /** New York's export re-saved by a spreadsheet: a byte-order mark and CRLF give the same events as the original. */
    @Test
    void theNewYorkSampleWithByteOrderMarkAndCrlfReadsLikeTheOriginal() throws IOException {
        byte[] original = Files.readAllBytes(city(NYC));
        byte[] resaved = concat(
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                new String(original, UTF_8)
                        .replace("\r\n", "\n")
                        .replace("\n", "\r\n")
                        .getBytes(UTF_8));

        List<CsvEvent> expected;
        try (EventFileReader reader = EventFileReader.open(city(NYC))) {
            expected = drain(reader);
        }
        try (EventFileReader reader = EventFileReader.open(new ByteArrayInputStream(resaved), "resaved.csv")) {
            assertThat(((CsvEventReader) reader).keys()).first().isEqualTo("Unique Key");
            assertThat(jsonOf(drain(reader))).containsExactlyElementsOf(jsonOf(expected));
        }
        assertThat(expected).hasSize(60).noneMatch(CsvEvent::isDefective);
        assertThat(MAPPER.readTree(expected.get(0).json()).get("Unique Key").asText())
                .isEqualTo("54049402");
    }

    private static List<CsvEvent> readAll(byte[] file) throws IOException {
        try (JsonEventReader reader = new JsonEventReader(new ByteArrayInputStream(file), "test.json")) {
            return drain(reader);
        }
    }

    static List<CsvEvent> drain(EventFileReader reader) throws IOException {
        List<CsvEvent> events = new ArrayList<>();
        CsvEvent event;
        while ((event = reader.next()) != null) {
            events.add(event);
        }
        return events;
    }

    private static List<String> jsonOf(List<CsvEvent> events) {
        return events.stream().map(e -> new String(e.payload(), UTF_8)).toList();
    }

    private static List<Long> range(long from, long to) {
        List<Long> values = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            values.add(i);
        }
        return values;
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
