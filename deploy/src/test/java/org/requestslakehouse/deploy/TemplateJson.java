package org.requestslakehouse.deploy;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
}
