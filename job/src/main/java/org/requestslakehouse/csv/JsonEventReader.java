package org.requestslakehouse.csv;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.requestslakehouse.model.RejectReason;

/**
 * Reads an Open311 GeoReport v2 {@code requests.json} (plain or gzip) as request events: a top-level array of
 * objects, or an object that wraps it as {@code {"requests": [...]}} (the wrapper's other members are ignored).
 * Each element becomes one event whose payload is the element's bytes exactly as published, so the parser sees
 * the city's keys, numbers and duplicates as they are.
 *
 * <p>Streaming: elements are cut from the byte stream by a scanner that follows strings, escapes and nesting,
 * so memory holds one element, never the file. Each element is then checked with Jackson's streaming parser;
 * duplicate keys and non-object elements are left to the request parser, which quarantines them with its own
 * reasons.
 *
 * <p>No content makes the reader throw; what cannot be an event comes back as a {@link CsvDefect} carrying the
 * bytes, and reading goes on:
 * <ul>
 *   <li>an element that is not valid JSON, or not valid UTF-8: {@link RejectReason#MALFORMED_JSON} or
 *       {@link RejectReason#INVALID_ENCODING}, and the next element is read. A string left open at the end of its
 *       line is closed there (a JSON string cannot contain a raw line break), so a lost quote damages one element;
 *       a lost bracket may merge the elements up to where the nesting balances again into one defect.</li>
 *   <li>an element larger than {@value #MAX_ELEMENT_BYTES} bytes: {@link RejectReason#PAYLOAD_TOO_LARGE}, holding
 *       its first {@value #MAX_ELEMENT_BYTES} bytes.</li>
 *   <li>a file that ends inside the array (a cut download) ends with one defect: the cut element's bytes, or none
 *       when the cut falls between elements; for gzip, {@link RejectReason#TRUNCATED_GZIP} or
 *       {@link RejectReason#CORRUPT_GZIP} after every element decoded before the damage.</li>
 *   <li>content that is not an array of elements (a wrapper object without a {@code requests} array, text after
 *       the array's end): one {@link RejectReason#MALFORMED_JSON} defect with that content.</li>
 * </ul>
 * Separators between elements are read leniently: a missing or doubled comma loses nothing.
 *
 * <p>Positions: a record's line is the line its element starts on (lines counted by LF); details name the line,
 * the element's number and the byte offset in the (decompressed) file.
 */
public final class JsonEventReader implements EventFileReader {
    static final int MAX_ELEMENT_BYTES = CsvRecordSplitter.MAX_RECORD_BYTES;
    static final String WRAPPER_KEY = "requests";
    private static final int EOF = -1;
    /** Duplicate keys pass: the request parser names them in its own rejection. */
    private static final JsonFactory JSON = new JsonFactory();

    private enum State {
        START,
        ELEMENTS,
        DONE
    }

    private final InputStream in;
    private final String sourceName;
    private final boolean gzip;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private long offset;
    private long line = 1;
    private IOException damage;

    private State state = State.START;
    private boolean wrapped;
    private long recordNumber;
    private long elementNumber;
    private final Capture element = new Capture();
    private final Utf8Check utf8 = new Utf8Check();

    /**
     * @param in         the file's bytes, gzip-compressed or not (told apart by the magic bytes); closed by
     *                   {@link #close()}
     * @param sourceName names the file in the message of an I/O error
     */
    public JsonEventReader(InputStream in, String sourceName) throws IOException {
        this.sourceName = sourceName;
        BufferedInputStream buffered = new BufferedInputStream(in, 2);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        this.gzip = first == (GZIPInputStream.GZIP_MAGIC & 0xff) && second == (GZIPInputStream.GZIP_MAGIC >>> 8);
        this.in = gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered;
    }

    @Override
    public CsvEvent next() throws IOException {
        if (state == State.START) {
            CsvEvent problem = start();
            if (problem != null) {
                return problem;
            }
        }
        if (state == State.DONE) {
            return null;
        }
        skipSeparators();
        int b = peek();
        if (b == ']') {
            read();
            state = State.DONE;
            return trailingContent();
        }
        if (b == EOF) {
            state = State.DONE;
            return endedEarly(
                    line,
                    "line " + line,
                    new byte[0],
                    "the file ends before the array is closed, after element " + elementNumber);
        }
        return element();
    }

    /** Reads up to the first element; returns a defect when the file is not an array of elements. */
    private CsvEvent start() throws IOException {
        state = State.DONE;
        if (peek() == 0xEF) {
            // A UTF-8 byte-order mark is not content; a lone 0xEF is, and is kept in the defect.
            Capture head = new Capture();
            head.add(read());
            if (peek() == 0xBB) {
                head.add(read());
                if (peek() == 0xBF) {
                    read();
                    head = null;
                }
            }
            if (head != null) {
                return structural(1, "line 1", "the file starts with neither '[' nor '{'", head);
            }
        }
        skipWhitespace();
        long startLine = line;
        int b = read();
        if (b == '[') {
            state = State.ELEMENTS;
            return null;
        }
        if (b == EOF) {
            return damage == null
                    ? null
                    : endedEarly(startLine, "line " + startLine, new byte[0], "before any content");
        }
        Capture wrapper = new Capture();
        wrapper.add(b);
        if (b != '{') {
            return structural(startLine, "line " + startLine, "the file starts with neither '[' nor '{'", wrapper);
        }
        wrapped = true;
        String problem = members(wrapper, true);
        if (problem == null) {
            state = State.ELEMENTS;
            return null;
        }
        return structural(startLine, "line " + startLine, problem, wrapper);
    }

    /**
     * Reads a wrapper object's members into {@code into} until the {@code requests} array opens (when {@code
     * seeking}) or the object closes. Returns null on success, otherwise what is wrong.
     */
    private String members(Capture into, boolean seeking) throws IOException {
        while (true) {
            skipWhitespaceInto(into);
            int b = read();
            if (b == EOF) {
                return "the file ends inside the object" + (seeking ? ", before a \"" + WRAPPER_KEY + "\" array" : "");
            }
            if (b == '}') {
                into.add(b);
                return seeking ? "an object without a \"" + WRAPPER_KEY + "\" array, so it holds no requests" : null;
            }
            if (b == ',') {
                into.add(b);
                continue;
            }
            if (b != '"') {
                into.add(b);
                return "expected a member name or the end of the object at byte offset " + (offset - 1);
            }
            into.add(b);
            int keyStart = into.size();
            scanValueRest(into, '"');
            String key = into.text(keyStart, into.size() - 1);
            skipWhitespaceInto(into);
            b = read();
            into.add(b);
            if (b != ':') {
                return "expected ':' after the member name \"" + key + "\" at byte offset " + (offset - 1);
            }
            skipWhitespaceInto(into);
            if (WRAPPER_KEY.equals(key) && peek() == '[') {
                if (!seeking) {
                    return "a second \"" + WRAPPER_KEY + "\" array, read as one defect";
                }
                read();
                return null;
            }
            scanValue(into);
        }
    }

    /** After the array: a wrapper's remaining members, then nothing but whitespace. */
    private CsvEvent trailingContent() throws IOException {
        long startLine = line;
        long startOffset = offset;
        Capture rest = new Capture();
        String problem = wrapped ? members(rest, false) : null;
        if (problem == null) {
            skipWhitespace();
            if (peek() == EOF) {
                return damage == null ? null : endedEarly(line, "line " + line, new byte[0], "after the array closed");
            }
            startLine = line;
            startOffset = offset;
            problem = "content after the end of the " + (wrapped ? "object" : "array");
        }
        return structural(startLine, "line " + startLine + " (byte offset " + startOffset + ")", problem, rest);
    }

    /**
     * What is not an array of elements, from where it starts to the end of the file, as one defect: a damaged
     * gzip stream if that is what cut it short, otherwise malformed JSON.
     */
    private CsvEvent structural(long atLine, String where, String problem, Capture bytes) throws IOException {
        skip(bytes);
        if (damage != null) {
            return endedEarly(atLine, where, bytes.bytes(), problem);
        }
        state = State.DONE;
        return defect(RejectReason.MALFORMED_JSON, atLine, where + ": " + problem, bytes);
    }

    private CsvEvent element() throws IOException {
        elementNumber++;
        long startLine = line;
        long startOffset = offset;
        element.reset();
        boolean complete = scanValue(element);
        String where = "line " + startLine + ", element " + elementNumber + " (byte offset " + startOffset + ")";
        if (!complete) {
            state = State.DONE;
            return endedEarly(startLine, where, element.bytes(), "the file ends inside this element");
        }
        if (element.overflowed()) {
            return defect(
                    RejectReason.PAYLOAD_TOO_LARGE,
                    startLine,
                    where + ": larger than " + MAX_ELEMENT_BYTES + " bytes; its first " + MAX_ELEMENT_BYTES
                            + " bytes are kept",
                    element);
        }
        byte[] bytes = element.bytes();
        int malformed = utf8.malformedAt(bytes);
        if (malformed >= 0) {
            return defect(
                    RejectReason.INVALID_ENCODING,
                    startLine,
                    where + ": not valid UTF-8 (byte offset " + (startOffset + malformed) + ")",
                    element);
        }
        String invalid = syntaxError(bytes, startLine);
        if (invalid != null) {
            return defect(RejectReason.MALFORMED_JSON, startLine, where + ": not valid JSON: " + invalid, element);
        }
        recordNumber++;
        return new CsvEvent(recordNumber, startLine, bytes);
    }

    /** Jackson's complaint about one element, with the file's line, or null when it is valid JSON. */
    private static String syntaxError(byte[] bytes, long firstLine) throws IOException {
        try (JsonParser parser = JSON.createParser(bytes)) {
            while (parser.nextToken() != null) {
                // tokens are only checked
            }
            return null;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String message = e.getOriginalMessage().lines().findFirst().orElse("");
            return at == null ? message : message + " (line " + (firstLine + at.getLineNr() - 1) + ")";
        }
    }

    /**
     * The end of input where more was expected: the damage of a gzip stream if that is what ended it, otherwise
     * a cut JSON file.
     */
    private CsvEvent endedEarly(long atLine, String where, byte[] bytes, String what) {
        state = State.DONE;
        RejectReason reason = RejectReason.MALFORMED_JSON;
        String detail = where + ": " + what;
        if (damage != null) {
            boolean truncated = damage instanceof EOFException;
            reason = truncated ? RejectReason.TRUNCATED_GZIP : RejectReason.CORRUPT_GZIP;
            detail = where + ": the gzip stream " + (truncated ? "ends early" : "is corrupt") + " after " + offset
                    + " decompressed bytes" + (damage.getMessage() == null ? "" : " (" + damage.getMessage() + ")")
                    + "; " + what;
        }
        recordNumber++;
        return new CsvEvent(recordNumber, atLine, null, new CsvDefect(reason, detail, bytes));
    }

    private CsvEvent defect(RejectReason reason, long atLine, String detail, Capture bytes) {
        recordNumber++;
        return new CsvEvent(recordNumber, atLine, null, new CsvDefect(reason, detail, bytes.bytes()));
    }

    /**
     * Reads one value into {@code into}: a scalar ends before whitespace, ',' or ']' at its own level; an object
     * or array ends with the bracket that balances its first. Returns false when the input ends first.
     */
    private boolean scanValue(Capture into) throws IOException {
        int b = peek();
        if (b == EOF) {
            return false;
        }
        if (b == '"' || b == '{' || b == '[') {
            into.add(read());
            return scanValueRest(into, b);
        }
        // at least one byte, so that a stray '}' is an element (a defect) rather than no progress
        do {
            into.add(read());
        } while ((b = peek()) != EOF && !isWhitespace(b) && b != ',' && b != ']' && b != '}');
        return true;
    }

    /** Continues a string, object or array whose opening byte {@code open} was read. */
    private boolean scanValueRest(Capture into, int open) throws IOException {
        int depth = open == '"' ? 0 : 1;
        boolean inString = open == '"';
        boolean escaped = false;
        int b;
        while ((b = read()) != EOF) {
            into.add(b);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"' || b == '\n') {
                    // a raw line break cannot be inside a JSON string: the string was not closed on its line
                    inString = false;
                    if (depth == 0) {
                        return true;
                    }
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                depth++;
            } else if ((b == '}' || b == ']') && --depth == 0) {
                return true;
            }
        }
        return false;
    }

    private void skipSeparators() throws IOException {
        int b;
        while ((b = peek()) == ',' || isWhitespace(b)) {
            read();
        }
    }

    private void skipWhitespace() throws IOException {
        while (isWhitespace(peek())) {
            read();
        }
    }

    private void skipWhitespaceInto(Capture into) throws IOException {
        while (isWhitespace(peek())) {
            into.add(read());
        }
    }

    /** Keeps what follows a structural error, up to the size limit, as the defect's bytes; reads to the end. */
    private void skip(Capture into) throws IOException {
        int b;
        while ((b = read()) != EOF) {
            into.add(b);
        }
    }

    static boolean isWhitespace(int b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    private int peek() throws IOException {
        return fill() ? buf[pos] & 0xff : EOF;
    }

    private int read() throws IOException {
        if (!fill()) {
            return EOF;
        }
        int b = buf[pos++] & 0xff;
        offset++;
        if (b == '\n') {
            line++;
        }
        return b;
    }

    private boolean fill() throws IOException {
        if (pos < limit) {
            return true;
        }
        if (damage != null) {
            return false;
        }
        int n;
        try {
            n = in.read(buf, 0, buf.length);
        } catch (ZipException | EOFException e) {
            if (!gzip) {
                throw new IOException(sourceName + ": " + e.getMessage(), e);
            }
            damage = e;
            return false;
        } catch (IOException e) {
            throw new IOException(sourceName + ": " + e.getMessage(), e);
        }
        if (n <= 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** A value's bytes, bounded: what goes past the limit is counted, not kept. */
    private static final class Capture {
        private byte[] bytes = new byte[4096];
        private int size;
        private boolean overflowed;

        void add(int b) {
            if (b == EOF) {
                return;
            }
            if (size == MAX_ELEMENT_BYTES) {
                overflowed = true;
                return;
            }
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.min(MAX_ELEMENT_BYTES, bytes.length * 2));
            }
            bytes[size++] = (byte) b;
        }

        int size() {
            return size;
        }

        boolean overflowed() {
            return overflowed;
        }

        String text(int from, int to) {
            return new String(bytes, from, Math.max(0, to - from), StandardCharsets.UTF_8);
        }

        byte[] bytes() {
            return Arrays.copyOf(bytes, size);
        }

        void reset() {
            size = 0;
            overflowed = false;
        }
    }
}
