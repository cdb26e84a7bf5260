package org.requestslakehouse.model;

/** Why a message went to {@code silver.rejected_events}. Codes are stable: dashboards and alerts key on them. */
public enum RejectReason {
    /** Larger than {@code parse.max-payload-bytes}; rejected before any parsing so memory stays bounded. */
    PAYLOAD_TOO_LARGE,
    /** Empty or whitespace-only message. */
    EMPTY_PAYLOAD,
    /**
     * Bytes are not valid UTF-8, or a JSON string escape denotes one half of a UTF-16 surrogate pair: either way
     * the text is not valid Unicode, and no string column could hold it without altering it.
     */
    INVALID_ENCODING,
    /** Not parseable as JSON: truncated, invalid syntax, unescaped control characters, trailing content. */
    MALFORMED_JSON,
    /** Valid syntax, but one object names the same key twice: which value is meant is ambiguous. */
    DUPLICATE_KEY,
    /** Objects or arrays nested deeper than the parser follows (32 levels; request events are flat). */
    NESTING_TOO_DEEP,
    /** A key or a number longer than the parser accepts (1,000 characters); strings are bounded by the payload limit. */
    TOKEN_TOO_LONG,
    /** Valid JSON but not an object (array, string, number...). */
    NOT_AN_OBJECT,
    /**
     * The city profile forced by {@code parse.city} or {@code parse.city-profile} knows none of the message's keys:
     * it is another city's data, or a shape no profile describes (docs/cities.md).
     */
    UNKNOWN_LAYOUT,
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
    /**
     * A CSV record whose quoting is broken: a quoted field that is not closed within the reader's bounds (or
     * whose closing quote makes a record of the wrong shape), or text after a closing quote. Only the line the
     * quote opens on is rejected; reading resumes on the next line.
     */
    BROKEN_QUOTING,
    /** A CSV record with more or fewer fields than the file's header. */
    WRONG_FIELD_COUNT,
    /** A CSV record containing a NUL byte: binary content or zero padding, never part of a 311 export. */
    NUL_BYTE,
    /** The CSV file's header line is unusable (broken quoting, not UTF-8, a NUL byte), so no record can be keyed. */
    UNREADABLE_HEADER,
    /** A gzip-compressed CSV file ends before its compressed stream does: the records before the cut are read. */
    TRUNCATED_GZIP,
    /** A gzip-compressed CSV file whose compressed data is damaged: the records decoded before the damage are read. */
    CORRUPT_GZIP,
    /** The parser itself failed on this message (a bug, reported with the exception); the stream goes on. */
    PARSER_ERROR
}
