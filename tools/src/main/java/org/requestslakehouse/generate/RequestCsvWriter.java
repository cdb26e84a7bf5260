package org.requestslakehouse.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes generated records as a CSV file of one layout, streaming: nothing is buffered beyond the output buffer.
 *
 * <p>Lines end with LF. The {@code damaged} variant of the current layout reproduces the sample that went through a
 * spreadsheet: CRLF line endings, {@code ;;} appended to the header and to every row with a zip (in the sample
 * exactly the rows with an empty zip lack it), and no line break after the last row.
 */
public final class RequestCsvWriter {

    private static final String DAMAGE_SUFFIX = ";;";
    private static final int BUFFER_BYTES = 1 << 16;
    private static final int CHUNK_CHARS = 1 << 15;

    private final Layout layout;
    private final boolean damaged;
    private final int zipIndex;

    public RequestCsvWriter(Layout layout, boolean damaged) {
        if (damaged && layout != Layout.CURRENT_2025) {
            throw new IllegalArgumentException("only the " + Layout.CURRENT_2025.cliName()
                    + " layout has a damaged variant, not " + layout.cliName());
        }
        this.layout = layout;
        this.damaged = damaged;
        this.zipIndex = layout.columns().indexOf(Column.ZIPCODE);
    }

    /** Generates {@code rows} records with {@code settings} into {@code out}; gzip-compressed when it ends in .gz. */
    public static long write(
            Path out, Layout layout, long rows, GeneratorSettings settings, boolean damaged, ProgressListener progress)
            throws IOException {
        try (OutputStream stream = Files.newOutputStream(out)) {
            return new RequestCsvWriter(layout, damaged)
                    .write(new SyntheticRequestGenerator(settings, rows), stream, isGzip(out), progress);
        }
    }

    /** Default date range, quirks on, undamaged. */
    public static long write(Path out, Layout layout, long rows, long seed) throws IOException {
        return write(out, layout, rows, GeneratorSettings.defaults(seed), false, ProgressListener.NONE);
    }

    public static boolean isGzip(Path path) {
        return path.getFileName() != null && path.getFileName().toString().endsWith(".gz");
    }

    /** Writes header and rows to {@code out} and returns the number of rows. Does not close {@code out}. */
    public long write(Iterator<GeneratedRequest> rows, OutputStream out, boolean gzip, ProgressListener progress)
            throws IOException {
        GZIPOutputStream compressed = gzip ? new GZIPOutputStream(out, BUFFER_BYTES) : null;
        Writer writer = new BufferedWriter(
                new OutputStreamWriter(compressed != null ? compressed : out, StandardCharsets.UTF_8), BUFFER_BYTES);
        long written = write(rows, writer, progress);
        writer.flush();
        if (compressed != null) {
            compressed.finish();
        }
        return written;
    }

    /** Writes header and rows to {@code out} and returns the number of rows. Flushes nothing, closes nothing. */
    public long write(Iterator<GeneratedRequest> rows, Writer out, ProgressListener progress) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setRecordSeparator(damaged ? "\r\n" : "\n")
                .build();
        // commons-csv appends values as sub-sequences: cheap into a StringBuilder, a copy each into a Writer
        StringBuilder chunk = new StringBuilder(CHUNK_CHARS + 4096);
        CSVPrinter printer = new CSVPrinter(chunk, format);
        printRecord(printer, damage(layout.headerArray(), true));
        long written = 0;
        while (rows.hasNext()) {
            // each record is terminated by the next one, so a damaged file can end without a line break
            printer.println();
            String[] values = rows.next().values(layout);
            printRecord(printer, damage(values, !values[zipIndex].isEmpty()));
            written++;
            if (chunk.length() >= CHUNK_CHARS) {
                out.append(chunk);
                chunk.setLength(0);
            }
            if (written % ProgressListener.INTERVAL == 0) {
                progress.rowsWritten(written);
            }
        }
        if (!damaged) {
            printer.println();
        }
        out.append(chunk);
        progress.rowsWritten(written);
        return written;
    }

    private String[] damage(String[] values, boolean hadZip) {
        if (damaged && hadZip) {
            values[values.length - 1] = values[values.length - 1] + DAMAGE_SUFFIX;
        }
        return values;
    }

    private static void printRecord(CSVPrinter printer, String[] values) throws IOException {
        for (String value : values) {
            printer.print(value);
        }
    }
}
