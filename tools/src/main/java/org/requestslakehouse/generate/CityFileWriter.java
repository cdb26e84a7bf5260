package org.requestslakehouse.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes generated data of a city other than Boston (whose layouts {@link RequestCsvWriter} writes), streaming:
 * New York as the portal's CSV with LF line ends, Open311 as a {@code requests.json} array laid out like the
 * published sample (two-space indent, {@code "key": value}, one member per line).
 */
public final class CityFileWriter {
    private static final int BUFFER_BYTES = 1 << 16;
    private static final JsonFactory JSON = new JsonFactory();

    private CityFileWriter() {}

    /**
     * Generates {@code rows} records for {@code city} into {@code out}, gzip-compressed if asked; returns the
     * number of records. Does not close {@code out}.
     */
    public static long write(
            City city, GeneratorSettings settings, long rows, OutputStream out, boolean gzip, ProgressListener progress)
            throws IOException {
        GZIPOutputStream compressed = gzip ? new GZIPOutputStream(out, BUFFER_BYTES) : null;
        Writer writer = new BufferedWriter(
                new OutputStreamWriter(compressed != null ? compressed : out, StandardCharsets.UTF_8), BUFFER_BYTES);
        long written = switch (city) {
            case NYC -> writeNyc(new NycRequestGenerator(settings, rows), writer, progress);
            case OPEN311 -> writeOpen311(new Open311RequestGenerator(settings, rows), writer, progress);
            case BOSTON -> throw new IllegalArgumentException("Boston's layouts are written by RequestCsvWriter");
        };
        writer.flush();
        if (compressed != null) {
            compressed.finish();
        }
        return written;
    }

    static long writeNyc(Iterator<String[]> rows, Writer out, ProgressListener progress) throws IOException {
        CSVPrinter printer = new CSVPrinter(
                out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build());
        printer.printRecord(NycRequestGenerator.HEADER);
        long written = 0;
        while (rows.hasNext()) {
            printer.printRecord((Object[]) rows.next());
            if (++written % ProgressListener.INTERVAL == 0) {
                progress.rowsWritten(written);
            }
        }
        printer.flush();
        progress.rowsWritten(written);
        return written;
    }

    static long writeOpen311(Iterator<Open311RequestGenerator.Request> requests, Writer out, ProgressListener progress)
            throws IOException {
        DefaultPrettyPrinter layout = new DefaultPrettyPrinter(
                        Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        long written = 0;
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.setPrettyPrinter(layout);
            json.writeStartArray();
            while (requests.hasNext()) {
                Open311RequestGenerator.Request r = requests.next();
                json.writeStartObject();
                json.writeStringField("service_request_id", r.serviceRequestId());
                json.writeStringField("status", r.status());
                json.writeStringField("service_name", r.serviceName());
                json.writeStringField("service_code", r.serviceCode());
                json.writeStringField("requested_datetime", r.requestedDatetime());
                json.writeStringField("updated_datetime", r.updatedDatetime());
                json.writeStringField("address", r.address());
                writeNumberOrNull(json, "lat", r.latitude());
                writeNumberOrNull(json, "long", r.longitude());
                if (r.mediaUrl() != null) {
                    json.writeStringField("media_url", r.mediaUrl());
                }
                json.writeEndObject();
                if (++written % ProgressListener.INTERVAL == 0) {
                    progress.rowsWritten(written);
                }
            }
            json.writeEndArray();
        }
        out.write('\n');
        progress.rowsWritten(written);
        return written;
    }

    private static void writeNumberOrNull(JsonGenerator json, String key, Double value) throws IOException {
        if (value == null) {
            json.writeNullField(key);
        } else {
            json.writeNumberField(key, value);
        }
    }
}
