package org.requestslakehouse.csv;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a 311 CSV export (plain or gzip, any of the city's layouts) as request events: one JSON object per data
 * record, keyed by the header names, every value a string, an empty cell an empty string. This is exactly what a
 * client produces when it turns a CSV row into JSON, so the file path and the Kafka path reach the parser with
 * the same bytes.
 *
 * <p>Quoted fields spanning lines, CRLF, a missing final line break and a UTF-8 byte-order mark are handled; the
 * spreadsheet artefacts are described in {@link CsvHeader}. Blank lines are skipped. The text must be UTF-8: a
 * malformed byte sequence fails the read with the line it is on rather than being silently replaced.
 *
 * <p>Use: {@code while ((event = reader.next()) != null) ...}. Not thread-safe.
 */
public final class CsvEventReader implements Closeable {
    private static final int BUFFER_BYTES = 1 << 16;
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    /** Records are read as plain rows: the header is taken by hand so that odd names never make commons-csv fail. */
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).build();

    private final String sourceName;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final CsvHeader header;
    private final EventJsonWriter json = new EventJsonWriter();
    private long recordNumber;

    /**
     * @param in         the file's bytes, gzip-compressed or not (told apart by the gzip magic bytes); closed by
     *                   {@link #close()}
     * @param sourceName used in error messages
     * @throws IOException if the stream cannot be read or has no header line
     */
    public CsvEventReader(InputStream in, String sourceName) throws IOException {
        this.sourceName = sourceName;
        try {
            this.parser = new CSVParser(utf8Reader(decompressedIfGzip(in)), FORMAT);
        } catch (StrictUtf8Reader.InvalidUtf8Exception e) {
            in.close();
            throw new IOException(sourceName + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        this.records = parser.iterator();
        try {
            CSVRecord first = nextRecord();
            if (first == null) {
                throw new IOException(sourceName + ": empty file, expected a header line");
            }
            this.header = CsvHeader.of(first.values());
        } catch (IOException | RuntimeException e) {
            parser.close();
            throw e;
        }
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

    /** The JSON keys, in column order, after the header artefacts are undone. */
    public List<String> keys() {
        return header.keys();
    }

    /** The next record as an event, or null at the end of the file. */
    public CsvEvent next() throws IOException {
        while (true) {
            long startLine = parser.getCurrentLineNumber() + 1;
            CSVRecord record = nextRecord();
            if (record == null) {
                return null;
            }
            if (isBlankLine(record)) {
                continue;
            }
            recordNumber++;
            return new CsvEvent(recordNumber, startLine, toJson(record));
        }
    }

    private byte[] toJson(CSVRecord record) throws IOException {
        int size = record.size();
        json.begin();
        for (int i = 0; i < size; i++) {
            String value = record.get(i);
            json.field(header.key(i), i == size - 1 ? header.lastValue(value) : value);
        }
        return json.end();
    }

    private CSVRecord nextRecord() throws IOException {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            // commons-csv's iterator wraps read and syntax errors; say where they happened
            IOException cause = e.getCause();
            String line = cause instanceof StrictUtf8Reader.InvalidUtf8Exception
                    ? "" : "line " + parser.getCurrentLineNumber() + ": ";
            throw new IOException(sourceName + ": " + line + cause.getMessage(), cause);
        }
    }

    private static boolean isBlankLine(CSVRecord record) {
        return record.size() == 1 && record.get(0).isEmpty();
    }

    private static InputStream decompressedIfGzip(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, BUFFER_BYTES);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        boolean gzip = first == (GZIPInputStream.GZIP_MAGIC & 0xff) && second == (GZIPInputStream.GZIP_MAGIC >>> 8);
        return gzip ? new GZIPInputStream(buffered, BUFFER_BYTES) : buffered;
    }

    private static Reader utf8Reader(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new StrictUtf8Reader(in, BUFFER_BYTES), BUFFER_BYTES);
        reader.mark(1);
        if (reader.read() != BYTE_ORDER_MARK) {
            reader.reset();
        }
        return reader;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
