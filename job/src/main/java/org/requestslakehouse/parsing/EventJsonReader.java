package org.requestslakehouse.parsing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.requestslakehouse.model.RejectReason;

/**
 * Streams one JSON object into {@link EventFields} without building a tree: each key is resolved through
 * {@link CityProfiles} (cached, since a stream repeats the same few dozen keys), each scalar value is kept as
 * text, and everything unused goes to the extra fields. Not thread-safe.
 */
final class EventJsonReader {
    /** Enough for every layout's keys many times over; a stream of random keys stops being cached, not resolved. */
    private static final int MAX_CACHED_KEYS = 1024;

    private final JsonFactory json;
    private final CityProfiles profiles;
    private final Map<String, CityProfiles.KeyMeaning> keys = new HashMap<>();

    EventJsonReader(JsonFactory json, CityProfiles profiles) {
        this.json = json;
        this.profiles = profiles;
    }

    /** A rejection, or null when the object was read into {@code fields} and its city profile chosen. */
    ParseOutcome read(char[] text, int offset, int length, EventFields fields, DqFlags flags) {
        try (JsonParser p = json.createParser(text, offset, length)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                return notAnObject(p, first);
            }
            JsonToken token;
            while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                CityProfiles.KeyMeaning meaning = meaningOf(key);
                int position = fields.key(meaning);
                readValue(key, meaning, position, p, p.nextToken(), fields);
            }
            if (token != JsonToken.END_OBJECT || p.nextToken() != null) {
                return ParseOutcome.rejected(RejectReason.MALFORMED_JSON, "unexpected content after the JSON object");
            }
            ParseOutcome surrogate = loneSurrogate(text, offset, length);
            if (surrogate != null) {
                return surrogate;
            }
            if (!fields.resolve(flags)) {
                return ParseOutcome.rejected(
                        RejectReason.UNKNOWN_LAYOUT,
                        "no city profile recognised the message: city profile " + fields.profileNames()
                                + " knows none of its keys");
            }
            return null;
        } catch (JsonProcessingException e) {
            return JsonDefects.reject(e);
        } catch (IOException e) {
            // reading from memory: only a parse problem can end up here
            return ParseOutcome.rejected(RejectReason.MALFORMED_JSON, String.valueOf(e.getMessage()));
        }
    }

    private static void readValue(
            String key,
            CityProfiles.KeyMeaning meaning,
            int position,
            JsonParser p,
            JsonToken token,
            EventFields fields)
            throws IOException {
        if (meaning.knownMask() == 0) {
            fields.extras.copy(key, p, position);
            return;
        }
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            fields.extras.copy(key, p, position);
            fields.hold(key, meaning, EventFields.STRUCTURED, null, position);
            return;
        }
        switch (token) {
            case VALUE_STRING -> fields.hold(key, meaning, EventFields.STRING, p.getText(), position);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
                fields.hold(key, meaning, EventFields.NUMBER, p.getText(), position);
            case VALUE_TRUE -> fields.hold(key, meaning, EventFields.BOOLEAN, "true", position);
            case VALUE_FALSE -> fields.hold(key, meaning, EventFields.BOOLEAN, "false", position);
            default -> fields.hold(key, meaning, EventFields.NULL, null, position);
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

    private CityProfiles.KeyMeaning meaningOf(String key) {
        CityProfiles.KeyMeaning meaning = keys.get(key);
        if (meaning == null) {
            meaning = profiles.meaningOf(key);
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
