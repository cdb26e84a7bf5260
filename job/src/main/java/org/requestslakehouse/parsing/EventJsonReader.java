package org.requestslakehouse.parsing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.requestslakehouse.model.RejectReason;
import org.requestslakehouse.model.SourceLayout;

/**
 * Streams one JSON object into {@link EventFields} without building a tree: each key is resolved through
 * {@link ColumnAliases} (cached, since a stream repeats the same few dozen keys), each scalar value is kept as
 * text, and everything unused goes to the extra fields. Not thread-safe.
 */
final class EventJsonReader {
    /** Enough for every layout's keys many times over; a stream of random keys stops being cached, not resolved. */
    private static final int MAX_CACHED_KEYS = 1024;

    private static final KeyMeaning UNKNOWN_KEY = new KeyMeaning(null, null);

    private final JsonFactory json;
    private final Map<String, KeyMeaning> keys = new HashMap<>();

    EventJsonReader(JsonFactory json) {
        this.json = json;
    }

    /** What an input key stands for: a field (null if none) and the layout it is a signature of (null if none). */
    record KeyMeaning(CanonicalField field, SourceLayout signatureOf) {}

    /** A rejection, or null when the object was read into {@code fields}. */
    ParseOutcome read(char[] text, int offset, int length, EventFields fields, DqFlags flags) {
        try (JsonParser p = json.createParser(text, offset, length)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                return notAnObject(p, first);
            }
            JsonToken token;
            while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                KeyMeaning meaning = meaningOf(key);
                if (meaning.signatureOf != null) {
                    fields.vote(meaning.signatureOf);
                }
                readValue(key, meaning.field, p, p.nextToken(), fields, flags);
            }
            if (token != JsonToken.END_OBJECT || p.nextToken() != null) {
                return ParseOutcome.rejected(RejectReason.MALFORMED_JSON, "unexpected content after the JSON object");
            }
            return loneSurrogate(text, offset, length);
        } catch (JsonProcessingException e) {
            return JsonDefects.reject(e);
        } catch (IOException e) {
            // reading from memory: only a parse problem can end up here
            return ParseOutcome.rejected(RejectReason.MALFORMED_JSON, String.valueOf(e.getMessage()));
        }
    }

    private static void readValue(
            String key, CanonicalField field, JsonParser p, JsonToken token, EventFields fields, DqFlags flags)
            throws IOException {
        if (field == null) {
            fields.extras.copy(key, p);
            return;
        }
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            fields.markStructured(field);
            flags.add(DqFlags.invalid(field));
            fields.extras.copy(key, p);
            return;
        }
        String value = switch (token) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getText();
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            default -> null;
        };
        if (!fields.offer(field, value)) {
            flags.add(DqFlags.conflicting(field));
            fields.extras.copy(key, p);
        }
    }

    /** Not an object, but is it valid JSON at all? Malformed input is reported as such, whatever it starts with. */
    private static ParseOutcome notAnObject(JsonParser p, JsonToken first) throws IOException {
        if (first == null) {
            return ParseOutcome.rejected(RejectReason.MALFORMED_JSON, "no JSON value in the payload");
        }
        p.skipChildren();
        if (p.nextToken() != null) {
            return ParseOutcome.rejected(RejectReason.MALFORMED_JSON, "unexpected content after the JSON value");
        }
        String kind = switch (first) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> first.name();
        };
        return ParseOutcome.rejected(RejectReason.NOT_AN_OBJECT, "JSON value is " + kind + ", expected an object");
    }

    private KeyMeaning meaningOf(String key) {
        KeyMeaning meaning = keys.get(key);
        if (meaning == null) {
            CanonicalField field = ColumnAliases.field(key);
            SourceLayout layout = ColumnAliases.signatureOf(key);
            meaning = field == null && layout == null ? UNKNOWN_KEY : new KeyMeaning(field, layout);
            if (keys.size() < MAX_CACHED_KEYS) {
                keys.put(key, meaning);
            }
        }
        return meaning;
    }

    /** Checked once the text is known to be valid JSON, where a backslash can only start an escape. */
    private static ParseOutcome loneSurrogate(char[] text, int offset, int length) {
        int at = LoneSurrogates.find(text, offset, offset + length);
        if (at < 0) {
            return null;
        }
        return ParseOutcome.rejected(
                RejectReason.INVALID_ENCODING,
                "the escape " + new String(text, at, 6) + " at character " + (at - offset + 1)
                        + " is half of a UTF-16 surrogate pair, not a character");
    }
}
