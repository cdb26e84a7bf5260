package org.requestslakehouse.parsing;

import com.fasterxml.jackson.core.JsonFactory;
import java.util.Arrays;
import org.requestslakehouse.model.SourceLayout;

/**
 * One message's values by {@link CanonicalField}, instead of a map per message, plus the layout votes and the
 * extra fields. Reused message after message after {@link #clear()}.
 */
final class EventFields {
    private static final int LAYOUTS = SourceLayout.values().length;

    private final String[] values = new String[CanonicalField.COUNT];
    private final boolean[] present = new boolean[CanonicalField.COUNT];
    private final boolean[] structured = new boolean[CanonicalField.COUNT];
    private final int[] layoutVotes = new int[LAYOUTS];
    final ExtraFields extras;

    EventFields(JsonFactory json) {
        this.extras = new ExtraFields(json);
    }

    void clear() {
        Arrays.fill(values, null);
        Arrays.fill(present, false);
        Arrays.fill(structured, false);
        Arrays.fill(layoutVotes, 0);
        extras.clear();
    }

    /** The value as published (JSON string, number text or boolean), null for JSON null or an absent key. */
    String get(CanonicalField field) {
        return values[field.ordinal()];
    }

    /** Some key for this field was in the message, whatever its value. */
    boolean present(CanonicalField field) {
        return present[field.ordinal()];
    }

    /** The field came as a JSON object or array, which no field can use. */
    boolean structured(CanonicalField field) {
        return structured[field.ordinal()];
    }

    void markStructured(CanonicalField field) {
        present[field.ordinal()] = true;
        structured[field.ordinal()] = true;
    }

    /**
     * Takes {@code value} unless the field already has a non-blank one; returns false when the value conflicts
     * with the one already there (different and non-blank), so the caller can keep it elsewhere.
     */
    boolean offer(CanonicalField field, String value) {
        int i = field.ordinal();
        present[i] = true;
        String current = values[i];
        if (isBlank(current)) {
            if (current == null || !isBlank(value)) {
                values[i] = value;
            }
            return true;
        }
        return isBlank(value) || value.equals(current);
    }

    void vote(SourceLayout layout) {
        layoutVotes[layout.ordinal()]++;
    }

    SourceLayout layout() {
        return ColumnAliases.decide(layoutVotes);
    }

    static boolean isBlank(String s) {
        if (s == null) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i)) && !Character.isSpaceChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
