package org.requestslakehouse.parsing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.text.StringEscapeUtils;
import org.apache.commons.text.TextStringBuilder;

/**
 * Value clean-up for the quirks of the real exports (job/src/test/resources/real311/README.md). Each method takes the raw
 * published value and returns the canonical one, null for "no value"; where a non-blank value cannot be used it
 * adds an {@code invalid_<column>} flag, so a dropped value is always visible. All methods return their input
 * unchanged, without copying, when it is already clean: that is the common case and this runs on every field.
 */
public final class FieldNormalizers {
    private static final int MIN_WARD = 1;
    /** Boston has had 22 wards since 1920s redistricting. */
    private static final int MAX_WARD = 22;

    private static final int ZIP_LENGTH = 5;
    private static final int PRECINCT_LENGTH = 4;
    private static final String WARD_PREFIX = "ward";
    private static final char PHOTO_SEPARATOR = '|';

    private FieldNormalizers() {}

    /**
     * HTML entities decoded ({@code &amp;} is common in addresses), control characters removed, whitespace of any
     * kind (tabs, line breaks, no-break spaces) collapsed to single spaces and trimmed; blank becomes null.
     */
    public static String text(String raw) {
        if (raw == null) {
            return null;
        }
        int ampersand = raw.indexOf('&');
        String s = ampersand >= 0 ? unescapeHtml(raw, ampersand) : raw;
        if (isClean(s)) {
            return s.isEmpty() ? null : s;
        }
        StringBuilder b = new StringBuilder(s.length());
        boolean spacePending = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isWhitespace(c)) {
                spacePending = b.length() > 0;
            } else if (!Character.isISOControl(c)) {
                if (spacePending) {
                    b.append(' ');
                    spacePending = false;
                }
                b.append(c);
            }
        }
        return b.length() == 0 ? null : b.toString();
    }

    /**
     * {@code StringEscapeUtils.unescapeHtml4}, asked only where an entity can start. Every HTML 4 entity, named or
     * numeric, begins with {@code &}; the library's own loop offers every position of the text to each of its four
     * translators, which made decoding an address with {@code &amp;} in it cost more than parsing its JSON.
     */
    private static String unescapeHtml(String raw, int firstAmpersand) {
        // TextStringBuilder's writer, not a StringWriter: no lock per write, and a range of a string is written
        // without first being copied out as a substring
        TextStringBuilder decoded = new TextStringBuilder(raw.length());
        Writer out = decoded.asWriter();
        boolean changed = false;
        int copied = 0;
        int at = firstAmpersand;
        try {
            while (at >= 0) {
                out.write(raw, copied, at - copied);
                int codePoints = StringEscapeUtils.UNESCAPE_HTML4.translate(raw, at, out);
                if (codePoints == 0) {
                    out.write('&');
                    copied = at + 1;
                } else {
                    changed = true;
                    copied = Character.offsetByCodePoints(raw, at, codePoints);
                }
                at = raw.indexOf('&', copied);
            }
            if (!changed) {
                return raw;
            }
            out.write(raw, copied, raw.length() - copied);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return decoded.toString();
    }

    /** Five digits: {@code 2130.0} and {@code 2130} lost a leading zero and become {@code 02130}; ZIP+4 is cut. */
    public static String zipcode(String raw, DqFlags flags) {
        return zipcode(raw, true, flags);
    }

    /**
     * Five digits; ZIP+4 is cut. {@code restoreLeadingZero}: four digits ({@code 2130}, {@code 2130.0}) lost a
     * leading zero, as New England zips do in spreadsheets; elsewhere four digits are invalid.
     */
    public static String zipcode(String raw, boolean restoreLeadingZero, DqFlags flags) {
        String s = text(raw);
        if (s == null) {
            return null;
        }
        if (s.length() == 10 && s.charAt(5) == '-' && allDigits(s, 0, 5) && allDigits(s, 6, 10)) {
            return s.substring(0, ZIP_LENGTH);
        }
        String digits = wholeNumberDigits(s);
        int minLength = restoreLeadingZero ? ZIP_LENGTH - 1 : ZIP_LENGTH;
        if (digits == null || digits.length() < minLength || digits.length() > ZIP_LENGTH) {
            flags.add(DqFlags.invalid(CanonicalField.ZIPCODE));
            return null;
        }
        return leftPadZeros(digits, ZIP_LENGTH);
    }

    /** {@code Ward 19}, {@code 19}, {@code 03} and {@code 19.0} are all ward 19 or 3; 1..22. */
    public static Integer ward(String raw, DqFlags flags) {
        String s = text(raw);
        if (s == null) {
            return null;
        }
        int start = 0;
        if (s.regionMatches(true, 0, WARD_PREFIX, 0, WARD_PREFIX.length())) {
            start = WARD_PREFIX.length();
            while (start < s.length() && (s.charAt(start) == ' ' || s.charAt(start) == '_' || s.charAt(start) == '-')) {
                start++;
            }
        }
        String digits = wholeNumberDigits(start == 0 ? s : s.substring(start));
        int ward = digits == null || digits.length() > 3 ? -1 : Integer.parseInt(digits);
        if (ward < MIN_WARD || ward > MAX_WARD) {
            flags.add(DqFlags.invalid(CanonicalField.WARD));
            return null;
        }
        return ward;
    }

    /** Four digits, ward then precinct: {@code 306.0} and {@code 306} become {@code 0306}. */
    public static String precinct(String raw, DqFlags flags) {
        String s = text(raw);
        if (s == null) {
            return null;
        }
        String digits = wholeNumberDigits(s);
        if (digits == null || digits.length() > PRECINCT_LENGTH) {
            flags.add(DqFlags.invalid(CanonicalField.PRECINCT));
            return null;
        }
        return leftPadZeros(digits, PRECINCT_LENGTH);
    }

    /**
     * District codes and ids as published ({@code 1B}, {@code E13}, {@code 07}), except that a whole number
     * exported as a float ({@code 4.0}) loses its fraction. Leading zeros are kept: {@code 07} is how the city
     * writes that district.
     */
    public static String code(String raw) {
        String s = text(raw);
        if (s == null) {
            return null;
        }
        int dot = s.indexOf('.');
        if (dot > 0 && allDigits(s, 0, dot) && allZeros(s, dot + 1, s.length())) {
            return s.substring(0, dot);
        }
        return s;
    }

    /** Upper case, for the published on-time status ({@code ONTIME}, {@code OVERDUE}). */
    public static String upperCase(String raw) {
        String s = text(raw);
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    /** URLs joined by {@code |} (with or without spaces around it), trimmed, blanks dropped; null if none. */
    public static String[] photos(String raw) {
        String s = text(raw);
        if (s == null) {
            return null;
        }
        if (s.indexOf(PHOTO_SEPARATOR) < 0) {
            return new String[] {s};
        }
        List<String> urls = new ArrayList<>(4);
        int start = 0;
        while (start <= s.length()) {
            int end = s.indexOf(PHOTO_SEPARATOR, start);
            if (end < 0) {
                end = s.length();
            }
            String url = s.substring(start, end).trim();
            if (!url.isEmpty()) {
                urls.add(url);
            }
            start = end + 1;
        }
        return urls.isEmpty() ? null : urls.toArray(new String[0]);
    }

    /**
     * A positive whole number written as digits, optionally with a zero fraction ({@code 101004143000.0});
     * -1 for anything else, including zero and values beyond a long.
     */
    public static long positiveWholeNumber(String s) {
        String digits = s == null ? null : wholeNumberDigits(s);
        if (digits == null) {
            return -1;
        }
        int start = 0;
        while (start < digits.length() - 1 && digits.charAt(start) == '0') {
            start++;
        }
        if (digits.length() - start > 18) {
            // 19 digits may or may not fit a long; no case id is anywhere near that long
            return -1;
        }
        long value = 0;
        for (int i = start; i < digits.length(); i++) {
            value = value * 10 + (digits.charAt(i) - '0');
        }
        return value > 0 ? value : -1;
    }

    /**
     * A plain decimal number ({@code -71.0587}, {@code 42.35}, {@code 4.2e1}), or null. Checked by hand first so
     * that bad input costs no exception; infinities and NaN are not numbers here.
     */
    public static Double decimal(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.trim();
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) i++;
        int intDigits = countDigits(s, i);
        i += intDigits;
        int fractionDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            fractionDigits = countDigits(s, ++i);
            i += fractionDigits;
        }
        if (intDigits + fractionDigits == 0) {
            return null;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) i++;
            int exponentDigits = countDigits(s, i);
            if (exponentDigits == 0 || exponentDigits > 3) {
                return null;
            }
            i += exponentDigits;
        }
        return i == n ? Double.parseDouble(s) : null;
    }

    /** The digits of {@code 123} or {@code 123.000}, or null when {@code s} is not such a whole number. */
    static String wholeNumberDigits(String s) {
        int n = s.length();
        int dot = s.indexOf('.');
        int intEnd = dot < 0 ? n : dot;
        if (intEnd == 0 || !allDigits(s, 0, intEnd)) {
            return null;
        }
        if (dot < 0) {
            return s;
        }
        return allZeros(s, dot + 1, n) ? s.substring(0, dot) : null;
    }

    private static String leftPadZeros(String digits, int width) {
        if (digits.length() >= width) {
            return digits;
        }
        return "0".repeat(width - digits.length()) + digits;
    }

    private static boolean isClean(String s) {
        int n = s.length();
        if (n == 0) {
            return true;
        }
        if (s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') {
            return false;
        }
        char previous = 'x';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < ' '
                    || (c >= 0x7f && (Character.isISOControl(c) || isWhitespace(c)))
                    || (c == ' ' && previous == ' ')) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    private static boolean isWhitespace(char c) {
        return c == ' '
                || c == '\t'
                || c == '\n'
                || c == '\r'
                || c == '\u000B'
                || c == '\f'
                || Character.isSpaceChar(c)
                || Character.isWhitespace(c);
    }

    private static int countDigits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean allZeros(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }
}
