package org.requestslakehouse.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;

class KinesisEventPublisherTest {

    private static final Duration NO_LINGER = Duration.ofHours(1);

    @Test
    void batchesHoldAtMost500Records() throws Exception {
        ScriptedKinesisClient client = ScriptedKinesisClient.accepting();
        try (KinesisEventPublisher publisher = publisher(client, 1, NO_LINGER)) {
            for (int i = 0; i < 1200; i++) {
                publisher.publish("case-" + i, bytes("{}"));
            }
            publisher.flush();
        }

        assertThat(client.calls()).extracting(List::size).containsExactly(500, 500, 200);
        assertThat(client.isClosed()).isTrue();
    }

    @Test
    void batchesHoldAtMostFiveMebibytesIncludingKeys() throws Exception {
        ScriptedKinesisClient client = ScriptedKinesisClient.accepting();
        try (KinesisEventPublisher publisher = publisher(client, 1, NO_LINGER)) {
            for (int i = 0; i < 6; i++) {
                publisher.publish("k" + i, new byte[1_000_000]);
            }
        }

        assertThat(client.calls()).extracting(List::size).containsExactly(5, 1);
    }

    @Test
    void aRepeatedKeyStartsANewBatch() throws Exception {
        ScriptedKinesisClient client = ScriptedKinesisClient.accepting();
        try (KinesisEventPublisher publisher = publisher(client, 1, NO_LINGER)) {
            publisher.publish("a", bytes("a1"));
            publisher.publish("b", bytes("b1"));
            publisher.publish("a", bytes("a2"));
        }

        assertThat(client.calls())
                .extracting(KinesisEventPublisherTest::payloads)
                .containsExactly(List.of("a1", "b1"), List.of("a2"));
    }

    @Test
    void everyKeyKeepsItsOrderWhenRecordsAreRetried() throws Exception {
        ScriptedKinesisClient client = new ScriptedKinesisClient(new FailEveryRecordOnce());
        Map<String, List<String>> published = new LinkedHashMap<>();
        try (KinesisEventPublisher publisher = publisher(client, 4, NO_LINGER)) {
            for (int i = 0; i < 2000; i++) {
                String key = "case-" + (i % 37);
                String payload = key + "#" + i;
                published.computeIfAbsent(key, k -> new ArrayList<>()).add(payload);
                publisher.publish(key, bytes(payload));
            }
        }

        Map<String, List<String>> written = client.written().stream()
                .collect(Collectors.groupingBy(
                        PutRecordsRequestEntry::partitionKey,
                        LinkedHashMap::new,
                        Collectors.mapping(e -> e.data().asUtf8String(), Collectors.toList())));
        assertThat(written).containsExactlyInAnyOrderEntriesOf(published);
    }

    @Test
    void aPartlyFilledBatchIsSentAfterTheLingerTime() throws Exception {
        ScriptedKinesisClient client = ScriptedKinesisClient.accepting();
        try (KinesisEventPublisher publisher = publisher(client, 2, Duration.ofMillis(20))) {
            publisher.publish("a", bytes("a1"));

            await().atMost(Duration.ofSeconds(10)).until(() -> client.written().size() == 1);
        }
        assertThat(client.calls()).hasSize(1);
    }

    @Test
    void aLostRecordFailsFlushTheNextPublishAndClose() throws Exception {
        ScriptedKinesisClient client = new ScriptedKinesisClient((call, entries) ->
                ScriptedKinesisClient.answer(entries, e -> e.partitionKey().equals("lost"), "InternalFailure"));
        KinesisEventPublisher publisher = publisher(client, 1, NO_LINGER);
        publisher.publish("kept", bytes("k"));
        publisher.publish("lost", bytes("l"));

        String expected =
                "Publishing to Kinesis stream requests failed: 1 of 2 records could not be written to Kinesis stream "
                        + "requests in 2 attempts; last error: {InternalFailure=1}";
        assertThatThrownBy(publisher::flush)
                .isInstanceOf(KinesisPublishException.class)
                .hasMessage(expected);
        assertThatThrownBy(() -> publisher.publish("more", bytes("m")))
                .isInstanceOf(KinesisPublishException.class)
                .hasMessage(expected);
        assertThatThrownBy(publisher::close)
                .isInstanceOf(KinesisPublishException.class)
                .hasMessage(expected);
        assertThat(client.isClosed()).isTrue();
        assertThat(client.written())
                .extracting(PutRecordsRequestEntry::partitionKey)
                .containsExactly("kept");
    }

    @Test
    void recordsKinesisWouldRejectForGoodFailAtPublish() throws Exception {
        try (KinesisEventPublisher publisher = publisher(ScriptedKinesisClient.accepting(), 1, NO_LINGER)) {
            assertThatThrownBy(() -> publisher.publish("case-1", new byte[1024 * 1024 - 5]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "Event for partition key case-1 is 1048577 bytes with its key; Kinesis accepts at most 1048576");
            assertThatThrownBy(() -> publisher.publish("", bytes("{}")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Kinesis partition keys have 1 to 256 characters, got ''");
            assertThatThrownBy(() -> publisher.publish("k".repeat(257), bytes("{}")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Kinesis partition keys have 1 to 256 characters, got 'kkk");
            assertThatThrownBy(() -> publisher.publish("case-1", null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Event for partition key case-1 is null");
            publisher.publish("case-1", new byte[1024 * 1024 - 6]);
        }
    }

    @Test
    void streamAndRegionAreRequired() {
        ScriptedKinesisClient client = ScriptedKinesisClient.accepting();

        assertThatThrownBy(() -> new KinesisEventPublisher(client, " ", KinesisPublisherSettings.DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A Kinesis stream name is required");
        assertThat(client.isClosed()).isTrue();
        assertThatThrownBy(() -> new KinesisEventPublisher("requests", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("An AWS region is required to publish to Kinesis, e.g. eu-west-1");
    }

    private static KinesisEventPublisher publisher(ScriptedKinesisClient client, int lanes, Duration linger) {
        return new KinesisEventPublisher(
                client,
                "requests",
                new KinesisPublisherSettings(
                        lanes, 2, Duration.ofMillis(1), Duration.ofMillis(2), linger, Duration.ofSeconds(5)));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> payloads(List<PutRecordsRequestEntry> entries) {
        return entries.stream().map(e -> e.data().asUtf8String()).toList();
    }

    /** Rejects every other record the first time it is offered, so most batches are partly retried. */
    private static final class FailEveryRecordOnce implements ScriptedKinesisClient.Script {
        private final Set<String> offered = new HashSet<>();
        private int seen;

        @Override
        public PutRecordsResponse answer(int call, List<PutRecordsRequestEntry> entries) {
            Set<String> failNow = new HashSet<>();
            for (PutRecordsRequestEntry e : entries) {
                String payload = e.data().asUtf8String();
                if (offered.add(payload) && seen++ % 2 == 0) {
                    failNow.add(payload);
                }
            }
            return ScriptedKinesisClient.answer(
                    entries, e -> failNow.contains(e.data().asUtf8String()), "ProvisionedThroughputExceededException");
        }
    }
}
