package org.requestslakehouse.sources;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.requestslakehouse.config.ConfigException;
import org.requestslakehouse.config.KafkaConfig;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.testing.KafkaBrokerExtension;
import org.requestslakehouse.testing.KafkaTestClient.Message;
import org.requestslakehouse.testing.KafkaTestConfigs;
import org.requestslakehouse.testing.TestJobs;

/** The Kafka source end to end: a real broker, a Flink mini-cluster, bounded reads. */
class KafkaEventSourceTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestJobs.miniCluster();

    private static final byte[] INVALID_UTF8 = {'{', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '}'};

    @Test
    void boundedReadEmitsEveryMessageExactlyOnceWithItsPosition() throws Exception {
        String topic = "requests-all";
        KAFKA.createTopic(topic, 2);
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            byte[] value = switch (i) {
                case 400 -> null;
                case 401 -> INVALID_UTF8;
                case 402 -> new byte[0];
                default ->
                    ("{\"case_enquiry_id\":\"" + (101000000000L + i) + "\",\"case_title\":\"Pothole ü\"}")
                            .getBytes(UTF_8);
            };
            messages.add(new Message(("case-" + i).getBytes(UTF_8), value));
        }
        List<RecordMetadata> acks = KAFKA.produce(topic, messages);
        assertThat(acks).extracting(RecordMetadata::partition).containsOnly(0, 1);

        long before = System.currentTimeMillis();
        List<RawEvent> events = readBounded(Map.of("topics", topic, "group-id", "all-test"));
        long after = System.currentTimeMillis();

        List<RawEvent> expected = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            RecordMetadata ack = acks.get(i);
            byte[] value = messages.get(i).value();
            expected.add(new RawEvent(
                    "kafka",
                    topic,
                    String.valueOf(ack.partition()),
                    String.valueOf(ack.offset()),
                    ack.timestamp(),
                    0L,
                    value == null ? new byte[0] : value));
        }
        assertThat(events)
                .extracting(KafkaEventSourceTest::everythingButIngestTime)
                .containsExactlyInAnyOrderElementsOf(expected.stream()
                        .map(KafkaEventSourceTest::everythingButIngestTime)
                        .toList());
        assertThat(events).allSatisfy(e -> assertThat(e.ingestedAtMillis).isBetween(before, after));
        assertThat(positionOf(events, acks.get(401)).payload).isEqualTo(INVALID_UTF8);
        assertThat(positionOf(events, acks.get(400)).payload).isEmpty();
    }

    @Test
    void timestampStartSkipsOlderRecords() throws Exception {
        String topic = producedWithTimestamps("requests-by-time");

        List<RawEvent> events =
                readBounded(Map.of("topics", topic, "starting-offsets", "timestamp", "starting-timestamp", "3500"));

        assertThat(events)
                .extracting(e -> e.sourcePosition, e -> e.sourceTimestampMillis)
                .containsExactlyInAnyOrder(tuple("3", 4000L), tuple("4", 5000L), tuple("5", 6000L));
    }

    @Test
    void latestStartOnABoundedReadReadsNothingAndFinishes() throws Exception {
        String topic = producedWithTimestamps("requests-latest");

        assertThat(readBounded(Map.of("topics", topic, "starting-offsets", "latest")))
                .isEmpty();
    }

    @Test
    void committedStartResumesFromTheGroupsOffset() throws Exception {
        String topic = producedWithTimestamps("requests-committed");
        commit("resuming-group", new TopicPartition(topic, 0), 4);

        List<RawEvent> events =
                readBounded(Map.of("topics", topic, "starting-offsets", "committed", "group-id", "resuming-group"));

        assertThat(events).extracting(e -> e.sourcePosition).containsExactlyInAnyOrder("4", "5");
    }

    @Test
    void committedStartWithoutCommittedOffsetsFallsBackToEarliest() throws Exception {
        String topic = producedWithTimestamps("requests-first-run");

        List<RawEvent> events =
                readBounded(Map.of("topics", topic, "starting-offsets", "committed", "group-id", "never-committed"));

        assertThat(events).extracting(e -> e.sourcePosition).containsExactlyInAnyOrder("0", "1", "2", "3", "4", "5");
    }

    @Test
    void patternSubscriptionReadsEveryMatchingTopic() throws Exception {
        KAFKA.createTopic("pattern-east", 1);
        KAFKA.createTopic("pattern-west", 1);
        KAFKA.createTopic("unmatched-north", 1);
        KAFKA.produce("pattern-east", List.of(new Message(null, bytes("e1")), new Message(null, bytes("e2"))));
        KAFKA.produce("pattern-west", List.of(new Message(null, bytes("w1"))));
        KAFKA.produce("unmatched-north", List.of(new Message(null, bytes("n1"))));

        List<RawEvent> events = readBounded(Map.of("topic-pattern", "pattern-(east|west)"));

        assertThat(events)
                .extracting(e -> e.sourceName, e -> new String(e.payload, UTF_8))
                .containsExactlyInAnyOrder(
                        tuple("pattern-east", "e1"), tuple("pattern-east", "e2"), tuple("pattern-west", "w1"));
    }

    @Test
    void sourceOperatorHasAStableNameAndUid() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        DataStream<RawEvent> stream = new KafkaEventSource(config(Map.of())).create(env);

        Transformation<RawEvent> source = stream.getTransformation();
        assertThat(source.getName()).isEqualTo("source-kafka");
        assertThat(source.getUid()).isEqualTo("source-kafka");
    }

    @Test
    void onlyBoundedReadsEnd() {
        assertThat(KafkaEventSource.build(config(Map.of())).getBoundedness())
                .isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
        assertThat(KafkaEventSource.build(config(Map.of("topic-pattern", "requests-.*")))
                        .getBoundedness())
                .isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
        assertThat(KafkaEventSource.build(config(Map.of("bounded", "true"))).getBoundedness())
                .isEqualTo(Boundedness.BOUNDED);
    }

    @Test
    void anInvalidTopicPatternNamesTheSetting() {
        assertThatThrownBy(() -> KafkaEventSource.build(config(Map.of("topic-pattern", "requests-(2023"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(
                        "Invalid value 'requests-(2023' for kafka.topic-pattern: expected a Java regular expression");
    }

    /** One partition, six records at timestamps 1000..6000, so offset n has timestamp (n+1)*1000. */
    private static String producedWithTimestamps(String topic) {
        KAFKA.createTopic(topic, 1);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            records.add(new ProducerRecord<>(topic, 0, (i + 1) * 1000L, null, bytes("{\"n\":" + i + "}")));
        }
        KAFKA.produceRecords(records);
        return topic;
    }

    private static void commit(String group, TopicPartition partition, long offset) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KAFKA.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                group,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(offset)));
        }
    }

    private static List<RawEvent> readBounded(Map<String, String> settings) throws Exception {
        Map<String, String> values = new HashMap<>(settings);
        values.put("bounded", "true");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        return new KafkaEventSource(config(values)).create(env).executeAndCollect(10_000);
    }

    private static KafkaConfig config(Map<String, String> settings) {
        Map<String, String> values = new HashMap<>(settings);
        values.put("bootstrap-servers", KAFKA.bootstrapServers());
        return KafkaTestConfigs.fromSettings(values);
    }

    /** A comparable rendering; a field-by-field comparator over 1,000 x 1,000 candidates takes half a minute. */
    private static String everythingButIngestTime(RawEvent e) {
        return String.join(
                "|",
                e.sourceType,
                e.sourceName,
                e.sourcePartition,
                e.sourcePosition,
                String.valueOf(e.sourceTimestampMillis),
                Base64.getEncoder().encodeToString(e.payload));
    }

    private static RawEvent positionOf(List<RawEvent> events, RecordMetadata ack) {
        List<RawEvent> matching = events.stream()
                .filter(e -> e.sourcePartition.equals(String.valueOf(ack.partition()))
                        && e.sourcePosition.equals(String.valueOf(ack.offset())))
                .collect(Collectors.toList());
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }
}
