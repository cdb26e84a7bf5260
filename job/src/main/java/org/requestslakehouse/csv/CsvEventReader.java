package org.requestslakehouse.csv;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.requestslakehouse.model.RejectReason;

/**
 * Reads a 311 CSV export (plain or gzip, any of the city's layouts) as request events: one JSON object per data
 * record, keyed by the header names, every value a string, an empty cell an empty string. This is exactly what a
 * client produces when it turns a CSV row into JSON, so the file path and the Kafka path reach the parser with
 * the same bytes.
 *
 * <p>Quoted fields spanning lines, CRLF, a missing final line break and a UTF-8 byte-order mark are handled; the
 * spreadsheet artefacts are described in {@link CsvHeader}. Blank lines are skipped.
 *
 * <p>No content makes the reader throw: a record that cannot be an event is returned as a {@link CsvDefect} with
 * its line, its bytes and a reason, and reading goes on with the next record (see {@link CsvRecordSplitter} for
 * how broken quoting is contained to one line). A record's checks, in order: quoting and size (from the cut),
 * a NUL byte ({@link RejectReason#NUL_BYTE}), UTF-8 ({@link RejectReason#INVALID_ENCODING}), the field count
 * against the header ({@link RejectReason#WRONG_FIELD_COUNT}). If the header itself fails them, it and every
 * record after it are {@link RejectReason#UNREADABLE_HEADER}. A damaged gzip stream ends the file with one
 * {@link RejectReason#TRUNCATED_GZIP} or {@link RejectReason#CORRUPT_GZIP} defect after every record decoded
 * before the damage. An empty file has no records. Only a failure to read the underlying stream is thrown.
 *
 * <p>The sequence of records is a pure function of the bytes, so skipping the first n of them resumes exactly
 * where a previous reader stopped. Use: {@code while ((event = reader.next()) != null) ...}. Not thread-safe.
 */
public final class CsvEventReader implements EventFileReader {
    private static final int BUFFER_BYTES = 1 << 16;

    private final InputStream in;
    private final String sourceName;
    private final CsvRecordSplitter splitter;
    private final CsvHeader header;
    /** Why the header is unusable; null when it is fine or the file is empty. */
    private final String headerProblem;

    private final Utf8Check utf8 = new Utf8Check();
    private final EventJsonWriter json = new EventJsonWriter();
    private final StringBuilder field = new StringBuilder();
    /** The header line when it is unusable (or damaged): it is returned as the first defect. */
    private final CsvRecordSplitter.Cut headerCut;

    private CsvRecordSplitter.Cut pendingHeader;
    private long recordNumber;

    /**
     * @param in         the file's bytes, gzip-compressed or not (told apart by the gzip magic bytes); closed by
     *                   {@link #close()}
     * @param sourceName names the file in the message of an I/O error
     * @throws IOException only if the stream cannot be read
     */
    public CsvEventReader(InputStream in, String sourceName) throws IOException {
        this.in = in;
        this.sourceName = sourceName;
        try {
            this.splitter = splitterOver(in);
            CsvRecordSplitter.Cut first = nextCut();
            Problem problem = first == null || first.kind() == CsvRecordSplitter.Kind.DAMAGED ? null : problemOf(first);
            if (first == null || first.kind() == CsvRecordSplitter.Kind.DAMAGED || problem != null) {
                header = CsvHeader.of(new String[0]);
                headerCut = first;
                headerProblem = problem == null ? null : problem.detail();
            } else {
                header = CsvHeader.of(fields(decoded(first.bytes())).toArray(String[]::new));
                splitter.expectFields(header.size());
                headerCut = null;
                headerProblem = null;
            }
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        this.pendingHeader = headerCut;
    }

    public static CsvEventReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            return new CsvEventReader(in, file.toString());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The JSON keys, in column order, after the header artefacts are undone; empty when there is no usable header. */
    public List<String> keys() {
        return header.keys();
    }

    /** The next record, well-formed or a defect, or null at the end of the file. */
    @Override
    public CsvEvent next() throws IOException {
        CsvRecordSplitter.Cut cut;
        if (pendingHeader != null) {
            cut = pendingHeader;
            pendingHeader = null;
        } else {
            cut = nextCut();
        }
        if (cut == null) {
            return null;
        }
        recordNumber++;
        if (cut.kind() == CsvRecordSplitter.Kind.DAMAGED) {
            boolean truncated = cut.damage() instanceof EOFException;
            return defect(
                    cut,
                    new Problem(
                            truncated ? RejectReason.TRUNCATED_GZIP : RejectReason.CORRUPT_GZIP,
                            "line " + cut.line() + ": the gzip stream " + (truncated ? "ends early" : "is corrupt")
                                    + " after "
                                    + (cut.byteOffset() + cut.bytes().length) + " decompressed bytes (" + cut.problem()
                                    + "); the " + (recordNumber - 1) + " records before it were read"));
        }
        if (headerProblem != null) {
            return defect(
                    cut,
                    new Problem(
                            RejectReason.UNREADABLE_HEADER,
                            cut == headerCut
                                    ? headerProblem + "; this is the header, so no record of the file can be keyed"
                                    : "line " + cut.line() + ": the header (line " + headerCut.line()
                                            + ") is unusable, so this record cannot be keyed"));
        }
        Problem problem = problemOf(cut);
        if (problem != null) {
            return defect(cut, problem);
        }
        if (cut.fields() != header.size()) {
            return defect(
                    cut,
                    new Problem(
                            RejectReason.WRONG_FIELD_COUNT,
                            "line " + cut.line() + ": " + cut.fields() + " fields, the header has " + header.size()));
        }
        return new CsvEvent(recordNumber, cut.line(), toJson(decoded(cut.bytes())));
    }

    private CsvRecordSplitter.Cut nextCut() throws IOException {
        try {
            return splitter.next();
        } catch (IOException e) {
            throw new IOException(sourceName + ": " + e.getMessage(), e);
        }
    }

    /** What is wrong with a cut before its fields are counted, or null. */
    private Problem problemOf(CsvRecordSplitter.Cut cut) {
        switch (cut.kind()) {
            case BROKEN_QUOTING:
                return new Problem(RejectReason.BROKEN_QUOTING, cut.problem());
            case TOO_LONG:
                return new Problem(RejectReason.PAYLOAD_TOO_LARGE, cut.problem());
            default:
                break;
        }
        byte[] bytes = cut.bytes();
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return new Problem(
                        RejectReason.NUL_BYTE,
                        "line " + lineOf(cut, i) + ": a NUL byte (byte offset " + (cut.byteOffset() + i) + ")");
            }
        }
        int malformed = utf8.malformedAt(bytes);
        if (malformed >= 0) {
            return new Problem(
                    RejectReason.INVALID_ENCODING,
                    "line " + lineOf(cut, malformed) + ": not valid UTF-8 (byte offset "
                            + (cut.byteOffset() + malformed) + ")");
        }
        return null;
    }

    private CsvEvent defect(CsvRecordSplitter.Cut cut, Problem problem) {
        return new CsvEvent(
                recordNumber, cut.line(), null, new CsvDefect(problem.reason(), problem.detail(), cut.bytes()));
    }

    private record Problem(RejectReason reason, String detail) {}

    /** The physical line of byte {@code index} of a cut that may span lines. */
    private static long lineOf(CsvRecordSplitter.Cut cut, int index) {
        long line = cut.line();
        byte[] bytes = cut.bytes();
        for (int i = 0; i < index; i++) {
            if (bytes[i] == '\r' || (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r'))) {
                line++;
            }
        }
        return line;
    }

    /** Valid UTF-8, as checked by {@link #problemOf}. */
    private static String decoded(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private byte[] toJson(String record) throws IOException {
        json.begin();
        List<String> values = fields(record);
        int last = values.size() - 1;
        for (int i = 0; i <= last; i++) {
            json.field(header.key(i), i == last ? header.lastValue(values.get(i)) : values.get(i));
        }
        return json.end();
    }

    /** The fields of a record the splitter found well-quoted: a quote opens a field only at its start. */
    private List<String> fields(String record) {
        List<String> values = new ArrayList<>();
        int i = 0;
        int n = record.length();
        while (true) {
            field.setLength(0);
            if (i < n && record.charAt(i) == '"') {
                i++;
                while (i < n) {
                    char c = record.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && record.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.append(c);
                    i++;
                }
                while (i < n && record.charAt(i) != ',') {
                    i++; // spaces or tabs after the closing quote
                }
            } else {
                int comma = record.indexOf(',', i);
                int end = comma < 0 ? n : comma;
                field.append(record, i, end);
                i = end;
            }
            values.add(field.toString());
            if (i >= n) {
                return values;
            }
            i++; // the comma
        }
    }

    private static CsvRecordSplitter splitterOver(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, BUFFER_BYTES);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        boolean gzip = first == (GZIPInputStream.GZIP_MAGIC & 0xff) && second == (GZIPInputStream.GZIP_MAGIC >>> 8);
        return new CsvRecordSplitter(gzip ? new LenientGzipStart(buffered) : buffered, gzip);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /**
     * A gzip stream whose header is only read on the first read, so that a damaged header is a damaged stream
     * like any other (the splitter reports it) rather than a failure to open the file.
     */
    private static final class LenientGzipStart extends InputStream {
        private final InputStream compressed;
        private DamageTolerantGzip gzip;

        LenientGzipStart(InputStream compressed) {
            this.compressed = compressed;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (gzip == null) {
                gzip = new DamageTolerantGzip(compressed);
            }
            return gzip.read(b, off, len);
        }

        @Override
        public void close() throws IOException {
            compressed.close();
        }
    }

    /**
     * When the inflater meets corrupt data, the JDK throws away what that same call had already decoded into the
     * caller's buffer, although the inflater counts it: this hands those bytes out first and fails on the next
     * read, so every byte decoded before the damage reaches the splitter.
     */
    private static final class DamageTolerantGzip extends GZIPInputStream {
        private ZipException pending;
        private ZipException seen;

        DamageTolerantGzip(InputStream in) throws IOException {
            super(in, BUFFER_BYTES);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pending != null) {
                throw pending;
            }
            long before = inf.getBytesWritten();
            try {
                return super.read(b, off, len);
            } catch (ZipException e) {
                // GZIPInputStream recurses into read() for a next member and resets the inflater; the innermost
                // frame decides, outer frames only pass the failure on
                long decoded = inf.getBytesWritten() - before;
                if (e == seen || decoded <= 0 || decoded > len) {
                    seen = e;
                    throw e;
                }
                seen = e;
                pending = e;
                return (int) decoded;
            }
        }
    }
}
