package org.requestslakehouse.csv;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.ZipException;

/**
 * Cuts a (decompressed) CSV byte stream into records without decoding it: RFC 4180 quoting, LF, CRLF or CR line
 * ends. The cut works on bytes because the structural characters are ASCII, which UTF-8 never uses inside a
 * multi-byte sequence; so bytes that are not UTF-8 cannot derail it, and every record keeps its exact bytes.
 * (commons-csv, used before, decodes before it cuts, keeps no record bytes and cannot go on after a syntax error.)
 *
 * <p>A quote opens a quoted field only at the start of a field ({@code a"b} is plain text, as in commons-csv's
 * default format); spaces and tabs after a closing quote are ignored. Damage is contained to one line:
 * <ul>
 *   <li>A quoted field may span lines, but a record may not exceed {@value #MAX_RECORD_LINES} lines or
 *       {@value #MAX_RECORD_BYTES} bytes. A quote that is not closed within those bounds (or by the end of the
 *       input), or whose record spans lines but turns out malformed (text after a closing quote, or a field count
 *       other than the header's), is taken as a stray quote: only the line it opens on is cut as a defect, and
 *       cutting resumes on the next line. So one stray quote never swallows the rest of a file.</li>
 *   <li>A single line longer than {@value #MAX_RECORD_BYTES} bytes is cut as a defect holding its first
 *       {@value #MAX_RECORD_BYTES} bytes; the rest of the line is skipped, so memory stays bounded.</li>
 *   <li>When {@code compressed}, a decompression failure (a {@link ZipException} or an early
 *       {@link EOFException}) ends the input with one {@link Kind#DAMAGED} cut holding the bytes of the record it
 *       interrupted; every record before it has been cut already. Other I/O errors are thrown: they are not
 *       content and a retry may succeed.</li>
 * </ul>
 * Empty lines are skipped. A UTF-8 byte-order mark at the start is skipped too.
 */
final class CsvRecordSplitter {
    static final int MAX_RECORD_BYTES = 1 << 20;
    static final int MAX_RECORD_LINES = 1_000;
    private static final int READ_BYTES = 1 << 16;

    enum Kind {
        /** Well-formed as far as the cut can tell: quotes closed, nothing after a closing quote. */
        RECORD,
        /** Broken quoting; for a stray quote, only the line it opens on. */
        BROKEN_QUOTING,
        /** The first {@value #MAX_RECORD_BYTES} bytes of a longer line. */
        TOO_LONG,
        /** Where decompression failed: the bytes of the record it interrupted (possibly none). */
        DAMAGED
    }

    /**
     * One cut.
     *
     * @param line       1-based physical line the cut starts on
     * @param byteOffset offset of its first byte in the decompressed stream
     * @param bytes      its bytes, without the line break that ends it
     * @param fields     number of fields (unquoted commas + 1); meaningful for {@link Kind#RECORD}
     * @param problem    what is wrong, for every kind but {@link Kind#RECORD}
     * @param damage     the decompression failure of a {@link Kind#DAMAGED} cut
     */
    record Cut(Kind kind, long line, long byteOffset, byte[] bytes, int fields, String problem, IOException damage) {}

    private final InputStream in;
    private final boolean compressed;
    private final byte[] buf = new byte[MAX_RECORD_BYTES + READ_BYTES];
    /** First unconsumed byte in {@link #buf}, the start of the next cut. */
    private int start;

    private int limit;
    private boolean endOfInput;
    private IOException damage;
    private boolean finished;
    private long line = 1;
    private long offset;
    private int expectedFields;

    CsvRecordSplitter(InputStream in, boolean compressed) throws IOException {
        this.in = in;
        this.compressed = compressed;
        if (ensure(2) && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
            consume(3, 0);
        }
    }

    /** Once the header is known: a multi-line record with another field count means its quote was stray. */
    void expectFields(int fields) {
        this.expectedFields = fields;
    }

    /** The next cut, or null at the end of the input. */
    Cut next() throws IOException {
        if (finished) {
            return null;
        }
        while (true) {
            int i = 0;
            int lines = 1;
            int fields = 1;
            int firstBreak = -1;
            boolean inQuotes = false;
            boolean fieldStart = true;
            boolean afterQuote = false;
            long junkLine = -1;
            while (true) {
                if (i > MAX_RECORD_BYTES) {
                    return firstBreak >= 0
                            ? firstLineOnly(
                                    firstBreak,
                                    "the quoted field opened on this line makes a record longer than "
                                            + MAX_RECORD_BYTES + " bytes")
                            : tooLong();
                }
                if (!ensure(i)) {
                    if (damage != null) {
                        return damaged(i);
                    }
                    if (i == 0) {
                        finished = true;
                        return null;
                    }
                    if (inQuotes) {
                        return firstBreak >= 0
                                ? firstLineOnly(
                                        firstBreak,
                                        "the quoted field opened on this line is not closed by the end of the file")
                                : cut(
                                        Kind.BROKEN_QUOTING,
                                        i,
                                        i,
                                        1,
                                        fields,
                                        "line " + line
                                                + ": the quoted field opened on this line is not closed by the end of the file");
                    }
                    return endOfRecord(i, i, lines, fields, firstBreak, junkLine);
                }
                byte b = buf[start + i];
                if (inQuotes) {
                    if (b == '"') {
                        if (ensure(i + 1) && buf[start + i + 1] == '"') {
                            i += 2;
                            continue;
                        }
                        inQuotes = false;
                        afterQuote = true;
                    } else if (b == '\n' || b == '\r') {
                        if (firstBreak < 0) {
                            firstBreak = i;
                        }
                        if (b == '\r' && ensure(i + 1) && buf[start + i + 1] == '\n') {
                            i++;
                        }
                        if (++lines > MAX_RECORD_LINES) {
                            return firstLineOnly(
                                    firstBreak,
                                    "the quoted field opened on this line is not closed within " + MAX_RECORD_LINES
                                            + " lines");
                        }
                    }
                    i++;
                    continue;
                }
                if (b == ',') {
                    fields++;
                    fieldStart = true;
                    afterQuote = false;
                } else if (b == '\n' || b == '\r') {
                    int next = b == '\r' && ensure(i + 1) && buf[start + i + 1] == '\n' ? i + 2 : i + 1;
                    if (i == 0) {
                        consume(next, 1);
                        break;
                    }
                    return endOfRecord(i, next, lines, fields, firstBreak, junkLine);
                } else {
                    if (afterQuote) {
                        if (b != ' ' && b != '\t' && junkLine < 0) {
                            junkLine = line + lines - 1;
                        }
                    } else if (b == '"' && fieldStart) {
                        inQuotes = true;
                    }
                    fieldStart = false;
                }
                i++;
            }
        }
    }

    private Cut endOfRecord(int end, int next, int lines, int fields, int firstBreak, long junkLine) {
        if (lines > 1 && junkLine >= 0) {
            return firstLineOnly(
                    firstBreak,
                    "the quoted field opened on this line closes on line " + junkLine
                            + " with text after the closing quote");
        }
        if (lines > 1 && expectedFields > 0 && fields != expectedFields) {
            return firstLineOnly(
                    firstBreak,
                    "the quoted field opened on this line closes on line " + (line + lines - 1) + " into a record of "
                            + fields + " fields, the header has " + expectedFields);
        }
        if (junkLine >= 0) {
            return cut(Kind.BROKEN_QUOTING, end, next, lines, fields, "line " + line + ": text after a closing quote");
        }
        return cut(Kind.RECORD, end, next, lines, fields, null);
    }

    /** A stray quote: the line it opens on is the defect, and cutting resumes on the next line. */
    private Cut firstLineOnly(int firstBreak, String problem) {
        boolean crlf = buf[start + firstBreak] == '\r'
                && firstBreak + 1 < limit - start
                && buf[start + firstBreak + 1] == '\n';
        return cut(
                Kind.BROKEN_QUOTING,
                firstBreak,
                firstBreak + (crlf ? 2 : 1),
                1,
                0,
                "line " + line + ": " + problem + "; the line is rejected alone and reading resumes on line "
                        + (line + 1));
    }

    /** A line longer than the limit: its first bytes are kept, the rest of it skipped without being held. */
    private Cut tooLong() throws IOException {
        long cutLine = line;
        long cutOffset = offset;
        byte[] kept = Arrays.copyOfRange(buf, start, start + MAX_RECORD_BYTES);
        long length = MAX_RECORD_BYTES;
        consume(MAX_RECORD_BYTES, 0);
        while (ensure(0)) {
            byte b = buf[start];
            if (b == '\n' || b == '\r') {
                consume(b == '\r' && ensure(1) && buf[start + 1] == '\n' ? 2 : 1, 1);
                break;
            }
            consume(1, 0);
            length++;
        }
        String problem = "line " + cutLine + ": " + length
                + " bytes, longer than the " + MAX_RECORD_BYTES + " a CSV record may have; the first "
                + MAX_RECORD_BYTES + " are kept";
        return new Cut(Kind.TOO_LONG, cutLine, cutOffset, kept, 0, problem, null);
    }

    private Cut damaged(int end) {
        finished = true;
        Cut cut = new Cut(
                Kind.DAMAGED,
                line,
                offset,
                Arrays.copyOfRange(buf, start, start + end),
                0,
                damage.getMessage(),
                damage);
        consume(end, 0);
        return cut;
    }

    private Cut cut(Kind kind, int end, int next, int lines, int fields, String problem) {
        Cut cut = new Cut(kind, line, offset, Arrays.copyOfRange(buf, start, start + end), fields, problem, null);
        consume(next, lines);
        return cut;
    }

    private void consume(int bytes, int lines) {
        start += bytes;
        offset += bytes;
        line += lines;
    }

    /** Whether the byte at {@code start + i} is available, reading more when needed; false at the end or on damage. */
    private boolean ensure(int i) throws IOException {
        while (start + i >= limit) {
            if (endOfInput || damage != null) {
                return false;
            }
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, limit - start);
                limit -= start;
                start = 0;
            }
            int read;
            try {
                read = in.read(buf, limit, buf.length - limit);
            } catch (ZipException | EOFException e) {
                if (!compressed) {
                    throw e;
                }
                damage = e;
                return false;
            }
            if (read < 0) {
                endOfInput = true;
            } else {
                limit += read;
            }
        }
        return true;
    }
}
