package org.requestslakehouse.model;

/** Why a message went to {@code silver.rejected_events}. Codes are stable: dashboards and alerts key on them. */
public enum RejectReason {
    /** Larger than {@code parse.max-payload-bytes}; rejected before any parsing so memory stays bounded. */
    PAYLOAD_TOO_LARGE,
    /** Empty or whitespace-only message. */
    EMPTY_PAYLOAD,
    /** Bytes are not valid UTF-8. */
    INVALID_ENCODING,
    /** Not parseable as JSON (truncated, invalid syntax, too deeply nested, duplicate keys). */
    MALFORMED_JSON,
    /** Valid JSON but not an object (array, string, number...). */
    NOT_AN_OBJECT,
    /** No case id column under any known alias, or it is empty. */
    MISSING_CASE_ID,
    /** Case id present but not a positive whole number. */
    INVALID_CASE_ID,
    /** No open timestamp column, or it is empty. */
    MISSING_OPEN_TS,
    /** Open timestamp present but in no known format or outside the accepted range. */
    INVALID_OPEN_TS,
    /** {@code event_type} present but not one of OPENED, UPDATED, CLOSED, SNAPSHOT. */
    INVALID_EVENT_TYPE,
    /** The parser itself failed on this message (a bug, reported with the exception); the stream goes on. */
    PARSER_ERROR
}
