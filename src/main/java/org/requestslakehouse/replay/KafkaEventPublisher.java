package org.requestslakehouse.replay;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.requestslakehouse.config.ConfigException;
import org.requestslakehouse.sources.KafkaPreflightException;

/**
 * Asynchronous, batched, idempotent Kafka producer. The first send failure is rethrown on the next publish or
 * flush, so a replay never reports success after losing events.
 */
public final class KafkaEventPublisher implements EventPublisher {
    /**
     * How long opening waits for the broker to name the topic's partitions. The producer itself would wait its
     * whole max.block.ms for a topic that does not exist, then fail the first send with a stack trace.
     */
    static final Duration TOPIC_CHECK_TIMEOUT = Duration.ofSeconds(4);

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Callback onCompletion = new FailureRecorder();

    /**
     * @throws ConfigException         if the topic does not exist and the broker does not create topics on first use
     * @throws KafkaPreflightException if the broker does not answer within {@link #TOPIC_CHECK_TIMEOUT}
     */
    public KafkaEventPublisher(String bootstrapServers, String topic, Properties extra) {
        requireTopic(bootstrapServers, topic, extra);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
        p.putAll(extra);
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    @Override
    public void publish(String partitionKey, byte[] event) throws Exception {
        rethrowFailure();
        producer.send(new ProducerRecord<>(topic, partitionKey, event), onCompletion);
    }

    @Override
    public void flush() throws Exception {
        producer.flush();
        rethrowFailure();
    }

    @Override
    public void close() throws Exception {
        try {
            flush();
        } finally {
            producer.close();
        }
    }

    /**
     * Asks for the topic's partitions the way a producer does, allowing auto-creation: a broker that creates topics
     * on first use creates it now, one that does not answers "unknown topic" at once.
     */
    private static void requireTopic(String bootstrapServers, String topic, Properties extra) {
        Properties p = new Properties();
        p.putAll(extra);
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "true");
        p.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(TOPIC_CHECK_TIMEOUT.toMillis()));
        List<PartitionInfo> partitions;
        try (KafkaConsumer<byte[], byte[]> probe = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            partitions = probe.partitionsFor(topic, TOPIC_CHECK_TIMEOUT);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new KafkaPreflightException("Cannot reach Kafka at " + bootstrapServers + " within "
                    + TOPIC_CHECK_TIMEOUT.toSeconds() + " s: is the broker running (requests-lakehouse kafka) and the address right?", e);
        } catch (KafkaException e) {
            throw new KafkaPreflightException("Cannot look up Kafka topic " + topic + " at " + bootstrapServers + ": " + e.getMessage(), e);
        }
        if (partitions == null || partitions.isEmpty()) {
            throw new ConfigException("Kafka topic " + topic + " does not exist at " + bootstrapServers
                    + " and the broker does not create topics on first use: create it (kafka-topics.sh --create --topic "
                    + topic + "), or run the local broker with `requests-lakehouse kafka --topic " + topic + "`");
        }
    }

    private void rethrowFailure() throws Exception {
        Exception e = failure.get();
        if (e != null) {
            throw new IllegalStateException("Sending to Kafka topic " + topic + " failed", e);
        }
    }

    private final class FailureRecorder implements Callback {
        @Override
        public void onCompletion(RecordMetadata metadata, Exception exception) {
            if (exception != null) {
                failure.compareAndSet(null, exception);
            }
        }
    }
}
