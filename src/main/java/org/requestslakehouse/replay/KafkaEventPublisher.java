package org.requestslakehouse.replay;

import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Asynchronous, batched, idempotent Kafka producer. The first send failure is rethrown on the next publish or
 * flush, so a replay never reports success after losing events.
 */
public final class KafkaEventPublisher implements EventPublisher {
    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Callback onCompletion = new FailureRecorder();

    public KafkaEventPublisher(String bootstrapServers, String topic, Properties extra) {
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
