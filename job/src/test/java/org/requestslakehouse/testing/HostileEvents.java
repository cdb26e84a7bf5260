package org.requestslakehouse.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.requestslakehouse.config.ParseConfig;
import org.requestslakehouse.csv.CsvEvent;
import org.requestslakehouse.csv.CsvEventReader;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.parsing.CanonicalField;
import org.requestslakehouse.parsing.CityProfiles;
import org.requestslakehouse.parsing.RequestEventParser;

/**
 * Builds hostile request events from real ones: every real Boston row the parser accepts is a template, and a
 * {@link Mutation} turns a template into a payload whose outcome is known in advance, independently of the
 * parser. A payload is a pure function of (mutation, template, case id, random state), so a seed reproduces a
 * stream exactly. Accepted classes get the case id they are given, so a test can find each one in silver.
 */
public final class HostileEvents implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter ASCII_ONLY = JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);
    /** Replaced, after serialisation, by bytes no JSON library would write. */
    private static final String MARKER = "@@hostile@@";

    private static final byte[][] INVALID_UTF8 = {
        {(byte) 0xFF}, // never valid
        {(byte) 0x80}, // continuation without a lead byte
        {(byte) 0xC0, (byte) 0xAF}, // overlong '/'
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // encoded surrogate
        {(byte) 0xE2, (byte) 0x82}, // sequence cut short
        {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, // five-byte form
    };
    private static final String[] OUT_OF_RANGE_TIMES = {
        "1899-12-31 23:59:59", "2101-01-01 00:00:00", "1970-01-01 00:00:00", "2022-13-01 10:00:00",
        "2022-02-30 10:00:00", "2022-01-01 24:00:00", "0000-01-01 00:00:00", "01/32/2020 10:00:00 AM",
        "12/31/1989 11:59:59 PM", "+10000-01-01T00:00:00Z"
    };
    private static final Set<CanonicalField> NUMERIC = EnumSet.of(CanonicalField.LATITUDE, CanonicalField.LONGITUDE);

    private final List<byte[]> templates;
    private final int maxPayloadBytes;
    private transient List<ObjectNode> parsed;

    private HostileEvents(List<byte[]> templates, int maxPayloadBytes) {
        this.templates = templates;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /** Every row of the real samples that {@code config} accepts. */
    public static HostileEvents fromRealSamples(ParseConfig config) {
        RequestEventParser parser = new RequestEventParser(config);
        List<byte[]> accepted = new ArrayList<>();
        for (Path file : Real311.all()) {
            try (CsvEventReader reader = CsvEventReader.open(file)) {
                CsvEvent row;
                while ((row = reader.next()) != null) {
                    RawEvent raw = new RawEvent("csv", file.toString(), null, "1", null, 0L, row.json());
                    if (parser.parse(raw, 0L).isAccepted()) {
                        accepted.add(row.json());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new HostileEvents(List.copyOf(accepted), config.maxPayloadBytes());
    }

    public int templateCount() {
        return templates.size();
    }

    /** The mutation, template and payload of stream element {@code index}: the same for the same seed. */
    public Generated generate(long seed, long index, long caseId) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        Mutation mutation = Mutation.at(random.nextInt(Mutation.TOTAL_WEIGHT));
        int template = random.nextInt(templates.size());
        return new Generated(mutation, template, payload(mutation, template, caseId, random));
    }

    public record Generated(Mutation mutation, int template, byte[] payload) {}

    /** A payload of class {@code mutation} made from template {@code template}; null is a valid (empty) payload. */
    public byte[] payload(Mutation mutation, int template, long caseId, SplittableRandom random) {
        ObjectNode event = template(template);
        setAll(event, CanonicalField.CASE_ENQUIRY_ID, Long.toString(caseId));
        return switch (mutation) {
            case VALID -> bytes(event);
            case TYPED_NUMBERS -> typedNumbers(event, caseId);
            case NEW_COLUMNS -> newColumns(event, random);
            case ESCAPED_CONTROL_CHARACTERS -> {
                char control = (char) random.nextInt(0x20);
                event.put("case_title", "Pothole" + control + " on Main" + (char) 0x7F + " St " + random.nextInt(100));
                yield bytes(event);
            }
            case ESCAPED_UNICODE -> {
                event.put("case_title", "Pothole \uD83D\uDEA7 caf\u00e9 \u2014 \u5317 " + random.nextInt(100));
                yield ascii(event);
            }
            case LONG_TEXT -> {
                event.put("case_title", longText(random, 20_000 + random.nextInt(80_000)));
                yield bytes(event);
            }
            case EMPTY ->
                switch (random.nextInt(3)) {
                    case 0 -> null;
                    case 1 -> new byte[0];
                    default -> " \r\n\t ".substring(random.nextInt(4)).getBytes(UTF_8);
                };
            case OVERSIZED -> oversized(event, random);
            case INVALID_UTF8 -> withMarker(event, INVALID_UTF8[random.nextInt(INVALID_UTF8.length)]);
            case LONE_SURROGATE ->
                withMarker(
                        event,
                        (random.nextBoolean() ? "\\ud83d x" : random.nextBoolean() ? "\\uDE00" : "\\ud800\\u0041")
                                .getBytes(UTF_8));
            case TRUNCATED -> truncated(bytes(event), random);
            case RAW_CONTROL_CHARACTER -> withMarker(event, new byte[] {(byte) random.nextInt(0x20)});
            case TRAILING_GARBAGE ->
                concat(
                        bytes(event),
                        new String[] {"}", "x", "{}", ",", " 42", "\n{\"a\":1}", "]"}
                                [random.nextInt(7)].getBytes(UTF_8));
            case DUPLICATE_KEY -> duplicateKey(event, random);
            case DEEP_NESTING -> deepNesting(event, random);
            case LONG_TOKEN -> longToken(event, random);
            case NOT_AN_OBJECT ->
                switch (random.nextInt(6)) {
                    case 0 -> concat(concat("[".getBytes(UTF_8), bytes(event)), "]".getBytes(UTF_8));
                    case 1 -> ("\"" + caseId + "\"").getBytes(UTF_8);
                    case 2 -> Long.toString(caseId).getBytes(UTF_8);
                    case 3 -> "null".getBytes(UTF_8);
                    case 4 -> "true".getBytes(UTF_8);
                    default -> "[]".getBytes(UTF_8);
                };
            case EMPTY_OBJECT -> (random.nextBoolean() ? "{}" : " { \n} ").getBytes(UTF_8);
            case NO_CASE_ID -> {
                removeAll(event, CanonicalField.CASE_ENQUIRY_ID);
                yield bytes(event);
            }
            case CASE_ID_WRONG_TYPE -> caseIdOfWrongType(event, caseId, random);
            case NO_OPEN_TS -> {
                removeAll(event, CanonicalField.OPEN_TS);
                yield bytes(event);
            }
            case OPEN_TS_OUT_OF_RANGE -> {
                setAll(event, CanonicalField.OPEN_TS, OUT_OF_RANGE_TIMES[random.nextInt(OUT_OF_RANGE_TIMES.length)]);
                yield bytes(event);
            }
            case OPEN_TS_WRONG_TYPE -> openTsOfWrongType(event, random);
            case BAD_EVENT_TYPE -> {
                switch (random.nextInt(4)) {
                    case 0 -> event.put("event_type", "DELETED");
                    case 1 -> event.put("event_type", 3);
                    case 2 -> event.putObject("event_type").put("type", "OPENED");
                    default -> event.put("event_type", "OPENED!");
                }
                yield bytes(event);
            }
        };
    }

    private ObjectNode template(int index) {
        if (parsed == null) {
            List<ObjectNode> nodes = new ArrayList<>(templates.size());
            for (byte[] json : templates) {
                try {
                    nodes.add((ObjectNode) JSON.readTree(json));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            parsed = nodes;
        }
        return parsed.get(index).deepCopy();
    }

    private static byte[] typedNumbers(ObjectNode event, long caseId) {
        for (String key : keys(event)) {
            CanonicalField field = bostonField(key);
            if (field == CanonicalField.CASE_ENQUIRY_ID) {
                event.put(key, caseId);
            } else if (NUMERIC.contains(field) && event.get(key).isTextual()) {
                try {
                    event.put(key, new BigDecimal(event.get(key).asText().trim()));
                } catch (NumberFormatException notANumber) {
                    // stays text, as published
                }
            }
        }
        return bytes(event);
    }

    private static byte[] newColumns(ObjectNode event, SplittableRandom random) {
        int columns = 1 + random.nextInt(4);
        for (int i = 0; i < columns; i++) {
            String key = "zz_new_column_" + i;
            switch (random.nextInt(6)) {
                case 0 -> event.put(key, "value " + random.nextInt(1000));
                case 1 -> event.put(key, random.nextInt());
                case 2 -> event.put(key, random.nextDouble());
                case 3 -> event.putNull(key);
                case 4 -> event.putArray(key).add(1).add("two").addObject().put("three", true);
                default ->
                    event.putObject(key)
                            .put("nested", random.nextBoolean())
                            .putArray("list")
                            .add(random.nextInt(9));
            }
        }
        return bytes(event);
    }

    /** Larger than the limit by 1 byte up to three times the limit. */
    private byte[] oversized(ObjectNode event, SplittableRandom random) {
        int target = maxPayloadBytes + 1 + random.nextInt(3 * maxPayloadBytes);
        int padding = Math.max(0, target - bytes(event).length - "\"padding\":\"\",".length());
        event.put("padding", "x".repeat(padding));
        return bytes(event);
    }

    private static byte[] truncated(byte[] complete, SplittableRandom random) {
        int cut = 1 + random.nextInt(complete.length - 1);
        while ((complete[cut] & 0xC0) == 0x80) {
            cut--; // never inside a multi-byte character: that would be an encoding error, not a truncation
        }
        return Arrays.copyOf(complete, cut);
    }

    private static byte[] duplicateKey(ObjectNode event, SplittableRandom random) {
        byte[] json = bytes(event);
        String duplicate;
        if (random.nextBoolean()) {
            List<String> keys = keys(event);
            duplicate = ",\"" + keys.get(random.nextInt(keys.size())) + "\":\"again\"";
        } else {
            duplicate = ",\"zz_nested\":{\"a\":1,\"b\":[{\"c\":1,\"c\":2}]}";
        }
        return insertBeforeClosingBrace(json, duplicate);
    }

    private static byte[] deepNesting(ObjectNode event, SplittableRandom random) {
        int depth = 32 + random.nextInt(3000);
        return switch (random.nextInt(3)) {
            case 0 -> insertBeforeClosingBrace(bytes(event), ",\"zz_deep\":" + "[".repeat(depth) + "]".repeat(depth));
            case 1 ->
                insertBeforeClosingBrace(
                        bytes(event), ",\"zz_deep\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
            default -> ("[".repeat(depth + 1) + "]".repeat(depth + 1)).getBytes(UTF_8);
        };
    }

    private static byte[] longToken(ObjectNode event, SplittableRandom random) {
        String digits = randomDigits(random, 1001 + random.nextInt(20_000));
        String member = switch (random.nextInt(4)) {
            case 0 -> "\"zz_big\":" + digits;
            case 1 -> "\"zz_big\":-" + digits;
            case 2 -> "\"zz_big\":1." + digits;
            default -> "\"zz_" + "k".repeat(1001 + random.nextInt(5000)) + "\":1";
        };
        return insertBeforeClosingBrace(bytes(event), "," + member);
    }

    private static byte[] caseIdOfWrongType(ObjectNode event, long caseId, SplittableRandom random) {
        for (String key : keys(event)) {
            if (bostonField(key) != CanonicalField.CASE_ENQUIRY_ID) {
                continue;
            }
            switch (random.nextInt(8)) {
                case 0 -> event.put(key, true);
                case 1 -> event.putObject(key).put("id", caseId);
                case 2 -> event.putArray(key).add(caseId);
                case 3 -> event.put(key, -caseId);
                case 4 -> event.put(key, caseId + 0.5);
                case 5 -> event.put(key, caseId + "ab");
                case 6 -> event.put(key, "0");
                default -> event.put(key, "99999999999999999999");
            }
        }
        return bytes(event);
    }

    private static byte[] openTsOfWrongType(ObjectNode event, SplittableRandom random) {
        for (String key : keys(event)) {
            if (bostonField(key) != CanonicalField.OPEN_TS) {
                continue;
            }
            switch (random.nextInt(4)) {
                case 0 -> event.put(key, 1642790820000L);
                case 1 -> event.put(key, false);
                case 2 -> event.putObject(key).put("date", "2022-01-21 13:47:00");
                default -> event.putArray(key).add("2022-01-21 13:47:00");
            }
        }
        return bytes(event);
    }

    /** Serialises with a marker in a text value, then puts {@code raw} where the marker is. */
    private static byte[] withMarker(ObjectNode event, byte[] raw) {
        event.put("case_title", "before " + MARKER + " after");
        byte[] json = bytes(event);
        byte[] marker = MARKER.getBytes(UTF_8);
        int at = indexOf(json, marker);
        return concat(concat(Arrays.copyOf(json, at), raw), Arrays.copyOfRange(json, at + marker.length, json.length));
    }

    private static String longText(SplittableRandom random, int length) {
        StringBuilder b = new StringBuilder(length);
        String alphabet = "abcdefghij klmnopqrst uvwxyz \u00e9\u00fc\n\t\"\\/";
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static String randomDigits(SplittableRandom random, int count) {
        StringBuilder b = new StringBuilder(count).append((char) ('1' + random.nextInt(9)));
        for (int i = 1; i < count; i++) {
            b.append((char) ('0' + random.nextInt(10)));
        }
        return b.toString();
    }

    private static void setAll(ObjectNode event, CanonicalField field, String value) {
        for (String key : keys(event)) {
            if (bostonField(key) == field) {
                event.put(key, value);
            }
        }
    }

    private static void removeAll(ObjectNode event, CanonicalField field) {
        for (String key : keys(event)) {
            if (bostonField(key) == field) {
                event.remove(key);
            }
        }
    }

    /** The templates are Boston's messages, so their keys mean what Boston's profile says. */
    private static CanonicalField bostonField(String key) {
        return CityProfiles.builtInField("boston", key);
    }

    private static List<String> keys(JsonNode event) {
        List<String> keys = new ArrayList<>();
        event.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static byte[] bytes(JsonNode event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] ascii(JsonNode event) {
        try {
            return ASCII_ONLY.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] insertBeforeClosingBrace(byte[] json, String member) {
        int close = json.length - 1;
        return concat(concat(Arrays.copyOf(json, close), member.getBytes(UTF_8)), new byte[] {'}'});
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("marker not found");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
