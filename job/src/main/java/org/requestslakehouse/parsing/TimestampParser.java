package org.requestslakehouse.parsing;

import java.io.Serializable;
import java.text.ParsePosition;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Parses every timestamp form the 311 exports and their envelopes use, returning null for anything else instead
 * of throwing, because a bad timestamp is an ordinary data-quality event, not an exception, and this runs several
 * times per message.
 *
 * <ul>
 *   <li>{@code yyyy-MM-dd HH:mm:ss} (2019+ exports), {@code T} instead of the space, seconds optional, an optional
 *       fraction of 1-9 digits, an optional {@code Z} or {@code ±HH[:mm]} offset (ISO-8601);</li>
 *   <li>{@code MM/dd/yyyy hh:mm:ss a} (2011 export), one-digit month, day and hour accepted, seconds optional, and
 *       24-hour time when AM/PM is absent;</li>
 *   <li>{@code EEE MMM dd HH:mm:ss zzz yyyy}, {@code java.util.Date#toString()} as quoted in closure texts, with
 *       the North American zone abbreviations and UTC/GMT.</li>
 * </ul>
 *
 * <p>A time with an offset or zone abbreviation is taken at that offset. A time without one is Boston wall-clock
 * time (the configured zone); where that is ambiguous the rule is the one of {@link java.time.ZonedDateTime#of}:
 * a time in the spring-forward gap is moved forward by the length of the gap (02:30 becomes 03:30 EDT), and a time
 * in the fall-back overlap is the first occurrence, on daylight time (01:30 becomes 01:30 EDT).
 *
 * <p>Years outside {@value #MIN_YEAR}..{@value #MAX_YEAR} are rejected: in this data they are typing errors or
 * epoch defaults, never real cases. Immutable and thread-safe.
 */
public final class TimestampParser implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final int MIN_YEAR = 1990;
    public static final int MAX_YEAR = 2100;
    private static final int NO_OFFSET = Integer.MIN_VALUE;
    private static final int MAX_OFFSET_SECONDS = 18 * 3600;

    private final ZoneId zone;
    /** Built on first use, also after deserialization, which leaves it null. */
    private transient LocalOffsets offsets;
    /** A city profile's own forms ({@code M/d/yy H:mm}), tried only when the built-in forms fail. */
    private final transient DateTimeFormatter[] extraFormats;

    public TimestampParser(ZoneId zone) {
        this(zone, new DateTimeFormatter[0]);
    }

    TimestampParser(ZoneId zone, DateTimeFormatter[] extraFormats) {
        this.zone = zone;
        this.extraFormats = extraFormats;
    }

    /** The zone of local times without an offset. */
    public ZoneId zone() {
        return zone;
    }

    /** The instant {@code text} denotes, or null if it is not a supported timestamp in the accepted range. */
    public Instant parse(String text) {
        return text == null ? null : parse(text, 0, text.length());
    }

    /** As {@link #parse(String)} for {@code text[from, to)}; surrounding whitespace is ignored. */
    public Instant parse(String text, int from, int to) {
        while (from < to && text.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && text.charAt(to - 1) <= ' ') {
            to--;
        }
        if (to - from < 8) {
            return null;
        }
        Cursor c = new Cursor(text, from, to);
        char first = text.charAt(from);
        Instant builtIn;
        if (isDigit(first)) {
            boolean usDate = text.charAt(from + 1) == '/' || text.charAt(from + 2) == '/';
            builtIn = usDate ? usDateTime(c) : isoDateTime(c);
        } else {
            builtIn = isLetter(first) ? dateToString(c) : null;
        }
        return builtIn != null || extraFormats == null || extraFormats.length == 0
                ? builtIn
                : extraFormat(text.substring(from, to));
    }

    /**
     * The first of the profile's formats that reads the whole text. Parsed unresolved, so that a mismatch costs
     * no exception, then checked and converted like the built-in forms.
     */
    private Instant extraFormat(String text) {
        for (DateTimeFormatter format : extraFormats) {
            ParsePosition position = new ParsePosition(0);
            TemporalAccessor t = format.parseUnresolved(text, position);
            if (t == null || position.getErrorIndex() >= 0 || position.getIndex() != text.length()) {
                continue;
            }
            int year = field(t, ChronoField.YEAR, field(t, ChronoField.YEAR_OF_ERA, -1));
            int month = field(t, ChronoField.MONTH_OF_YEAR, -1);
            int day = field(t, ChronoField.DAY_OF_MONTH, -1);
            int hour = field(t, ChronoField.HOUR_OF_DAY, -1);
            if (hour < 0) {
                int clock = field(t, ChronoField.CLOCK_HOUR_OF_AMPM, field(t, ChronoField.HOUR_OF_AMPM, -1));
                int amPm = field(t, ChronoField.AMPM_OF_DAY, -1);
                hour = clock < 0 || amPm < 0 || clock > 12 ? -1 : clock % 12 + 12 * amPm;
            }
            int minute = field(t, ChronoField.MINUTE_OF_HOUR, 0);
            int second = field(t, ChronoField.SECOND_OF_MINUTE, 0);
            int nanos = field(t, ChronoField.NANO_OF_SECOND, 0);
            int offset = field(t, ChronoField.OFFSET_SECONDS, NO_OFFSET);
            if (year < 0 || month < 0 || day < 0 || hour < 0) {
                continue;
            }
            Instant instant = instant(year, month, day, hour, minute, second, nanos, offset);
            if (instant != null) {
                return instant;
            }
        }
        return null;
    }

    private static int field(TemporalAccessor t, ChronoField field, int absent) {
        return t.isSupported(field) ? (int) t.getLong(field) : absent;
    }

    private Instant isoDateTime(Cursor c) {
        int year = c.number(4, 4);
        if (year < 0 || !c.accept('-')) return null;
        int month = c.number(2, 2);
        if (month < 0 || !c.accept('-')) return null;
        int day = c.number(2, 2);
        if (day < 0 || !(c.accept(' ') || c.accept('T') || c.accept('t'))) return null;
        int hour = c.number(2, 2);
        if (hour < 0 || !c.accept(':')) return null;
        int minute = c.number(2, 2);
        if (minute < 0) return null;
        int second = 0;
        int nanos = 0;
        if (c.accept(':')) {
            second = c.number(2, 2);
            if (second < 0) return null;
            if (c.accept('.') || c.accept(',')) {
                nanos = c.fractionAsNanos();
                if (nanos < 0) return null;
            }
        }
        int offsetSeconds = NO_OFFSET;
        if (!c.atEnd()) {
            offsetSeconds = c.offsetSeconds();
            if (offsetSeconds == NO_OFFSET || !c.atEnd()) return null;
        }
        return instant(year, month, day, hour, minute, second, nanos, offsetSeconds);
    }

    private Instant usDateTime(Cursor c) {
        int month = c.number(1, 2);
        if (month < 0 || !c.accept('/')) return null;
        int day = c.number(1, 2);
        if (day < 0 || !c.accept('/')) return null;
        int year = c.number(4, 4);
        if (year < 0 || !c.skipSpaces()) return null;
        int hour = c.number(1, 2);
        if (hour < 0 || !c.accept(':')) return null;
        int minute = c.number(2, 2);
        if (minute < 0) return null;
        int second = 0;
        if (c.accept(':')) {
            second = c.number(2, 2);
            if (second < 0) return null;
        }
        if (c.skipSpaces()) {
            boolean pm;
            if (c.acceptIgnoreCase("AM")) {
                pm = false;
            } else if (c.acceptIgnoreCase("PM")) {
                pm = true;
            } else {
                return null;
            }
            if (hour < 1 || hour > 12) return null;
            hour = hour % 12 + (pm ? 12 : 0);
        }
        return c.atEnd() ? instant(year, month, day, hour, minute, second, 0, NO_OFFSET) : null;
    }

    private Instant dateToString(Cursor c) {
        if (c.letters() != 3 || !c.accept(' ')) return null;
        int month = c.monthName();
        if (month < 0 || !c.accept(' ')) return null;
        int day = c.number(1, 2);
        if (day < 0 || !c.accept(' ')) return null;
        int hour = c.number(2, 2);
        if (hour < 0 || !c.accept(':')) return null;
        int minute = c.number(2, 2);
        if (minute < 0 || !c.accept(':')) return null;
        int second = c.number(2, 2);
        if (second < 0 || !c.accept(' ')) return null;
        int offsetSeconds = c.zoneAbbreviationOffset();
        if (offsetSeconds == NO_OFFSET || !c.accept(' ')) return null;
        int year = c.number(4, 4);
        if (year < 0 || !c.atEnd()) return null;
        return instant(year, month, day, hour, minute, second, 0, offsetSeconds);
    }

    private Instant instant(
            int year, int month, int day, int hour, int minute, int second, int nanos, int offsetSeconds) {
        if (year < MIN_YEAR
                || year > MAX_YEAR
                || month < 1
                || month > 12
                || day < 1
                || day > Month.of(month).length(Year.isLeap(year))
                || hour > 23
                || minute > 59
                || second > 59) {
            return null;
        }
        long local = LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3_600L + minute * 60L + second;
        int offset = offsetSeconds != NO_OFFSET ? offsetSeconds : offsets().offsetSeconds(local);
        return Instant.ofEpochSecond(local - offset, nanos);
    }

    private LocalOffsets offsets() {
        LocalOffsets o = offsets;
        if (o == null) {
            o = LocalOffsets.of(zone.getRules(), MIN_YEAR, MAX_YEAR);
            offsets = o;
        }
        return o;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** A read position over {@code text[pos, end)}; short-lived, so the JIT can keep it off the heap. */
    private static final class Cursor {
        private final String text;
        private final int end;
        private int pos;

        Cursor(String text, int pos, int end) {
            this.text = text;
            this.pos = pos;
            this.end = end;
        }

        boolean atEnd() {
            return pos >= end;
        }

        boolean accept(char expected) {
            if (pos < end && text.charAt(pos) == expected) {
                pos++;
                return true;
            }
            return false;
        }

        boolean acceptIgnoreCase(String expected) {
            if (pos + expected.length() <= end && text.regionMatches(true, pos, expected, 0, expected.length())) {
                pos += expected.length();
                return true;
            }
            return false;
        }

        /** Skips one or more spaces; false if there was none. */
        boolean skipSpaces() {
            int start = pos;
            while (pos < end && text.charAt(pos) == ' ') {
                pos++;
            }
            return pos > start;
        }

        /** The value of {@code min..max} decimal digits, or -1 when fewer than {@code min} are there. */
        int number(int min, int max) {
            int value = 0;
            int digits = 0;
            while (digits < max && pos < end && isDigit(text.charAt(pos))) {
                value = value * 10 + (text.charAt(pos++) - '0');
                digits++;
            }
            return digits >= min ? value : -1;
        }

        /** 1 to 9 fraction digits as nanoseconds, or -1. */
        int fractionAsNanos() {
            int start = pos;
            int value = number(1, 9);
            if (value < 0) return -1;
            for (int digits = pos - start; digits < 9; digits++) {
                value *= 10;
            }
            return value;
        }

        /** {@code Z} or {@code ±HH[[:]mm]} in seconds, or NO_OFFSET. */
        int offsetSeconds() {
            if (accept('Z') || accept('z')) {
                return 0;
            }
            int sign = accept('+') ? 1 : accept('-') ? -1 : 0;
            if (sign == 0) return NO_OFFSET;
            int hours = number(2, 2);
            if (hours < 0) return NO_OFFSET;
            int minutes = 0;
            if (!atEnd()) {
                accept(':');
                minutes = number(2, 2);
                if (minutes < 0 || minutes > 59) return NO_OFFSET;
            }
            int seconds = hours * 3600 + minutes * 60;
            return seconds > MAX_OFFSET_SECONDS ? NO_OFFSET : sign * seconds;
        }

        /** Skips a run of ASCII letters and returns how many there were. */
        int letters() {
            int start = pos;
            while (pos < end && isLetter(text.charAt(pos))) {
                pos++;
            }
            return pos - start;
        }

        /** English three-letter month abbreviation, any case, as 1..12; -1 otherwise. */
        int monthName() {
            if (pos + 3 > end) return -1;
            int key =
                    (lower(text.charAt(pos)) << 16) | (lower(text.charAt(pos + 1)) << 8) | lower(text.charAt(pos + 2));
            pos += 3;
            return switch (key) {
                case ('j' << 16) | ('a' << 8) | 'n' -> 1;
                case ('f' << 16) | ('e' << 8) | 'b' -> 2;
                case ('m' << 16) | ('a' << 8) | 'r' -> 3;
                case ('a' << 16) | ('p' << 8) | 'r' -> 4;
                case ('m' << 16) | ('a' << 8) | 'y' -> 5;
                case ('j' << 16) | ('u' << 8) | 'n' -> 6;
                case ('j' << 16) | ('u' << 8) | 'l' -> 7;
                case ('a' << 16) | ('u' << 8) | 'g' -> 8;
                case ('s' << 16) | ('e' << 8) | 'p' -> 9;
                case ('o' << 16) | ('c' << 8) | 't' -> 10;
                case ('n' << 16) | ('o' << 8) | 'v' -> 11;
                case ('d' << 16) | ('e' << 8) | 'c' -> 12;
                default -> -1;
            };
        }

        /**
         * The offset a {@code Date#toString()} zone abbreviation stands for. Only unambiguous ones: the city's
         * servers write EST/EDT; the other North American zones and UTC/GMT are there for re-published files.
         */
        int zoneAbbreviationOffset() {
            int start = pos;
            int length = letters();
            if (length < 2 || length > 4) return NO_OFFSET;
            String abbreviation = text.substring(start, pos).toUpperCase(Locale.ROOT);
            int hours = switch (abbreviation) {
                case "UTC", "GMT", "UT" -> 0;
                case "EDT" -> -4;
                case "EST", "CDT" -> -5;
                case "CST", "MDT" -> -6;
                case "MST", "PDT" -> -7;
                case "PST" -> -8;
                default -> Integer.MAX_VALUE;
            };
            return hours == Integer.MAX_VALUE ? NO_OFFSET : hours * 3600;
        }

        private static int lower(char c) {
            return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
        }
    }
}
