package org.requestslakehouse.parsing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import org.requestslakehouse.config.ParseConfig;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.model.RejectReason;
import org.requestslakehouse.testing.HostileEvents;
import org.requestslakehouse.testing.Mutation;

/**
 * Property tests of the parser against hostile input, about 45,000 inputs per run with fixed seeds. Whatever
 * the bytes, the parser returns an outcome (it never throws, never falls back to {@code PARSER_ERROR}), and the
 * outcome is the right one: each known class of defect has its own reason, checked either against the class the
 * input was built as, or against an independent oracle (the JDK's UTF-8 decoder and a plain Jackson tree).
 */
class HostileInputPropertiesTest {
    private static final ParseConfig CONFIG = ParseConfig.defaults();
    private static final HostileEvents EVENTS = HostileEvents.fromRealSamples(CONFIG);
    private static final Set<RejectReason> SYNTAX = EnumSet.of(
            RejectReason.MALFORMED_JSON,
            RejectReason.DUPLICATE_KEY,
            RejectReason.NESTING_TOO_DEEP,
            RejectReason.TOKEN_TOO_LONG);
    private static final Set<RejectReason> CONTENT = EnumSet.of(
            RejectReason.MISSING_CASE_ID,
            RejectReason.INVALID_CASE_ID,
            RejectReason.MISSING_OPEN_TS,
            RejectReason.INVALID_OPEN_TS,
            RejectReason.INVALID_EVENT_TYPE);
    /** Jackson with its default limits (deeper, longer than the parser's) and strict about duplicates. */
    private static final ObjectMapper ORACLE = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final RequestEventParser parser = new RequestEventParser(CONFIG);

    @Property(tries = 20_000, seed = "311")
    void everyClassOfHostileInputGetsExactlyItsOutcome(
            @ForAll Mutation mutation, @ForAll("templates") int template, @ForAll long randomSeed) throws Exception {
        long caseId = 900_000_000_000L + template;
        byte[] payload = EVENTS.payload(mutation, template, caseId, new SplittableRandom(randomSeed));

        ParseOutcome outcome = parse(payload);

        Statistics.collect(mutation);
        Statistics.coverage(c -> {
            for (Mutation m : Mutation.values()) {
                c.check(m).count((Integer n) -> n >= 500);
            }
        });
        assertThat(outcome.reason()).as("%s: %s", mutation, outcome).isEqualTo(mutation.expected());
        if (outcome.isAccepted()) {
            assertThat(outcome.request().caseEnquiryId).isEqualTo(caseId);
            RequestEventParserRobustnessTest.assertSilverInvariants(outcome.request());
            if (mutation == Mutation.NEW_COLUMNS) {
                assertThat(ORACLE.readTree(outcome.request().extraFields).has("zz_new_column_0"))
                        .isTrue();
            }
        } else {
            assertThat(outcome.detail()).isNotBlank().hasSizeLessThanOrEqualTo(ParseOutcome.MAX_DETAIL_CHARS);
        }
    }

    @Property(tries = 10_000, seed = "2011")
    void randomDamageIsNamedAsTheOracleSeesIt(@ForAll("templates") int template, @ForAll("damage") List<Damage> damage)
            throws Exception {
        byte[] payload = EVENTS.payload(Mutation.VALID, template, 900_000_000_000L, new SplittableRandom(template));
        for (Damage d : damage) {
            payload = d.apply(payload);
        }

        ParseOutcome outcome = parse(payload);

        Set<RejectReason> allowed = oracle(payload);
        Statistics.collect(outcome.isAccepted() ? "accepted" : outcome.reason());
        assertThat(outcome.isAccepted() ? null : outcome.reason())
                .as("%s for %s", outcome, allowed)
                .isIn(allowed.toArray());
        if (outcome.isAccepted()) {
            RequestEventParserRobustnessTest.assertSilverInvariants(outcome.request());
        }
    }

    @Property(tries = 5_000, seed = "2022")
    void anyTextGivesAnOutcome(@ForAll @Size(max = 300) String text) {
        byte[] payload = text.getBytes(UTF_8);

        ParseOutcome outcome = parse(payload);

        assertThat(outcome.isAccepted() ? null : outcome.reason())
                .isIn(oracle(payload).toArray());
    }

    @Property(tries = 5_000, seed = "2025")
    void anyBytesGiveAnOutcome(@ForAll @Size(max = 300) byte[] payload) {
        ParseOutcome outcome = parse(payload);

        assertThat(outcome.isAccepted() ? null : outcome.reason())
                .isIn(oracle(payload).toArray());
    }

    @Property(tries = 5_000, seed = "2024")
    void anyJsonObjectIsAcceptedOrRejectedForItsContent(@ForAll("objects") String json) throws Exception {
        ParseOutcome outcome = parse(json.getBytes(UTF_8));

        if (outcome.isAccepted()) {
            RequestEventParserRobustnessTest.assertSilverInvariants(outcome.request());
        } else {
            assertThat(outcome.reason()).as(outcome.toString()).isIn(CONTENT);
        }
    }

    @Provide
    Arbitrary<Integer> templates() {
        return Arbitraries.integers().between(0, EVENTS.templateCount() - 1);
    }

    @Provide
    Arbitrary<List<Damage>> damage() {
        Arbitrary<Damage> one =
                Arbitraries.randomValue(random -> Damage.random(new SplittableRandom(random.nextLong())));
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    /** JSON objects of alias keys and random keys with values of every JSON type, nested a little. */
    @Provide
    Arbitrary<String> objects() {
        Arbitrary<String> keys = Arbitraries.oneOf(
                Arbitraries.of(
                        "case_enquiry_id",
                        "CASE_ENQUIRY_ID",
                        "case_id",
                        "open_dt",
                        "OPEN_DT",
                        "open_date",
                        "closed_dt",
                        "sla_target_dt",
                        "target_dt",
                        "event_type",
                        "emitted_at",
                        "latitude",
                        "longitude",
                        "ward",
                        "zipcode",
                        "location_zipcode",
                        "case_status",
                        "submittedphoto",
                        "closure_reason"),
                Arbitraries.strings().ofMaxLength(12));
        Arbitrary<String> scalars = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30).map(HostileInputPropertiesTest::quote),
                Arbitraries.of(
                        "\"2022-01-21 13:47:00\"",
                        "\"01/21/2022 01:47:00 PM\"",
                        "\"101004143000\"",
                        "101004143000",
                        "\"42.35\"",
                        "-71.06",
                        "\"Ward 7\"",
                        "\"CLOSED\"",
                        "\"OPENED\"",
                        "1e999",
                        "0",
                        "-1",
                        "true",
                        "false",
                        "null",
                        "\"\"",
                        "\" \"",
                        "1642790820000"),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf).filter(s -> !s.contains("N") && !s.contains("I")));
        Arbitrary<String> values = Arbitraries.frequencyOf(
                Tuple.of(8, scalars),
                Tuple.of(1, scalars.list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]")),
                Tuple.of(
                        1,
                        Arbitraries.maps(keys.map(HostileInputPropertiesTest::quote), scalars)
                                .ofMaxSize(3)
                                .map(HostileInputPropertiesTest::object)));
        return Arbitraries.maps(keys.map(HostileInputPropertiesTest::quote), values)
                .ofMaxSize(12)
                .map(HostileInputPropertiesTest::object);
    }

    private ParseOutcome parse(byte[] payload) {
        return parser.parse(new RawEvent("kafka", "fuzz", "0", "0", null, 0L, payload), 0L);
    }

    /**
     * The outcomes an input allows, worked out without the parser: empty and oversized first, then encoding by the
     * JDK's strict decoder, then syntax by a plain Jackson tree, then the limits and surrogates walked on that tree.
     * A single element means the outcome is certain; several mean several defects, of which the first in the
     * text decides. {@code null} stands for accepted.
     */
    private static Set<RejectReason> oracle(byte[] payload) {
        if (payload == null || new String(payload, UTF_8).isBlank() && isAsciiWhitespace(payload)) {
            return setOf(RejectReason.EMPTY_PAYLOAD);
        }
        if (payload.length > CONFIG.maxPayloadBytes()) {
            return setOf(RejectReason.PAYLOAD_TOO_LARGE);
        }
        if (!isUtf8(payload)) {
            return setOf(RejectReason.INVALID_ENCODING);
        }
        JsonNode tree;
        try {
            tree = ORACLE.readTree(payload);
        } catch (Exception syntax) {
            return SYNTAX;
        }
        if (tree == null || tree.isMissingNode()) {
            return setOf(RejectReason.MALFORMED_JSON);
        }
        Set<RejectReason> defects = new HashSet<>();
        walk(tree, 1, defects);
        if (!tree.isObject()) {
            defects.add(RejectReason.NOT_AN_OBJECT);
            return defects;
        }
        if (defects.isEmpty()) {
            defects.addAll(CONTENT);
            defects.add(null);
        }
        return defects;
    }

    private static void walk(JsonNode node, int depth, Set<RejectReason> defects) {
        if (node.isContainerNode() && depth > RequestEventParser.MAX_NESTING_DEPTH) {
            defects.add(RejectReason.NESTING_TOO_DEEP);
        }
        if (node.isNumber() && node.asText().length() > RequestEventParser.MAX_TOKEN_CHARS) {
            defects.add(RejectReason.TOKEN_TOO_LONG);
        }
        if (node.isTextual() && hasLoneSurrogate(node.textValue())) {
            defects.add(RejectReason.INVALID_ENCODING);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().length() > RequestEventParser.MAX_TOKEN_CHARS) {
                defects.add(RejectReason.TOKEN_TOO_LONG);
            }
            if (hasLoneSurrogate(e.getKey())) {
                defects.add(RejectReason.INVALID_ENCODING);
            }
            walk(e.getValue(), depth + 1, defects);
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                walk(element, depth + 1, defects);
            }
        }
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(++i)))) {
                return true;
            }
            if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUtf8(byte[] payload) {
        try {
            UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean isAsciiWhitespace(byte[] payload) {
        for (byte b : payload) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private static Set<RejectReason> setOf(RejectReason reason) {
        Set<RejectReason> set = new HashSet<>();
        set.add(reason);
        return set;
    }

    private static String object(Map<String, String> members) {
        StringBuilder b = new StringBuilder("{");
        members.forEach((k, v) ->
                b.append(b.length() > 1 ? "," : "").append(k).append(':').append(v));
        return b.append('}').toString();
    }

    /** Quotes a string as JSON, so generated keys and values are always legal JSON text. */
    private static String quote(String s) {
        try {
            return ORACLE.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One byte-level edit: the damage a broken producer, a bad proxy or a truncating buffer does. */
    record Damage(int kind, double where, int value) {
        private static final byte[] JSON_SYNTAX = "\"{}[],:\\ 0-.eE".getBytes(UTF_8);

        static Damage random(SplittableRandom random) {
            return new Damage(random.nextInt(6), random.nextDouble(), random.nextInt(1 << 16));
        }

        byte[] apply(byte[] in) {
            if (in.length == 0) {
                return in;
            }
            int at = (int) (where * in.length);
            return switch (kind) {
                case 0 -> Arrays.copyOf(in, at);
                case 1 -> replace(in, at, (byte) value);
                case 2 -> replace(in, at, JSON_SYNTAX[value % JSON_SYNTAX.length]);
                case 3 -> splice(in, at, "{\"x\":[".repeat(value % 40).getBytes(UTF_8));
                case 4 -> splice(in, at, Arrays.copyOfRange(in, 0, Math.min(in.length, value % 3000)));
                default -> splice(in, at, new byte[] {(byte) (0x80 + value % 0x80)});
            };
        }

        private static byte[] replace(byte[] in, int at, byte b) {
            byte[] out = in.clone();
            out[at] = b;
            return out;
        }

        private static byte[] splice(byte[] in, int at, byte[] insert) {
            byte[] out = new byte[in.length + insert.length];
            System.arraycopy(in, 0, out, 0, at);
            System.arraycopy(insert, 0, out, at, insert.length);
            System.arraycopy(in, at, out, at + insert.length, in.length - at);
            return out;
        }
    }
}
