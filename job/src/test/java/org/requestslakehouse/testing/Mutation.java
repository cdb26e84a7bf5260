package org.requestslakehouse.testing;

import org.requestslakehouse.model.RejectReason;

/**
 * One class of hostile or unusual input, with the outcome the parser owes it: accepted (a null reason) or
 * exactly one reject reason. {@link HostileEvents} builds the payloads; the weight is how often a class is drawn
 * in a stream (out of {@link #TOTAL_WEIGHT}), so valid traffic dominates as it does in production.
 */
public enum Mutation {
    VALID(null, 300),
    /** Case id and coordinates as JSON numbers instead of the strings a CSV-to-JSON client sends. */
    TYPED_NUMBERS(null, 50),
    /** Columns the job has never seen, of every JSON type: kept in extra_fields. */
    NEW_COLUMNS(null, 80),
    /** Control characters written as JSON escapes: legal JSON, dropped by the text normaliser. */
    ESCAPED_CONTROL_CHARACTERS(null, 40),
    /** All non-ASCII escaped, emoji as surrogate pairs (what Python's json.dumps sends). */
    ESCAPED_UNICODE(null, 30),
    /** A free-text value of tens of kilobytes, still under the payload limit. */
    LONG_TEXT(null, 10),
    EMPTY(RejectReason.EMPTY_PAYLOAD, 20),
    OVERSIZED(RejectReason.PAYLOAD_TOO_LARGE, 3),
    INVALID_UTF8(RejectReason.INVALID_ENCODING, 40),
    LONE_SURROGATE(RejectReason.INVALID_ENCODING, 20),
    TRUNCATED(RejectReason.MALFORMED_JSON, 60),
    RAW_CONTROL_CHARACTER(RejectReason.MALFORMED_JSON, 30),
    TRAILING_GARBAGE(RejectReason.MALFORMED_JSON, 20),
    DUPLICATE_KEY(RejectReason.DUPLICATE_KEY, 30),
    DEEP_NESTING(RejectReason.NESTING_TOO_DEEP, 20),
    LONG_TOKEN(RejectReason.TOKEN_TOO_LONG, 20),
    NOT_AN_OBJECT(RejectReason.NOT_AN_OBJECT, 30),
    EMPTY_OBJECT(RejectReason.MISSING_CASE_ID, 20),
    NO_CASE_ID(RejectReason.MISSING_CASE_ID, 20),
    CASE_ID_WRONG_TYPE(RejectReason.INVALID_CASE_ID, 40),
    NO_OPEN_TS(RejectReason.MISSING_OPEN_TS, 20),
    OPEN_TS_OUT_OF_RANGE(RejectReason.INVALID_OPEN_TS, 40),
    OPEN_TS_WRONG_TYPE(RejectReason.INVALID_OPEN_TS, 20),
    BAD_EVENT_TYPE(RejectReason.INVALID_EVENT_TYPE, 20);

    public static final int TOTAL_WEIGHT = totalWeight();

    private final RejectReason expected;
    private final int weight;

    Mutation(RejectReason expected, int weight) {
        this.expected = expected;
        this.weight = weight;
    }

    /** The reason the parser must reject this class with; null when it must accept it. */
    public RejectReason expected() {
        return expected;
    }

    public boolean accepted() {
        return expected == null;
    }

    /** The class at {@code point} in [0, TOTAL_WEIGHT) of the weighted line-up. */
    public static Mutation at(int point) {
        int remaining = point;
        for (Mutation m : values()) {
            remaining -= m.weight;
            if (remaining < 0) {
                return m;
            }
        }
        throw new IllegalArgumentException("point " + point + " is outside [0, " + TOTAL_WEIGHT + ")");
    }

    private static int totalWeight() {
        int sum = 0;
        for (Mutation m : values()) {
            sum += m.weight;
        }
        return sum;
    }
}
