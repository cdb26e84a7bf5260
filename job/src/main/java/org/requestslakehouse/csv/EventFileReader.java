package org.requestslakehouse.csv;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads an input file of request events, whatever its format: a CSV export ({@link CsvEventReader}) or an
 * Open311 GeoReport v2 {@code requests.json} ({@link JsonEventReader}), either plain or gzip-compressed.
 *
 * <p>The format is told by content, never by the file's name: a file whose first byte other than a byte-order
 * mark and whitespace is {@code [} or {@code {} is JSON (after decompression, for gzip); anything else is CSV. A
 * CSV header cannot start that way in any layout, and content survives renames and extension-less object-store
 * keys that a name would not.
 *
 * <p>Both readers share the contract the file source's checkpoints rely on: {@link #next()} never throws for the
 * file's content (a defective record is returned with its defect), and the sequence of records is a pure function
 * of the file's bytes, so skipping the first n records resumes exactly where an earlier reader stopped.
 */
public interface EventFileReader extends Closeable {
    /** How far ahead the format is sniffed: leading whitespace longer than this is read as CSV blank lines. */
    int SNIFF_BYTES = 4096;

    /** The next record, well-formed or a defect, or null at the end of the file. */
    CsvEvent next() throws IOException;

    /**
     * @param in         the file's bytes; closed by {@link #close()}
     * @param sourceName names the file in defect details and I/O error messages
     */
    static EventFileReader open(InputStream in, String sourceName) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        try {
            return isJson(buffered)
                    ? new JsonEventReader(buffered, sourceName)
                    : new CsvEventReader(buffered, sourceName);
        } catch (IOException | RuntimeException e) {
            buffered.close();
            throw e;
        }
    }

    static EventFileReader open(Path file) throws IOException {
        return open(Files.newInputStream(file), file.toString());
    }

    /** Looks at the first bytes (decompressed, for gzip) and puts the stream back where it was. */
    private static boolean isJson(BufferedInputStream in) throws IOException {
        in.mark(1 << 16);
        try {
            int first = in.read();
            int second = in.read();
            in.reset();
            boolean gzip = first == (GZIPInputStream.GZIP_MAGIC & 0xff) && second == (GZIPInputStream.GZIP_MAGIC >>> 8);
            return startsLikeJson(gzip ? new GZIPInputStream(new KeepOpen(in)) : in);
        } catch (IOException damagedGzip) {
            // A gzip stream too damaged to show its first bytes: the CSV reader reports the damage as a defect.
            return false;
        } finally {
            in.reset();
        }
    }

    private static boolean startsLikeJson(InputStream in) throws IOException {
        int b = in.read();
        if (b == 0xEF && in.read() == 0xBB && in.read() == 0xBF) {
            b = in.read();
        }
        for (int i = 0; i < SNIFF_BYTES && JsonEventReader.isWhitespace(b); i++) {
            b = in.read();
        }
        return b == '[' || b == '{';
    }

    /** Lets the sniffing gzip stream be dropped without closing the file under it. */
    final class KeepOpen extends FilterInputStream {
        KeepOpen(InputStream in) {
            super(in);
        }

        @Override
        public void close() {}
    }
}
