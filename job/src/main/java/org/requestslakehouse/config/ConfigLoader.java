package org.requestslakehouse.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Loads {@link JobConfig} from the three places it can come from, each in the same PropertyGroupId/PropertyMap
 * shape: MSF runtime properties, a local JSON file (the format of MSF's local-development
 * {@code application_properties.json}), and {@code group.key=value} overrides from the command line, applied last.
 */
public final class ConfigLoader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigLoader() {}

    public static JobConfig load(Path jsonFile, Map<String, String> overrides) {
        return JobConfig.fromGroups(groups(jsonFile, overrides));
    }

    /** The raw settings {@link #load} validates, for callers that must know which ones were given explicitly. */
    public static Map<String, Map<String, String>> groups(Path jsonFile, Map<String, String> overrides) {
        Map<String, Map<String, String>> groups = jsonFile == null ? new LinkedHashMap<>() : readJson(jsonFile);
        applyOverrides(groups, overrides);
        return groups;
    }

    /** MSF hands over one {@link Properties} per group; keys and values are strings already. */
    public static JobConfig fromRuntimeProperties(Map<String, Properties> runtime, Map<String, String> overrides) {
        Map<String, Map<String, String>> groups = new LinkedHashMap<>();
        for (Map.Entry<String, Properties> e : runtime.entrySet()) {
            Map<String, String> values = new LinkedHashMap<>();
            e.getValue().forEach((k, v) -> values.put(String.valueOf(k), String.valueOf(v)));
            groups.put(e.getKey(), values);
        }
        applyOverrides(groups, overrides);
        return JobConfig.fromGroups(groups);
    }

    static Map<String, Map<String, String>> readJson(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("Config file " + file + " does not exist");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parseGroups(JSON.readTree(in), file.toString());
        } catch (IOException e) {
            throw new ConfigException("Config file " + file + " is not valid JSON: " + e.getMessage());
        }
    }

    static Map<String, Map<String, String>> parseGroups(JsonNode root, String origin) {
        if (root == null || !root.isArray()) {
            throw new ConfigException(
                    origin + ": expected a JSON array of {\"PropertyGroupId\": ..., \"PropertyMap\": {...}}");
        }
        Map<String, Map<String, String>> groups = new LinkedHashMap<>();
        for (JsonNode group : root) {
            JsonNode id = group.get("PropertyGroupId");
            JsonNode map = group.get("PropertyMap");
            if (id == null || !id.isTextual() || map == null || !map.isObject()) {
                throw new ConfigException(
                        origin + ": every element needs a string PropertyGroupId and an object PropertyMap");
            }
            Map<String, String> values = groups.computeIfAbsent(id.asText(), k -> new LinkedHashMap<>());
            for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isContainerNode()) {
                    throw ConfigException.invalid(
                            id.asText() + "." + e.getKey(), e.getValue().toString(), "a string, number or boolean");
                }
                values.put(e.getKey(), e.getValue().asText());
            }
        }
        return groups;
    }

    /** @param overrides keys in {@code group.key} form, e.g. {@code gold.emit-interval} */
    static void applyOverrides(Map<String, Map<String, String>> groups, Map<String, String> overrides) {
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            String qualified = e.getKey();
            int dot = qualified.indexOf('.');
            if (dot <= 0 || dot == qualified.length() - 1) {
                throw new ConfigException("Invalid setting name '" + qualified + "': expected group.key, e.g. "
                        + GoldSettings.EMIT_INTERVAL.qualified());
            }
            groups.computeIfAbsent(qualified.substring(0, dot), k -> new LinkedHashMap<>())
                    .put(qualified.substring(dot + 1), e.getValue());
        }
    }
}
