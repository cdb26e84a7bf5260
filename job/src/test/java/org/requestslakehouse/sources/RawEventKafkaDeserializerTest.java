package org.requestslakehouse.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.util.InstantiationUtil;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.requestslakehouse.model.RawEvent;

class RawEventKafkaDeserializerTest {

    private final RawEventKafkaDeserializer deserializer = new RawEventKafkaDeserializer();

    @Test
    void keepsTheValueBytesAndThePosition() {
        byte[] value = {'{', (byte) 0xFF, '}'};
        long before = System.currentTimeMillis();

        RawEvent event =
                deserialize(record("service-requests", 1, 41L, 1_700_000_000_000L, TimestampType.CREATE_TIME, value));

        assertThat(event.sourceType).isEqualTo("kafka");
        assertThat(event.sourceName).isEqualTo("service-requests");
        assertThat(event.sourcePartition).isEqualTo("1");
        assertThat(event.sourcePosition).isEqualTo("41");
        assertThat(event.sourceTimestampMillis).isEqualTo(1_700_000_000_000L);
        assertThat(event.payload).isSameAs(value);
        assertThat(event.ingestedAtMillis).isBetween(before, System.currentTimeMillis());
    }

    @Test
    void aTombstoneBecomesAnEmptyPayloadInsteadOfBeingDropped() {
        RawEvent event = deserialize(record("service-requests", 0, 7L, 5L, TimestampType.LOG_APPEND_TIME, null));

        assertThat(event.payload).isEmpty();
        assertThat(event.sourcePosition).isEqualTo("7");
        assertThat(event.sourceTimestampMillis).isEqualTo(5L);
    }

    @Test
    void aRecordWithoutTimestampHasNoSourceTimestamp() {
        RawEvent event = deserialize(record("legacy", 0, 0L, -1L, TimestampType.NO_TIMESTAMP_TYPE, new byte[] {1}));

        assertThat(event.sourceTimestampMillis).isNull();
    }

    @Test
    void producesAPojoTypeSoFlinkNeverFallsBackToKryo() throws Exception {
        TypeInformation<RawEvent> type = deserializer.getProducedType();

        assertThat(type).isInstanceOf(PojoTypeInfo.class);
        assertThat(InstantiationUtil.clone(deserializer)).isInstanceOf(RawEventKafkaDeserializer.class);
    }

    private RawEvent deserialize(ConsumerRecord<byte[], byte[]> record) {
        List<RawEvent> out = new ArrayList<>();
        deserializer.deserialize(record, new ListCollector<>(out));
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    private static ConsumerRecord<byte[], byte[]> record(
            String topic, int partition, long offset, long timestamp, TimestampType timestampType, byte[] value) {
        return new ConsumerRecord<>(
                topic,
                partition,
                offset,
                timestamp,
                timestampType,
                0,
                value == null ? -1 : value.length,
                null,
                value,
                new RecordHeaders(),
                Optional.empty());
    }
}
