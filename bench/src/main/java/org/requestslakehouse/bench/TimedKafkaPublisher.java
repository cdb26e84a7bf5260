package org.requestslakehouse.bench;

import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.requestslakehouse.replay.EventPublisher;

/**
 * A Kafka publisher for the freshness run that remembers when each message was produced. Lingers at most
 * {@value #LINGER_MS} ms: enough to batch at thousands of events per second, so the broker is not flooded with
 * one request per event, and nothing next to latencies measured in seconds.
 */
final class TimedKafkaPublisher implements EventPublisher {
    static final int LINGER_MS = 5;

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final ProduceTimes times;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Callback onAck = new RecordProduceTime();

    TimedKafkaPublisher(String bootstrapServers, String topic, ProduceTimes times) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(LINGER_MS));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.times = times;
    }

    @Override
    public void publish(String partitionKey, byte[] event) {
        rethrowFailure();
        producer.send(new ProducerRecord<>(topic, partitionKey, event), onAck);
    }

    @Override
    public void flush() {
        producer.flush();
        rethrowFailure();
    }

    @Override
    public void close() {
        try {
            flush();
        } finally {
            producer.close();
        }
    }

    private void rethrowFailure() {
        Exception e = failure.get();
        if (e != null) {
            throw new IllegalStateException("Sending to Kafka topic " + topic + " failed", e);
        }
    }

    private final class RecordProduceTime implements Callback {
        @Override
        public void onCompletion(RecordMetadata metadata, Exception exception) {
            if (exception != null) {
                failure.compareAndSet(null, exception);
            } else {
                times.record(metadata.partition(), metadata.offset(), metadata.timestamp());
            }
        }
    }
}
