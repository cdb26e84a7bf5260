package org.requestslakehouse.replay;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.requestslakehouse.config.ConfigException;
import org.requestslakehouse.sources.KafkaPreflightException;

/**
 * Asynchronous, batched, idempotent Kafka producer. The first send failure is rethrown on the next publish or
 * flush, so a replay never reports success after losing events.
 */
public final class KafkaEventPublisher implements EventPublisher {
    /** How long opening may wait for the broker to describe the topic. */
    static final Duration TOPIC_CHECK_TIMEOUT = Duration.ofSeconds(4);
    /** Extra wait beyond the admin call's own timeout, for the client to report that timeout. */
    private static final Duration GRACE = Duration.ofSeconds(1);

    private static final String AUTO_CREATE_TOPICS = "auto.create.topics.enable";

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
     * Fails at once when the topic is missing and the broker would not create it on the first send; the producer
     * itself would wait its whole max.block.ms for the topic to appear, then fail the first send with a stack trace.
     * When the broker's setting cannot be read (a cluster that does not allow describing its configuration), the
     * producer is left to find out.
     */
    private static void requireTopic(String bootstrapServers, String topic, Properties extra) {
        Properties p = new Properties();
        p.putAll(extra);
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(TOPIC_CHECK_TIMEOUT.toMillis()));
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(TOPIC_CHECK_TIMEOUT.toMillis()));
        Admin admin = Admin.create(p);
        try {
            if (!exists(admin, bootstrapServers, topic) && !brokerCreatesTopics(admin)) {
                throw new ConfigException("Kafka topic " + topic + " does not exist at " + bootstrapServers
                        + " and the broker does not create topics on first use: create it (kafka-topics.sh --create --topic "
                        + topic + "), or run the local broker with `requests-lakehouse kafka --topic " + topic + "`");
            }
        } finally {
            // Nothing is pending once there is an answer; do not wait for retries to a broker that is down.
            admin.close(Duration.ZERO);
        }
    }

    private static boolean exists(Admin admin, String bootstrapServers, String topic) {
        try {
            admin.describeTopics(List.of(topic))
                    .topicNameValues()
                    .get(topic)
                    .get(TOPIC_CHECK_TIMEOUT.toMillis() + GRACE.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw unreachable(bootstrapServers, e.getCause());
            }
            throw new KafkaPreflightException(
                    "Cannot look up Kafka topic " + topic + " at " + bootstrapServers + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw unreachable(bootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaPreflightException("Interrupted while looking up Kafka topic " + topic, e);
        }
    }

    /** The broker's auto.create.topics.enable; true when it cannot be read, so the producer decides as before. */
    private static boolean brokerCreatesTopics(Admin admin) {
        try {
            long timeoutMs = TOPIC_CHECK_TIMEOUT.toMillis() + GRACE.toMillis();
            Node broker = admin.describeCluster()
                    .nodes()
                    .get(timeoutMs, TimeUnit.MILLISECONDS)
                    .iterator()
                    .next();
            ConfigResource resource = new ConfigResource(ConfigResource.Type.BROKER, broker.idString());
            ConfigEntry setting = admin.describeConfigs(List.of(resource))
                    .all()
                    .get(timeoutMs, TimeUnit.MILLISECONDS)
                    .get(resource)
                    .get(AUTO_CREATE_TOPICS);
            return setting == null || Boolean.parseBoolean(setting.value());
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static KafkaPreflightException unreachable(String bootstrapServers, Throwable cause) {
        return new KafkaPreflightException(
                "Cannot reach Kafka at " + bootstrapServers + " within " + TOPIC_CHECK_TIMEOUT.toSeconds()
                        + " s: is the broker running (requests-lakehouse kafka) and the address right?",
                cause);
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
