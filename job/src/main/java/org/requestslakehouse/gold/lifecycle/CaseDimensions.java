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
        String collapsed = WHITESPACE.matcher(raw).replaceAll(" ").strip();
        return collapsed.isEmpty() ? UNKNOWN : collapsed;
    }
}
