package org.requestslakehouse.reliability;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.requestslakehouse.config.ParseConfig;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.parsing.ParseOutcome;
import org.requestslakehouse.parsing.RequestEventParser;
import org.requestslakehouse.sources.RawEventKafkaDeserializer;
import org.requestslakehouse.testing.KafkaTestClient;

/**
 * What the tables must hold for the messages in a topic, worked out message by message outside Flink, from the
 * topic itself (so it is right whatever a test published, however often).
 *
 * <p>Silver: a case's events are published in event-time order under its id as key, so they sit in one partition
 * in that order, and the version that wins is the last <em>new</em> payload of the case; a repeated payload changes
 * nothing and the row keeps the coordinates of the first copy.
 */
final class ExpectedTables {
    /** Bronze: every message once, by {@code partition@offset}, with the digest of its payload. */
    final Map<String, ByteBuffer> bronze = new LinkedHashMap<>();
    /** Quarantine: {@code partition@offset} of each message the parser rejects, with the reason code. */
    final Map<String, String> rejected = new HashMap<>();
    /** The winning version of each valid case. */
    final Map<String, SilverRow> silver = new HashMap<>();

    static ExpectedTables fromTopic(KafkaTestClient kafka, String topic, ParseConfig parse) {
        ExpectedTables expected = new ExpectedTables();
        RequestEventParser parser = new RequestEventParser(parse);
        Map<String, Set<ByteBuffer>> seenPayloads = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> message : kafka.consumeAll(topic)) {
            String coordinate = TableContents.coordinate(message.partition(), message.offset());
            byte[] payload = message.value() == null ? new byte[0] : message.value();
            ByteBuffer digest = TableContents.digest(payload);
            expected.bronze.put(coordinate, digest);
            RawEvent raw = new RawEvent(
                    RawEventKafkaDeserializer.SOURCE_TYPE,
                    topic,
                    String.valueOf(message.partition()),
                    String.valueOf(message.offset()),
                    message.timestamp(),
                    0L,
                    payload);
            ParseOutcome outcome = parser.parse(raw, System.currentTimeMillis());
            if (!outcome.isAccepted()) {
                expected.rejected.put(coordinate, outcome.reason().name());
            } else if (seenPayloads
                    .computeIfAbsent(SilverRow.of(outcome.request()).request(), id -> new HashSet<>())
                    .add(digest)) {
                SilverRow row = SilverRow.of(outcome.request());
                expected.silver.put(row.request(), row);
            }
        }
        return expected;
    }

    /** Every message exactly once. */
    Map<String, Integer> bronzeOnce() {
        Map<String, Integer> counts = new HashMap<>();
        bronze.keySet().forEach(c -> counts.put(c, 1));
        return counts;
    }

    Map<String, Integer> rejectedOnce() {
        Map<String, Integer> counts = new HashMap<>();
        rejected.keySet().forEach(c -> counts.put(c, 1));
        return counts;
    }
}
