package org.requestslakehouse.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The synthesised template as stable, diff-friendly JSON: two-space indentation, {@code "key": value}, keys in
 * the order CDK emits them (which is deterministic), LF line endings and a final newline.
 */
final class TemplateJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TemplateJson() {}

    static String format(Map<String, Object> template) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return MAPPER.writer(printer).writeValueAsString(template) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Template is not serialisable as JSON", e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    static JsonNode tree(Map<String, Object> template) {
        return MAPPER.valueToTree(template);
    }

    /** JSON paths where the two documents differ (at most {@code limit}), for a readable failure message. */
    static List<String> differences(JsonNode expected, JsonNode actual, int limit) {
        List<String> out = new ArrayList<>();
        collectDifferences("$", expected, actual, out, limit);
        return out;
    }

    private static void collectDifferences(
            String path, JsonNode expected, JsonNode actual, List<String> out, int limit) {
        if (out.size() >= limit || expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            Set<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                collectDifferences(path + "." + name, expected.path(name), actual.path(name), out, limit);
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                collectDifferences(path + "[" + i + "]", expected.get(i), actual.get(i), out, limit);
            }
        } else {
            out.add(path + ": " + abbreviate(expected) + " -> " + abbreviate(actual));
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.isMissingNode() ? "(absent)" : node.toString();
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
