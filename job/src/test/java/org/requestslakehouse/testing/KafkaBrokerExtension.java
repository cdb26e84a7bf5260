package org.requestslakehouse.testing;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.requestslakehouse.kafka.EmbeddedKafkaBroker;
import org.requestslakehouse.testing.KafkaTestClient.Message;

/**
 * One real in-process Kafka broker per test class. Register it as a static field:
 * <pre>{@code @RegisterExtension static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();}</pre>
 * Tests share the broker, so each test should use its own topic names.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedKafkaBroker broker;
    private KafkaTestClient client;

    @Override
    public void beforeAll(ExtensionContext context) {
        broker = EmbeddedKafkaBroker.start(0, null);
        client = new KafkaTestClient(broker.bootstrapServers());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (broker != null) {
            broker.close();
            broker = null;
            client = null;
        }
    }

    public EmbeddedKafkaBroker broker() {
        if (broker == null) {
            throw new IllegalStateException("KafkaBrokerExtension must be registered on a static field");
        }
        return broker;
    }

    public KafkaTestClient client() {
        broker();
        return client;
    }

    public String bootstrapServers() {
        return broker().bootstrapServers();
    }

    public void createTopic(String topic, int partitions) {
        broker().createTopic(topic, partitions);
    }

    /** Sends every message synchronously with acks=all; metadata comes back in input order. */
    public List<RecordMetadata> produce(String topic, List<Message> messages) {
        return client().produce(topic, messages);
    }

    /** For tests that need explicit partitions or record timestamps. */
    public List<RecordMetadata> produceRecords(List<ProducerRecord<byte[], byte[]>> records) {
        return client().produceRecords(records);
    }

    /** Every record currently in the topic, read without a consumer group. */
    public List<ConsumerRecord<byte[], byte[]>> consumeAll(String topic) {
        return client().consumeAll(topic);
    }
}
