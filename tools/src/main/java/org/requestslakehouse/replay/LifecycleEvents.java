package org.requestslakehouse.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.requestslakehouse.parsing.CanonicalField;
import org.requestslakehouse.parsing.CityProfiles;

/**
 * Builds the OPENED and CLOSED request events of one published row, in whatever layout and by whichever city (a
 * built-in profile) it was published.
 */
final class LifecycleEvents {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What the case did not have yet when it was opened. */
    private static final Set<CanonicalField> CLOSURE =
            EnumSet.of(CanonicalField.CLOSED_TS, CanonicalField.CLOSURE_REASON, CanonicalField.CLOSED_PHOTOS);

    private LifecycleEvents() {}

    /** The case as it looked when it was opened: status Open, closure columns blank. */
    static byte[] opened(byte[] rowJson, Instant openTs) throws IOException {
        ObjectNode row = (ObjectNode) JSON.readTree(rowJson);
        for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Set<CanonicalField> fields = CityProfiles.builtInFields(e.getKey());
            if (!Collections.disjoint(fields, CLOSURE)) {
                e.setValue(row.textNode(""));
            } else if (fields.contains(CanonicalField.CASE_STATUS)) {
                e.setValue(row.textNode("Open"));
            }
        }
        return withEnvelope(row, "OPENED", openTs);
    }

    static byte[] closed(byte[] rowJson, Instant emittedAt) throws IOException {
        return withEnvelope((ObjectNode) JSON.readTree(rowJson), "CLOSED", emittedAt);
    }

    static byte[] snapshot(byte[] rowJson) {
        return rowJson;
    }

    private static byte[] withEnvelope(ObjectNode row, String eventType, Instant emittedAt) throws IOException {
        row.put("event_type", eventType);
        row.put("emitted_at", emittedAt.toString());
        return JSON.writeValueAsBytes(row);
    }
}
