package org.requestslakehouse.dashboard;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query parameters of a request, decoded. Strict on purpose: a parameter the endpoint does not know, a
 * repeated one or broken percent-encoding is a client mistake and answered with 400, never guessed at.
 */
public final class QueryString {
    /** Far beyond any filter this API takes; bounds the work a hostile query can cause. */
    static final int MAX_LENGTH = 2048;

    private final Map<String, String> values;

    private QueryString(Map<String, String> values) {
        this.values = values;
    }

    /** @param rawQuery the URI's raw (still encoded) query, or null for none */
    public static QueryString parse(String rawQuery, Set<String> allowed) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return new QueryString(values);
        }
        if (rawQuery.length() > MAX_LENGTH) {
            throw ApiException.badRequest("Query string longer than " + MAX_LENGTH + " characters");
        }
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!allowed.contains(name)) {
                throw ApiException.badRequest("Unknown query parameter '" + printable(name) + "'; "
                        + (allowed.isEmpty()
                                ? "this endpoint takes none"
                                : "allowed: " + String.join(", ", new TreeSet<>(allowed))));
            }
            if (values.putIfAbsent(name, value) != null) {
                throw ApiException.badRequest("Query parameter '" + name + "' given more than once");
            }
        }
        return new QueryString(values);
    }

    /** The value, or null when the parameter is absent or empty (an empty filter field means "all"). */
    public String get(String name) {
        String value = values.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }

    private static String decode(String encoded) {
        try {
            return java.net.URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Malformed percent-encoding in the query string");
        }
    }

    /** Echoes client input in an error message without control characters or unbounded length. */
    static String printable(String clientValue) {
        String cleaned = clientValue
                .codePoints()
                .filter(c -> !Character.isISOControl(c))
                .limit(80)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return clientValue.codePointCount(0, clientValue.length()) > 80 ? cleaned + "..." : cleaned;
    }
}
