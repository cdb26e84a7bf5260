package org.requestslakehouse.parsing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.requestslakehouse.model.RejectReason;

/**
 * Streams one JSON object into {@link EventFields} without building a tree: each key is resolved through
 * {@link CityProfiles} (cached, since a stream repeats the same few dozen keys), each scalar value is kept as
 * text, and everything unused goes to the extra fields. Not thread-safe.
 *
 * <p>A key repeated in the object is a {@link RejectReason#DUPLICATE_KEY}, found here through the cache entry the
 * lookup returns anyway: Jackson's own detection would hash every key into a fresh set per message. Inside nested
 * values, which are only copied, Jackson's detection is switched on.
 */
final class EventJsonReader {
    /** Enough for every layout's keys many times over; a stream of random keys stops being cached, not resolved. */
    private static final int MAX_CACHED_KEYS = 1024;

    private final JsonFactory json;
    private final CityProfiles profiles;
    private final Map<String, Key> keys = new HashMap<>();
    /** Keys past the cache's bound, for duplicate detection only; almost always empty. */
    private final Set<String> uncachedSeen = new HashSet<>();
    /** Numbers the messages, so a key's {@link Key#seenIn} says whether this message has it already. */
    private long message;

    EventJsonReader(JsonFactory json, CityProfiles profiles) {
        this.json = json;
        this.profiles = profiles;
    }

    /** A rejection, or null when the object was read into {@code fields} and its city profile chosen. */
    ParseOutcome read(char[] text, int offset, int length, EventFields fields, DqFlags flags) {
        message++;
        uncachedSeen.clear();
        try (JsonParser p = json.createParser(text, offset, length)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                return notAnObject(p, first);
            }
            JsonToken token;
            while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                CityProfiles.KeyMeaning meaning = firstOccurrence(key, p, text, offset);
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
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            // Jackson looks for duplicate keys in it: enabled on the value's own context, which its children inherit
            p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            fields.extras.copy(key, p, position);
            p.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            if (meaning.knownMask() != 0) {
                fields.hold(key, meaning, EventFields.STRUCTURED, null, position);
            }
            return;
        }
        if (meaning.knownMask() == 0) {
            fields.extras.copy(key, p, position);
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
        p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
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

    /**
     * The key's meaning; fails as Jackson's duplicate detection would, at the repeated key, when the object has had
     * the key before.
     */
    private CityProfiles.KeyMeaning firstOccurrence(String key, JsonParser p, char[] text, int offset)
            throws JsonParseException {
        Key cached = keys.get(key);
        if (cached == null) {
            CityProfiles.KeyMeaning meaning = profiles.meaningOf(key);
            if (keys.size() >= MAX_CACHED_KEYS) {
                if (!uncachedSeen.add(key)) {
                    throw duplicate(key, p, text, offset);
                }
                return meaning;
            }
            cached = new Key(meaning);
            keys.put(key, cached);
        } else if (cached.seenIn == message) {
            throw duplicate(key, p, text, offset);
        }
        cached.seenIn = message;
        return cached.meaning;
    }

    /**
     * Jackson's message, which {@link JsonDefects} classifies, at Jackson's place: just after the repeated key, where
     * its own detection stops. A key is one quoted string on one line, so the place is its start plus its length,
     * counted in the message's {@code text}, which starts at {@code offset}.
     */
    private static JsonParseException duplicate(String key, JsonParser p, char[] text, int offset) {
        JsonLocation start = p.currentTokenLocation();
        int open = offset + (int) start.getCharOffset();
        int close = open + 1;
        while (text[close] != '"') {
            close += text[close] == '\\' ? 2 : 1;
        }
        int length = close - open + 1;
        JsonLocation afterKey = new JsonLocation(
                start.contentReference(),
                -1L,
                start.getCharOffset() + length,
                start.getLineNr(),
                start.getColumnNr() + length);
        return new JsonParseException(p, "Duplicate field '" + key + "'", afterKey);
    }

    /** A cached key: what it means, and the last message that had it. */
    private static final class Key {
        final CityProfiles.KeyMeaning meaning;
        long seenIn;

        Key(CityProfiles.KeyMeaning meaning) {
            this.meaning = meaning;
        }
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
