package org.requestslakehouse.sources;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.RecordBatch;
import org.requestslakehouse.model.RawEvent;

/**
 * Wraps each Kafka record as a {@link RawEvent} without interpreting the value: bronze archives exactly the bytes
 * that arrived, and parsing (with its quarantine for bad input) happens downstream. A record without a value
 * (a tombstone) still becomes an event with an empty payload, so every offset shows up in bronze.
 */
public class RawEventKafkaDeserializer implements KafkaRecordDeserializationSchema<RawEvent> {

    private static final long serialVersionUID = 1L;
    private static final byte[] EMPTY = new byte[0];

    public static final String SOURCE_TYPE = "kafka";

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawEvent> out) {
        long timestamp = record.timestamp();
        out.collect(new RawEvent(
                SOURCE_TYPE,
                record.topic(),
                String.valueOf(record.partition()),
                String.valueOf(record.offset()),
                timestamp == RecordBatch.NO_TIMESTAMP ? null : timestamp,
                System.currentTimeMillis(),
                record.value() == null ? EMPTY : record.value()));
    }

    @Override
    public TypeInformation<RawEvent> getProducedType() {
        return TypeInformation.of(RawEvent.class);
    }
}
