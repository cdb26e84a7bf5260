package org.requestslakehouse.parsing;

/**
 * Finds a JSON string escape that denotes one half of a UTF-16 surrogate pair without the other, such as
 * <code>"&#92;uD83D"</code> alone. JSON's grammar allows it, Jackson returns it as an unpaired {@code char}, and every
 * later step would alter it silently: Flink's and Parquet's UTF-8 encoders write {@code ?} in its place. Raw
 * (unescaped) text needs no check, because {@link StrictUtf8Decoder} only yields complete pairs.
 */
final class LoneSurrogates {
    /** Backslash, {@code u}, four hex digits. */
    private static final int ESCAPE_LENGTH = 6;

    private LoneSurrogates() {}

    /**
     * @param text valid JSON, so that a backslash can only start a complete escape inside a string
     * @return the index of the first escape that is half a pair, or -1
     */
    static int find(char[] text, int from, int to) {
        int i = from;
        while (i < to) {
            if (text[i] != '\\') {
                i++;
            } else if (text[i + 1] != 'u') {
                i += 2;
            } else {
                char unit = escapedUnit(text, i);
                if (Character.isLowSurrogate(unit)) {
                    return i;
                }
                if (Character.isHighSurrogate(unit)) {
                    int next = i + ESCAPE_LENGTH;
                    boolean paired = next + ESCAPE_LENGTH <= to
                            && text[next] == '\\'
                            && text[next + 1] == 'u'
                            && Character.isLowSurrogate(escapedUnit(text, next));
                    if (!paired) {
                        return i;
                    }
                    i = next;
                }
                i += ESCAPE_LENGTH;
            }
        }
        return -1;
    }

    private static char escapedUnit(char[] text, int escapeStart) {
        int value = 0;
        for (int k = escapeStart + 2; k < escapeStart + ESCAPE_LENGTH; k++) {
            value = value << 4 | Character.digit(text[k], 16);
        }
        return (char) value;
    }
}
