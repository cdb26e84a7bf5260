package org.requestslakehouse.gold.lifecycle;

import java.util.regex.Pattern;
import org.requestslakehouse.model.ServiceRequest;

/**
 * The dimension values a case is counted under in gold, normalised so that spelling noise in the published
 * extracts ("Roxbury ", "South  Boston", empty cells) does not split one group into several rows.
 * Normalisation is idempotent, so values that went through it once may pass through it again.
 */
public record CaseDimensions(String city, String neighborhood, String department, String type) {
    /** The value of a dimension the case did not state. */
    public static final String UNKNOWN = "UNKNOWN";

    // Unicode-aware so that the no-break spaces found in the published extracts collapse like ordinary ones.
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    public CaseDimensions {
        city = normalise(city);
        neighborhood = normalise(neighborhood);
        department = normalise(department);
        type = normalise(type);
    }

    public static CaseDimensions of(ServiceRequest request) {
        return new CaseDimensions(request.city, request.neighborhood, request.department, request.type);
    }

    /** Trimmed, inner whitespace runs collapsed to one space; null or blank becomes {@link #UNKNOWN}. */
    public static String normalise(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        // Key selectors call this for every delta on both sides of each exchange: skip the regex when there is
        // nothing to collapse, which is almost always, since the parser already cleaned these values.
        if (isPrintableAsciiWithSingleInnerSpaces(raw)) {
            return raw;
        }
        String collapsed = WHITESPACE.matcher(raw).replaceAll(" ").strip();
        return collapsed.isEmpty() ? UNKNOWN : collapsed;
    }

    private static boolean isPrintableAsciiWithSingleInnerSpaces(String s) {
        int n = s.length();
        if (n == 0 || s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') {
            return false;
        }
        char previous = 'x';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < ' ' || c > '~' || (c == ' ' && previous == ' ')) {
                return false;
            }
            previous = c;
        }
        return true;
    }
}
