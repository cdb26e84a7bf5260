package org.requestslakehouse.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.requestslakehouse.testing.KinesaliteExtension;
import org.requestslakehouse.testing.Real311;

/**
 * Measures publishing into kinesalite with the real 2022-layout rows as JSON messages (about as large as the
 * replay's), each under its own case id as in a snapshot replay. Prints the rate; asserts only that every event
 * arrived, since the rate depends on the machine (kinesalite is a single Node process).
 */
class KinesisEventPublisherThroughputIT {

    @RegisterExtension
    static final KinesaliteExtension KINESIS = new KinesaliteExtension();

    private static final int EVENTS = 20_000;

    @Test
    void publishesRealRowsAndReportsTheRate() throws Exception {
        KINESIS.createStream("publisher-throughput", 4);
        List<Map<String, String>> rows = realRows();
        ObjectMapper json = new ObjectMapper();
        long bytes = 0;

        long start = System.nanoTime();
        try (KinesisEventPublisher publisher =
                new KinesisEventPublisher("publisher-throughput", KINESIS.region(), KINESIS.endpoint())) {
            for (int i = 0; i < EVENTS; i++) {
                Map<String, String> row = new LinkedHashMap<>(rows.get(i % rows.size()));
                String caseId =
                        String.valueOf(Long.parseLong(row.get("case_enquiry_id")) + (i / rows.size()) * 1_000_000L);
                row.put("case_enquiry_id", caseId);
                byte[] event = json.writeValueAsBytes(row);
                bytes += event.length;
                publisher.publish(caseId, event);
            }
            publisher.flush();
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        System.out.printf(
                "kinesis publisher into kinesalite: %,d events (%,.1f MiB, %,d bytes average) in %.2f s = %,.0f events/s%n",
                EVENTS, bytes / 1048576.0, bytes / EVENTS, seconds, EVENTS / seconds);
        assertThat(KINESIS.readAll("publisher-throughput")).hasSize(EVENTS);
    }

    private static List<Map<String, String>> realRows() throws IOException {
        Path file = Real311.file(Real311.CKAN_2022);
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .build()
                    .parse(reader)) {
                rows.add(record.toMap());
            }
        }
        assertThat(rows).hasSize(100);
        return rows;
    }
}
