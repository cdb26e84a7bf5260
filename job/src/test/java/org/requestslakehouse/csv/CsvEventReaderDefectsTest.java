package org.requestslakehouse.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.requestslakehouse.config.ConfigLoader;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.model.RejectReason;
import org.requestslakehouse.parsing.ParseOutcome;
import org.requestslakehouse.parsing.RequestEventParser;

/**
 * Each kind of CSV defect becomes exactly one defect record with its line, its bytes and its reason, and the
 * records around it are read as if it were not there. Nothing here may throw.
 */
class CsvEventReaderDefectsTest {

    @Test
    void invalidUtf8IsOneDefectWithItsLineAndOffset() throws IOException {
        List<CsvEvent> events = read(bytes("a,b\n1,x\n2,", 0xE9, "\n3,y\n"));

        assertThat(events).hasSize(3);
        assertGood(events.get(0), 1, 2, "{\"a\":\"1\",\"b\":\"x\"}");
        assertDefect(
                events.get(1),
                2,
                3,
                RejectReason.INVALID_ENCODING,
                "line 3: not valid UTF-8 (byte offset 10)",
                bytes("2,", 0xE9, ""));
        assertGood(events.get(2), 3, 4, "{\"a\":\"3\",\"b\":\"y\"}");
    }

    @Test
    void invalidUtf8InAQuotedFieldSpanningLinesNamesTheLineOfTheBadByte() throws IOException {
        // 0xC0 0xAF: an overlong '/', never valid UTF-8
        List<CsvEvent> events = read(bytes("a,b\r\n1,\"first\r\nsecond ", 0xC0, 0xAF, "\"\r\n2,y\r\n"));

        assertDefect(
                events.get(0),
                1,
                2,
                RejectReason.INVALID_ENCODING,
                "line 3: not valid UTF-8 (byte offset 22)",
                bytes("1,\"first\r\nsecond ", 0xC0, 0xAF, "\""));
        assertGood(events.get(1), 2, 4, "{\"a\":\"2\",\"b\":\"y\"}");
        assertThat(events).hasSize(2);
    }

    @Test
    void anUnclosedQuoteRejectsOnlyItsLine() throws IOException {
        List<CsvEvent> events = read("a,b\n1,\"open\n2,x\n3,y\n".getBytes(UTF_8));

        assertDefect(
                events.get(0),
                1,
                2,
                RejectReason.BROKEN_QUOTING,
                "line 2: the quoted field opened on this line is "
                        + "not closed by the end of the file; the line is rejected alone and reading resumes on line 3",
                "1,\"open");
        assertGood(events.get(1), 2, 3, "{\"a\":\"2\",\"b\":\"x\"}");
        assertGood(events.get(2), 3, 4, "{\"a\":\"3\",\"b\":\"y\"}");
        assertThat(events).hasSize(3);
    }

    @Test
    void anUnclosedQuoteIsBoundedByTheRecordLineLimit() throws IOException {
        StringBuilder csv = new StringBuilder("a,b\r\n1,\"never closed\r\n");
        int good = CsvRecordSplitter.MAX_RECORD_LINES + 500;
        for (int i = 0; i < good; i++) {
            csv.append(i + 2).append(",x\r\n");
        }
        List<CsvEvent> events = read(csv.toString().getBytes(UTF_8));

        assertDefect(
                events.get(0),
                1,
                2,
                RejectReason.BROKEN_QUOTING,
                "line 2: the quoted field opened on this line is "
                        + "not closed within " + CsvRecordSplitter.MAX_RECORD_LINES
                        + " lines; the line is rejected alone and reading resumes on line 3",
                "1,\"never closed");
        assertThat(events).hasSize(good + 1);
        for (int i = 0; i < good; i++) {
            assertGood(events.get(i + 1), i + 2, i + 3, "{\"a\":\"" + (i + 2) + "\",\"b\":\"x\"}");
        }
    }

    @Test
    void anUnclosedQuoteIsBoundedByTheRecordByteLimit() throws IOException {
        String text = "x".repeat(2_000);
        StringBuilder csv = new StringBuilder("a,b\n1,\"never closed\n");
        int good = CsvRecordSplitter.MAX_RECORD_BYTES / 2_000 + 100;
        for (int i = 0; i < good; i++) {
            csv.append(i + 2).append(',').append(text).append('\n');
        }
        List<CsvEvent> events = read(csv.toString().getBytes(UTF_8));

        assertDefect(
                events.get(0),
                1,
                2,
                RejectReason.BROKEN_QUOTING,
                "line 2: the quoted field opened on this line "
                        + "makes a record longer than " + CsvRecordSplitter.MAX_RECORD_BYTES
                        + " bytes; the line is rejected "
                        + "alone and reading resumes on line 3",
                "1,\"never closed");
        assertThat(events).hasSize(good + 1);
        for (int i = 0; i < good; i++) {
            assertGood(events.get(i + 1), i + 2, i + 3, "{\"a\":\"" + (i + 2) + "\",\"b\":\"" + text + "\"}");
        }
    }

    @Test
    void aQuoteThatClosesIntoARecordOfTheWrongShapeWasStray() throws IOException {
        List<CsvEvent> events = read("a,b\n1,\"open\n2,x\n3,y\",extra\n4,z\n".getBytes(UTF_8));

        assertDefect(
                events.get(0),
                1,
                2,
                RejectReason.BROKEN_QUOTING,
                "line 2: the quoted field opened on this line "
                        + "closes on line 4 into a record of 3 fields, the header has 2; the line is rejected alone and "
                        + "reading resumes on line 3",
                "1,\"open");
        assertGood(events.get(1), 2, 3, "{\"a\":\"2\",\"b\":\"x\"}");
        assertDefect(
                events.get(2),
                3,
                4,
                RejectReason.WRONG_FIELD_COUNT,
                "line 4: 3 fields, the header has 2",
                "3,y\",extra");
        assertGood(events.get(3), 4, 5, "{\"a\":\"4\",\"b\":\"z\"}");
        assertThat(events).hasSize(4);
    }

    @Test
    void textAfterAClosingQuoteIsBrokenQuoting() throws IOException {
        List<CsvEvent> events = read("a,b\n1,\"ab\"c\n2,\"multi\nline\"x,y\n3,z\n".getBytes(UTF_8));

        assertDefect(
                events.get(0), 1, 2, RejectReason.BROKEN_QUOTING, "line 2: text after a closing quote", "1,\"ab\"c");
        assertDefect(
                events.get(1),
                2,
                3,
                RejectReason.BROKEN_QUOTING,
                "line 3: the quoted field opened on this line "
                        + "closes on line 4 with text after the closing quote; the line is rejected alone and reading resumes "
                        + "on line 4",
                "2,\"multi");
        // line 4 on its own: the quote is inside an unquoted field, so it is text
        assertGood(events.get(2), 3, 4, "{\"a\":\"line\\\"x\",\"b\":\"y\"}");
        assertGood(events.get(3), 4, 5, "{\"a\":\"3\",\"b\":\"z\"}");
        assertThat(events).hasSize(4);
    }

    @Test
    void raggedRowsAreWrongFieldCounts() throws IOException {
        List<CsvEvent> events = read("a,b,c\n1,2,3,4\n1\n1,2,\n1,2,3\n".getBytes(UTF_8));

        assertDefect(
                events.get(0), 1, 2, RejectReason.WRONG_FIELD_COUNT, "line 2: 4 fields, the header has 3", "1,2,3,4");
        assertDefect(events.get(1), 2, 3, RejectReason.WRONG_FIELD_COUNT, "line 3: 1 fields, the header has 3", "1");
        assertGood(events.get(2), 3, 4, "{\"a\":\"1\",\"b\":\"2\",\"c\":\"\"}");
        assertGood(events.get(3), 4, 5, "{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\"}");
        assertThat(events).hasSize(4);
    }

    @Test
    void aNulByteIsItsOwnDefectAndIsCheckedBeforeUtf8() throws IOException {
        List<CsvEvent> events = read(bytes("a,b\n1,x", 0, "y\n2,", 0xFF, 0, "\n3,z\n"));

        assertDefect(
                events.get(0), 1, 2, RejectReason.NUL_BYTE, "line 2: a NUL byte (byte offset 7)", bytes("1,x", 0, "y"));
        assertDefect(
                events.get(1),
                2,
                3,
                RejectReason.NUL_BYTE,
                "line 3: a NUL byte (byte offset 13)",
                bytes("2,", 0xFF, 0, ""));
        assertGood(events.get(2), 3, 4, "{\"a\":\"3\",\"b\":\"z\"}");
        assertThat(events).hasSize(3);
    }

    @Test
    void aLineLongerThanTheLimitKeepsItsFirstBytesAndTheNextLineIsRead() throws IOException {
        byte[] longLine = new byte[CsvRecordSplitter.MAX_RECORD_BYTES + 10];
        Arrays.fill(longLine, (byte) 'x');
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        csv.write("a,b\n".getBytes(UTF_8));
        csv.write(longLine);
        csv.write("\n1,y\n".getBytes(UTF_8));

        List<CsvEvent> events = read(csv.toByteArray());

        assertDefect(
                events.get(0),
                1,
                2,
                RejectReason.PAYLOAD_TOO_LARGE,
                "line 2: "
                        + (CsvRecordSplitter.MAX_RECORD_BYTES + 10) + " bytes, longer than the "
                        + CsvRecordSplitter.MAX_RECORD_BYTES
                        + " a CSV record may have; the first " + CsvRecordSplitter.MAX_RECORD_BYTES + " are kept",
                Arrays.copyOf(longLine, CsvRecordSplitter.MAX_RECORD_BYTES));
        assertGood(events.get(1), 2, 3, "{\"a\":\"1\",\"b\":\"y\"}");
        assertThat(events).hasSize(2);
    }

    @Test
    void anUnusableHeaderMakesEveryRecordUnreadableHeader() throws IOException {
        List<CsvEvent> events = read(bytes("a,", 0xFF, "\n1,2\n"));

        assertDefect(
                events.get(0),
                1,
                1,
                RejectReason.UNREADABLE_HEADER,
                "line 1: not valid UTF-8 (byte offset 2); this is "
                        + "the header, so no record of the file can be keyed",
                bytes("a,", 0xFF, ""));
        assertDefect(
                events.get(1),
                2,
                2,
                RejectReason.UNREADABLE_HEADER,
                "line 2: the header (line 1) is unusable, so this record cannot be keyed",
                "1,2");
        assertThat(events).hasSize(2);
    }

    @Test
    void aTruncatedGzipKeepsEveryRecordBeforeTheCutAndNamesIt() throws IOException {
        byte[] gzip = gzipFlushedAfter("a,b\n1,x\n2,y\n3,", "z\n4,w\n");
        byte[] truncated = Arrays.copyOf(gzip, flushedLength);

        List<CsvEvent> events = read(truncated);

        assertGood(events.get(0), 1, 2, "{\"a\":\"1\",\"b\":\"x\"}");
        assertGood(events.get(1), 2, 3, "{\"a\":\"2\",\"b\":\"y\"}");
        assertDefect(
                events.get(2),
                3,
                4,
                RejectReason.TRUNCATED_GZIP,
                "line 4: the gzip stream ends early after 14 "
                        + "decompressed bytes (Unexpected end of ZLIB input stream); the 2 records before it were read",
                "3,");
        assertThat(events).hasSize(3);
    }

    @Test
    void aCorruptGzipKeepsEveryRecordDecodedBeforeTheDamageAndNamesIt() throws IOException {
        byte[] corrupt = gzipFlushedAfter("a,b\n1,x\n2,y\n3,", "z\n4,w\n");
        corrupt[flushedLength] = (byte) 0xFF; // a deflate block header with the reserved block type

        List<CsvEvent> events = read(corrupt);

        assertGood(events.get(0), 1, 2, "{\"a\":\"1\",\"b\":\"x\"}");
        assertGood(events.get(1), 2, 3, "{\"a\":\"2\",\"b\":\"y\"}");
        assertDefect(
                events.get(2),
                3,
                4,
                RejectReason.CORRUPT_GZIP,
                "line 4: the gzip stream is corrupt after 14 "
                        + "decompressed bytes (invalid block type); the 2 records before it were read",
                "3,");
        assertThat(events).hasSize(3);
    }

    @Test
    void aGzipWithADamagedHeaderIsOneCorruptGzipDefect() throws IOException {
        byte[] damaged = gzipFlushedAfter("a,b\n1,x\n", "");
        damaged[2] = 9; // compression method: only 8 (deflate) exists

        List<CsvEvent> events = read(damaged);

        assertDefect(
                events.get(0),
                1,
                1,
                RejectReason.CORRUPT_GZIP,
                "line 1: the gzip stream is corrupt after 0 "
                        + "decompressed bytes (Unsupported compression method); the 0 records before it were read",
                "");
        assertThat(events).hasSize(1);
    }

    @Test
    void theParserRejectsADefectWithTheSourcesReasonAndKeepsItsBytesAndLine() throws IOException {
        CsvEvent defect = read(bytes("a,b\n1,", 0xE9, "\n")).get(0);
        RawEvent raw = defect.toRawEvent("/data/latin1.csv", 5L);
        RequestEventParser parser = new RequestEventParser(
                ConfigLoader.load(null, Map.of("source.csv.paths", "unused")).parse());

        ParseOutcome outcome = parser.parse(raw, 0L);

        assertThat(raw.sourceName).isEqualTo("/data/latin1.csv");
        assertThat(raw.sourcePosition).isEqualTo("2");
        assertThat(raw.payload).isEqualTo(bytes("1,", 0xE9, ""));
        assertThat(outcome.isAccepted()).isFalse();
        assertThat(outcome.reason()).isEqualTo(RejectReason.INVALID_ENCODING);
        assertThat(outcome.detail()).isEqualTo("line 2: not valid UTF-8 (byte offset 6)");
    }

    /** Length of the gzip stream up to and including the sync flush, set by {@link #gzipFlushedAfter}. */
    private int flushedLength;

    /** A gzip stream of {@code first + rest} whose compressed bytes for {@code first} end on a block boundary. */
    private byte[] gzipFlushedAfter(String first, String rest) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out, true)) {
            gz.write(first.getBytes(UTF_8));
            gz.flush();
            flushedLength = out.size();
            gz.write(rest.getBytes(UTF_8));
        }
        return out.toByteArray();
    }

    private static void assertGood(CsvEvent event, long record, long line, String json) {
        assertThat(event.defect()).as("%s", event).isNull();
        assertThat(event.recordNumber()).isEqualTo(record);
        assertThat(event.lineNumber()).isEqualTo(line);
        assertThat(new String(event.json(), UTF_8)).isEqualTo(json);
        assertThat(event.payload()).isSameAs(event.json());
    }

    private static void assertDefect(
            CsvEvent event, long record, long line, RejectReason reason, String detail, String bytes) {
        assertDefect(event, record, line, reason, detail, bytes.getBytes(UTF_8));
    }

    private static void assertDefect(
            CsvEvent event, long record, long line, RejectReason reason, String detail, byte[] bytes) {
        assertThat(event.defect()).as("%s", event).isNotNull();
        assertThat(event.recordNumber()).isEqualTo(record);
        assertThat(event.lineNumber()).isEqualTo(line);
        assertThat(event.json()).isNull();
        assertThat(event.defect().reason()).isEqualTo(reason);
        assertThat(event.defect().detail()).isEqualTo(detail);
        assertThat(event.payload()).isEqualTo(bytes);
    }

    /** Text and single bytes (given as ints) concatenated. */
    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof Integer b) {
                out.write(b);
            } else {
                out.writeBytes(((String) part).getBytes(UTF_8));
            }
        }
        return out.toByteArray();
    }

    private static List<CsvEvent> read(byte[] file) throws IOException {
        try (CsvEventReader reader = new CsvEventReader(new ByteArrayInputStream(file), "test.csv")) {
            List<CsvEvent> events = new ArrayList<>();
            CsvEvent event;
            while ((event = reader.next()) != null) {
                events.add(event);
            }
            assertThat(reader.next()).isNull();
            return events;
        }
    }
}
