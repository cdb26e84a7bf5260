package org.requestslakehouse.replay;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LifecycleEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant OPENED = Instant.parse("2022-05-01T04:07:00Z");

    @Test
    void aBostonRowOpensWithoutItsClosure() throws Exception {
        assertThat(opened(Map.of(
                        "case_enquiry_id", "101004113298",
                        "case_status", "Closed",
                        "closed_dt", "2022-05-02 10:00:00",
                        "closure_reason", "Case Closed. Case Resolved.",
                        "closed_photo", "https://example.org/p.jpg",
                        "type", "Pothole")))
                .containsEntry("case_status", "Open")
                .containsEntry("closed_dt", "")
                .containsEntry("closure_reason", "")
                .containsEntry("closed_photo", "")
                .containsEntry("type", "Pothole")
                .containsEntry("event_type", "OPENED")
                .containsEntry("emitted_at", OPENED.toString());
    }

    @Test
    void aNewYorkRowOpensWithoutItsClosure() throws Exception {
        assertThat(opened(Map.of(
                        "Unique Key", "53821004",
                        "Status", "Closed",
                        "Closed Date", "05/01/2022 01:10:00 AM",
                        "Resolution Description", "The Police Department responded.",
                        "Complaint Type", "Noise - Residential")))
                .containsEntry("Status", "Open")
                .containsEntry("Closed Date", "")
                .containsEntry("Resolution Description", "")
                .containsEntry("Complaint Type", "Noise - Residential");
    }

    @Test
    void anOpen311RequestOpensWithoutItsClosure() throws Exception {
        assertThat(opened(Map.of(
                        "service_request_id", "SR19-00134785",
                        "status", "closed",
                        "status_notes", "Completed",
                        "service_name", "Street Light Out")))
                .containsEntry("status", "Open")
                .containsEntry("status_notes", "")
                .containsEntry("service_name", "Street Light Out");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> opened(Map<String, String> row) throws Exception {
        byte[] event = LifecycleEvents.opened(JSON.writeValueAsBytes(row), OPENED);
        return JSON.readValue(new String(event, UTF_8), Map.class);
    }
}
