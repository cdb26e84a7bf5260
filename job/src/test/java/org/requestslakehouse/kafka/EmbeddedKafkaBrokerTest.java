package org.requestslakehouse.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.testing.KafkaTestClient;
import org.requestslakehouse.testing.KafkaTestClient.Message;

class EmbeddedKafkaBrokerTest {

    @Test
    void startsProducesConsumesAndStopsCleanly() throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, null);
        Path logDir = broker.logDir();
        int port = broker.port();
        try {
            assertThat(broker.bootstrapServers()).isEqualTo("localhost:" + port);
            broker.createTopic("roundtrip", 2);
            broker.createTopic("roundtrip", 2); // idempotent: a restarted `kafka` command re-creates its topic

            assertThat(describe(broker.bootstrapServers(), "roundtrip").partitions())
                    .hasSize(2);

            KafkaTestClient client = new KafkaTestClient(broker.bootstrapServers());
            List<RecordMetadata> sent = client.produce(
                    "roundtrip",
                    List.of(
                            new Message(bytes("k1"), bytes("{\"case_enquiry_id\":1}")),
                            new Message(bytes("k2"), bytes("{\"case_enquiry_id\":2}")),
                            new Message(bytes("k1"), null)));
            assertThat(sent).hasSize(3);

            List<ConsumerRecord<byte[], byte[]>> read = client.consumeAll("roundtrip");
            assertThat(read).hasSize(3);
            assertThat(read)
                    .extracting(
                            r -> new String(r.key(), UTF_8),
                            r -> r.value() == null ? null : new String(r.value(), UTF_8))
                    .containsExactlyInAnyOrder(
                            tuple("k1", "{\"case_enquiry_id\":1}"),
                            tuple("k2", "{\"case_enquiry_id\":2}"),
                            tuple("k1", null));
            // Same key, same partition, in send order.
            assertThat(sent.get(2).partition()).isEqualTo(sent.get(0).partition());
            assertThat(sent.get(2).offset()).isGreaterThan(sent.get(0).offset());
        } finally {
            broker.close();
        }

        assertThat(logDir).doesNotExist();
        assertThatThrownBy(() -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress("localhost", port), 1_000);
                    }
                })
                .isInstanceOf(ConnectException.class);
        broker.close(); // a second close is a no-op
    }

    /**
     * A producer that does not retry fails on the first "not leader" answer, so every partition of every topic must
     * be served by the time {@link EmbeddedKafkaBroker#createTopic} returns.
     */
    @Test
    void aCreatedTopicIsServedAsSoonAsCreateTopicReturns() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, null);
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.RETRIES_CONFIG,
                        0,
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        false,
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                        ByteArraySerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                        ByteArraySerializer.class))) {
            for (int t = 0; t < 10; t++) {
                String topic = "served-" + t;
                broker.createTopic(topic, 4);
                for (int partition = 0; partition < 4; partition++) {
                    RecordMetadata sent = producer.send(new ProducerRecord<>(topic, partition, null, bytes("{}")))
                            .get(60, TimeUnit.SECONDS);
                    assertThat(sent.offset()).isZero();
                }
            }
        }
    }

    @Test
    void givenLogDirKeepsTopicsAndMessagesAcrossRestarts(@TempDir Path dir) {
        Path logDir = dir.resolve("kafka-data");
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(0, logDir)) {
            first.createTopic("durable", 1);
            new KafkaTestClient(first.bootstrapServers()).produce("durable", List.of(new Message(null, bytes("kept"))));
        }
        assertThat(logDir.resolve("meta.properties")).exists();

        try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start(0, logDir)) {
            List<ConsumerRecord<byte[], byte[]>> read =
                    new KafkaTestClient(second.bootstrapServers()).consumeAll("durable");
            assertThat(read).extracting(r -> new String(r.value(), UTF_8)).containsExactly("kept");
            assertThat(read.get(0).offset()).isZero();
        }
        assertThat(Files.isDirectory(logDir)).isTrue();
    }

    private static TopicDescription describe(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get(topic);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }
}
