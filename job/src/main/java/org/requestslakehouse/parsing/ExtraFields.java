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
    /** The message positions of the keys written, in writing order. */
    private int[] positions = new int[16];

    private int count;
    private boolean outOfOrder;

    ExtraFields(JsonFactory json) {
        this.json = json;
    }

    /**
     * Copies the value the parser is positioned on (a scalar or the start of an object/array) under {@code key}.
     *
     * @param position the key's position in the message, so keys written later by {@link #late} keep their order
     */
    void copy(String key, JsonParser parser, int position) throws IOException {
        start(position);
        generator.writeFieldName(key);
        copyValue(parser, generator);
    }

    /**
     * Writes a scalar whose key turned out unused only once the message's city profile was known; in the object
     * it takes its place in the message's key order, as if copied when read.
     */
    void late(String key, byte kind, String value, int position) throws IOException {
        start(position);
        generator.writeFieldName(key);
        switch (kind) {
            case EventFields.STRING -> generator.writeString(value);
            case EventFields.NUMBER -> generator.writeNumber(value);
            case EventFields.BOOLEAN -> generator.writeBoolean(Boolean.parseBoolean(value));
            default -> generator.writeNull();
        }
    }

    private void start(int position) throws IOException {
        if (!open) {
            if (generator == null) {
                generator = json.createGenerator(out);
            }
            generator.writeStartObject();
            open = true;
        }
        if (count == positions.length) {
            positions = java.util.Arrays.copyOf(positions, count * 2);
        }
        if (count > 0 && positions[count - 1] > position) {
            outOfOrder = true;
        }
        positions[count++] = position;
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
        String result = outOfOrder ? inMessageOrder(out.toString()) : out.toString();
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
        count = 0;
        outOfOrder = false;
    }

    /**
     * The object's members sorted by message position. Rare (a key another city profile would have used, or a
     * conflicting value), so it may re-read the compact text the generator wrote, where members are separated by
     * single commas.
     */
    private String inMessageOrder(String text) {
        int[] starts = new int[count + 1];
        try (JsonParser p = json.createParser(text)) {
            p.nextToken();
            for (int i = 0; i < count; i++) {
                p.nextToken();
                starts[i] = (int) p.currentTokenLocation().getCharOffset();
                p.nextToken();
                p.skipChildren();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("re-reading JSON written to memory failed", e);
        }
        starts[count] = text.length();
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(positions[a], positions[b]));
        StringBuilder b = new StringBuilder(text.length()).append('{');
        for (int i = 0; i < count; i++) {
            int member = order[i];
            if (i > 0) {
                b.append(',');
            }
            // each member but the last is followed by the comma before the next one
            b.append(text, starts[member], starts[member + 1] - 1);
        }
        return b.append('}').toString();
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
