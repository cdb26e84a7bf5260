package org.requestslakehouse.parsing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Builds the {@code extra_fields} JSON object of one message: every input key the parser did not use, with its
 * value copied verbatim (numbers keep their exact text, nested objects and arrays their structure). Reused message
 * after message; most messages of a layout without unknown columns never touch the generator.
 */
final class ExtraFields {
    static final String NONE = "{}";

    private final JsonFactory json;
    private final StringWriter out = new StringWriter(256);
    private JsonGenerator generator;
    private boolean open;

    ExtraFields(JsonFactory json) {
        this.json = json;
    }

    /** Copies the value the parser is positioned on (a scalar or the start of an object/array) under {@code key}. */
    void copy(String key, JsonParser parser) throws IOException {
        if (!open) {
            if (generator == null) {
                generator = json.createGenerator(out);
            }
            generator.writeStartObject();
            open = true;
        }
        generator.writeFieldName(key);
        copyValue(parser, generator);
    }

    /** The object built since the last {@link #clear()}, or {@value #NONE}. */
    String toJson() {
        if (!open) {
            return NONE;
        }
        try {
            generator.writeEndObject();
            generator.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        open = false;
        String result = out.toString();
        out.getBuffer().setLength(0);
        return result;
    }

    void clear() {
        if (open) {
            // a message that failed half-way left an object open: start over with a fresh generator
            generator = null;
            open = false;
        }
        out.getBuffer().setLength(0);
    }

    private static void copyValue(JsonParser p, JsonGenerator g) throws IOException {
        int depth = 0;
        JsonToken token = p.currentToken();
        while (true) {
            switch (token) {
                case START_OBJECT -> {
                    g.writeStartObject();
                    depth++;
                }
                case START_ARRAY -> {
                    g.writeStartArray();
                    depth++;
                }
                case END_OBJECT -> {
                    g.writeEndObject();
                    depth--;
                }
                case END_ARRAY -> {
                    g.writeEndArray();
                    depth--;
                }
                case FIELD_NAME -> g.writeFieldName(p.currentName());
                case VALUE_STRING -> g.writeString(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> g.writeNumber(p.getText());
                case VALUE_TRUE -> g.writeBoolean(true);
                case VALUE_FALSE -> g.writeBoolean(false);
                case VALUE_NULL -> g.writeNull();
                default -> throw new IllegalStateException("unexpected JSON token " + token);
            }
            if (depth == 0) {
                return;
            }
            token = p.nextToken();
        }
    }
}
