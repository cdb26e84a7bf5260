package org.requestslakehouse.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.requestslakehouse.testing.KinesaliteExtension;
import org.requestslakehouse.testing.KinesisTestRecord;

class KinesisEventPublisherIT {

    @RegisterExtension
    static final KinesaliteExtension KINESIS = new KinesaliteExtension();

    @Test
    void writesEveryRecordOnceAndKeepsEachKeysOrderAcrossShards() throws Exception {
        KINESIS.createStream("publisher-order", 4);
        Map<String, List<String>> sentByKey = new LinkedHashMap<>();
        try (KinesisEventPublisher publisher =
                new KinesisEventPublisher("publisher-order", KINESIS.region(), KINESIS.endpoint())) {
            for (int i = 0; i < 3000; i++) {
                String caseId = String.valueOf(101000000L + i % 97);
                String event = "{\"case_enquiry_id\":" + caseId + ",\"n\":" + i + "}";
                sentByKey.computeIfAbsent(caseId, k -> new ArrayList<>()).add(event);
                publisher.publish(caseId, event.getBytes(StandardCharsets.UTF_8));
            }
            publisher.flush();
        }

        List<KinesisTestRecord> stored = KINESIS.readAll("publisher-order");
        Map<String, List<String>> storedByKey = stored.stream()
                .collect(Collectors.groupingBy(
                        KinesisTestRecord::partitionKey,
                        LinkedHashMap::new,
                        Collectors.mapping(r -> new String(r.data(), StandardCharsets.UTF_8), Collectors.toList())));
        assertThat(stored).hasSize(3000);
        assertThat(storedByKey).containsExactlyInAnyOrderEntriesOf(sentByKey);
        assertThat(stored.stream().map(KinesisTestRecord::shardId).collect(Collectors.toSet()))
                .hasSize(4);
    }
}
