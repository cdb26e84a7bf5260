package org.requestslakehouse.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.requestslakehouse.config.ParseConfig;
import org.requestslakehouse.csv.CsvEvent;
import org.requestslakehouse.csv.RealSamples;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.model.RejectReason;
import org.requestslakehouse.model.ServiceRequest;

/**
 * Damaged versions of every real row: whatever the bytes, the parser returns an outcome instead of throwing, and
 * an accepted row always satisfies the silver invariants.
 */
class RequestEventParserRobustnessTest {
    private static final int MUTANTS_PER_ROW = 60;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] JSON_SYNTAX = "\"{}[],:\\ 0".getBytes(StandardCharsets.US_ASCII);

    @Test
    void damagedRowsAlwaysGiveAnOutcome() throws Exception {
        List<byte[]> rows = new ArrayList<>();
        for (String file : List.of(RealSamples.SOCRATA_2011, RealSamples.CKAN_2022, RealSamples.CURRENT_2025_DAMAGED)) {
            RealSamples.events(file).stream().map(CsvEvent::json).forEach(rows::add);
        }
        RequestEventParser parser = new RequestEventParser(new ParseConfig("America/New_York", 4096));
        Random random = new Random(311);
        Map<RejectReason, Integer> rejections = new EnumMap<>(RejectReason.class);
        int accepted = 0;

        for (byte[] row : rows) {
            for (int i = 0; i < MUTANTS_PER_ROW; i++) {
                byte[] mutant = mutate(row, random);
                ParseOutcome outcome = parser.parse(new RawEvent("kafka", "t", "0", "1", null, 1L, mutant), 0L);
                if (outcome.isAccepted()) {
                    accepted++;
                    assertSilverInvariants(outcome.request());
                } else {
                    assertThat(outcome.reason()).isNotNull();
                    assertThat(outcome.detail()).isNotBlank().hasSizeLessThanOrEqualTo(500);
                    rejections.merge(outcome.reason(), 1, Integer::sum);
                }
            }
        }

        assertThat(accepted
                        + rejections.values().stream()
                                .mapToInt(Integer::intValue)
                                .sum())
                .isEqualTo(rows.size() * MUTANTS_PER_ROW);
        // the mutations reach both sides and most of the checks
        assertThat(accepted).isGreaterThan(500);
        assertThat(rejections)
                .containsKeys(
                        RejectReason.PAYLOAD_TOO_LARGE,
                        RejectReason.INVALID_ENCODING,
                        RejectReason.MALFORMED_JSON,
                        RejectReason.INVALID_CASE_ID,
                        RejectReason.INVALID_OPEN_TS);
    }

    static void assertSilverInvariants(ServiceRequest r) throws Exception {
        assertThat(r.caseEnquiryId).isPositive();
        assertThat(r.openTs).isNotNull();
        assertThat(r.openDateLocal).isNotNull();
        assertThat(r.caseStatus).isIn("OPEN", "CLOSED");
        assertThat(r.eventType).isNotNull();
        assertThat(r.eventTs).isNotNull();
        assertThat(r.sourceLayout).isNotNull();
        assertThat(r.dqFlags).isSorted().doesNotHaveDuplicates();
        JsonNode extra = JSON.readTree(r.extraFields);
        assertThat(extra.isObject()).as(r.extraFields).isTrue();
        if (r.resolutionHours != null) {
            assertThat(r.resolutionHours).isNotNegative();
        }
        if (r.latitude != null || r.longitude != null) {
            assertThat(BostonBounds.contains(r.latitude, r.longitude)).isTrue();
        }
    }

    private static byte[] mutate(byte[] row, Random random) {
        byte[] out = row;
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(out.length);
            out = switch (random.nextInt(7)) {
                case 0 -> Arrays.copyOf(out, at);
                case 1 -> {
                    byte[] b = out.clone();
                    b[at] = (byte) random.nextInt(256);
                    yield b;
                }
                case 2 -> {
                    byte[] b = out.clone();
                    b[at] = JSON_SYNTAX[random.nextInt(JSON_SYNTAX.length)];
                    yield b;
                }
                case 3 -> splice(out, at, "{\"x\":[".repeat(random.nextInt(40)).getBytes());
                case 4 -> splice(out, at, Arrays.copyOfRange(out, 0, Math.min(out.length, random.nextInt(5000))));
                case 5 -> digitsToLetters(out, random);
                default -> splice(out, at, new byte[] {(byte) (0x80 + random.nextInt(0x80))});
            };
            if (out.length == 0) {
                break;
            }
        }
        return out;
    }

    private static byte[] splice(byte[] bytes, int at, byte[] insert) {
        byte[] out = new byte[bytes.length + insert.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(bytes, at, out, at + insert.length, bytes.length - at);
        return out;
    }

    private static byte[] digitsToLetters(byte[] bytes, Random random) {
        byte[] out = bytes.clone();
        int start = random.nextInt(Math.min(out.length, 80));
        for (int i = start; i < Math.min(out.length, start + 20); i++) {
            if (out[i] >= '0' && out[i] <= '9') {
                out[i] = (byte) ('a' + random.nextInt(26));
            }
        }
        return out;
    }
}
