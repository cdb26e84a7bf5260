package org.requestslakehouse.parsing;

import java.io.Serializable;
import java.time.Instant;

/**
 * Reads the category and the quoted close time out of a {@code closure_reason} text. The exports use three shapes:
 * <pre>
 * Case Closed Case Resolved replaced 100 amp fuse ...                              (2011)
 * Case Closed. Closed date : Wed Jan 19 11:42:16 EST 2022 Resolved Removed df     (2019+, Date#toString)
 * Case Closed. Closed date : 2022-01-03 10:11:24.96 Case Invalid                   (2019+, SQL timestamp)
 * </pre>
 * and a bare status ({@code Case Noted}, {@code Case Invalid}) is accepted too. The verb or status code after the
 * prefix and the date decides the category (see {@link ClosureCategory}); the free note after it is ignored, so
 * "Noted Case noted. Duplicate case." is NOTED. The quoted time is parsed by {@link TimestampParser}: its zone
 * abbreviation (EST/EDT) is honoured, a SQL timestamp is Boston wall-clock time.
 *
 * <p>Expects text already through {@link FieldNormalizers#text}, so runs of whitespace are single spaces.
 * Thread-safe.
 */
public final class ClosureReasonParser implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final String CLOSED_PREFIX = "Case Closed";
    private static final String CLOSED_DATE = "Closed date";
    private static final String CASE_WORD = "Case ";
    /** Tokens in {@code Wed Jan 19 11:42:16 EST 2022} and in {@code 2022-01-03 10:11:24.96}. */
    private static final int DATE_TO_STRING_TOKENS = 6;

    private static final int SQL_TIMESTAMP_TOKENS = 2;

    private static final String[] PHRASES = {
        "Resolved",
        "Scheduled",
        "Noted",
        "Invalid",
        "Duplicate",
        "Internal Case",
        "Bulk Item Automation",
        "VIOISS",
        "VIOCOR",
        "NOVIO",
        "ADCLSD"
    };
    private static final ClosureCategory[] CATEGORIES = {
        ClosureCategory.RESOLVED,
        ClosureCategory.SCHEDULED,
        ClosureCategory.NOTED,
        ClosureCategory.INVALID,
        ClosureCategory.DUPLICATE,
        ClosureCategory.INTERNAL,
        ClosureCategory.SCHEDULED,
        ClosureCategory.VIOLATION_ISSUED,
        ClosureCategory.RESOLVED,
        ClosureCategory.NO_VIOLATION,
        ClosureCategory.ADMINISTRATIVE
    };

    private final TimestampParser timestamps;

    public ClosureReasonParser(TimestampParser timestamps) {
        this.timestamps = timestamps;
    }

    /**
     * @param reportedTs          the close time quoted in the text, null when it quotes none or it is unreadable
     * @param reportedTsUnreadable the text has a "Closed date :" whose time could not be parsed
     */
    public record ParsedClosure(ClosureCategory category, Instant reportedTs, boolean reportedTsUnreadable) {}

    /** @param text normalised closure text; null (an open case's blank reason) gives null */
    public ParsedClosure parse(String text) {
        if (text == null) {
            return null;
        }
        int pos = 0;
        if (startsWith(text, pos, CLOSED_PREFIX)) {
            pos = skipSpaces(text, skip(text, pos + CLOSED_PREFIX.length(), '.'));
        }
        Instant reported = null;
        boolean unreadable = false;
        if (startsWith(text, pos, CLOSED_DATE)) {
            int start = skipSpaces(text, skip(text, skipSpaces(text, pos + CLOSED_DATE.length()), ':'));
            int end = endOfTimestamp(text, start);
            reported = timestamps.parse(text, start, end);
            unreadable = reported == null;
            if (unreadable) {
                // where an unreadable time ends is unknown: take the first known wording after its start
                return new ParsedClosure(firstCategoryFrom(text, start), null, true);
            }
            pos = skipSpaces(text, end);
        }
        ClosureCategory category = categoryAt(text, pos);
        return new ParsedClosure(category == null ? ClosureCategory.OTHER : category, reported, unreadable);
    }

    private static ClosureCategory firstCategoryFrom(String text, int pos) {
        while (pos < text.length()) {
            ClosureCategory category = categoryAt(text, pos);
            if (category != null) {
                return category;
            }
            int space = text.indexOf(' ', pos);
            pos = space < 0 ? text.length() : space + 1;
        }
        return ClosureCategory.OTHER;
    }

    /** The category of the wording at {@code pos}, or null if none starts there. */
    private static ClosureCategory categoryAt(String text, int pos) {
        ClosureCategory category = phraseAt(text, pos);
        if (category == null && startsWith(text, pos, CASE_WORD)) {
            category = phraseAt(text, pos + CASE_WORD.length());
        }
        return category;
    }

    private static ClosureCategory phraseAt(String text, int pos) {
        for (int i = 0; i < PHRASES.length; i++) {
            String phrase = PHRASES[i];
            int end = pos + phrase.length();
            if (startsWith(text, pos, phrase) && (end == text.length() || !Character.isLetter(text.charAt(end)))) {
                return CATEGORIES[i];
            }
        }
        return null;
    }

    /** Where the quoted time ends: after six tokens for the Date#toString form, two for the SQL form. */
    private static int endOfTimestamp(String text, int start) {
        if (start >= text.length()) {
            return start;
        }
        int tokens = Character.isLetter(text.charAt(start)) ? DATE_TO_STRING_TOKENS : SQL_TIMESTAMP_TOKENS;
        int pos = start;
        for (int t = 0; t < tokens && pos < text.length(); t++) {
            pos = skipSpaces(text, pos);
            while (pos < text.length() && text.charAt(pos) != ' ') {
                pos++;
            }
        }
        return pos;
    }

    private static boolean startsWith(String text, int pos, String prefix) {
        return text.regionMatches(true, pos, prefix, 0, prefix.length());
    }

    private static int skip(String text, int pos, char c) {
        return pos < text.length() && text.charAt(pos) == c ? pos + 1 : pos;
    }

    private static int skipSpaces(String text, int pos) {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
        return pos;
    }
}
