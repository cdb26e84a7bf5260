package org.requestslakehouse.csv;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes flat string-valued JSON objects, the shape of a request event. An instance keeps one generator and one
 * buffer for all rows it writes, so a file of a million rows costs no per-row writer set-up; it is not
 * thread-safe. {@link #toJson(Map)} is the one-off form for callers that hold a row as a map.
 */
public final class EventJsonWriter {
    /** Thread-safe and expensive to build: shared by all writers. */
    private static final JsonFactory JSON =
            new JsonFactoryBuilder().rootValueSeparator((String) null).build();

    private final ByteArrayBuilder buffer = new ByteArrayBuilder(2048);
    private final JsonGenerator generator;

    public EventJsonWriter() {
        try {
            generator = JSON.createGenerator(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a JSON generator over memory", e);
        }
    }

    /** Starts a new object; follow with {@link #field} calls and {@link #end()}. */
    public void begin() throws IOException {
        generator.writeStartObject();
    }

    /** A null value is written as JSON null. */
    public void field(String key, String value) throws IOException {
        generator.writeStringField(key, value);
    }

    /** Closes the object and returns its UTF-8 bytes; the writer is ready for the next object. */
    public byte[] end() throws IOException {
        generator.writeEndObject();
        generator.flush();
        byte[] json = buffer.toByteArray();
        buffer.reset();
        return json;
    }

    /** One JSON object with the map's entries in iteration order; null values become JSON null. */
    public static byte[] toJson(Map<String, String> row) {
        try (ByteArrayBuilder out = new ByteArrayBuilder(2048);
                JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            for (Map.Entry<String, String> e : row.entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
    }
}
