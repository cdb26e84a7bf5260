package org.requestslakehouse.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import org.requestslakehouse.parsing.CanonicalField;
import org.requestslakehouse.parsing.ColumnAliases;

/** Builds the OPENED and CLOSED request events of one CSV row, in whatever layout the row was published. */
final class LifecycleEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LifecycleEvents() {}

    /** The case as it looked when it was opened: status Open, closure columns blank. */
    static byte[] opened(byte[] rowJson, Instant openTs) throws IOException {
        ObjectNode row = (ObjectNode) JSON.readTree(rowJson);
        for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = row.fields(); it.hasNext(); ) {
            Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e = it.next();
            CanonicalField field = ColumnAliases.field(e.getKey());
            if (field == CanonicalField.CLOSED_TS
                    || field == CanonicalField.CLOSURE_REASON
                    || field == CanonicalField.CLOSED_PHOTOS) {
                e.setValue(row.textNode(""));
            } else if (field == CanonicalField.CASE_STATUS) {
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
