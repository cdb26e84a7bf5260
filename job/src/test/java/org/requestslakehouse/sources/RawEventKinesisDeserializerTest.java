package org.requestslakehouse.sources;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;
import org.requestslakehouse.model.RawEvent;

class RawEventKinesisDeserializerTest {

    private final RawEventKinesisDeserializer deserializer = new RawEventKinesisDeserializer();

    @Test
    void keepsTheBytesAndTheRecordsCoordinates() {
        byte[] notUtf8 = {'{', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '}'};
        long before = System.currentTimeMillis();

        RawEvent event = deserializer.deserialize(
                notUtf8,
                "101004113298",
                "49590338271490256608559692538361571095921575989136588898",
                1_714_566_600_250L,
                "requests",
                "shardId-000000000001");

        assertThat(event.sourceType).isEqualTo("kinesis");
        assertThat(event.sourceName).isEqualTo("requests");
        assertThat(event.sourcePartition).isEqualTo("shardId-000000000001");
        assertThat(event.sourcePosition).isEqualTo("49590338271490256608559692538361571095921575989136588898");
        assertThat(event.sourceTimestampMillis).isEqualTo(1_714_566_600_250L);
        assertThat(event.payload).containsExactly('{', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '}');
        assertThat(event.ingestedAtMillis).isBetween(before, System.currentTimeMillis());
    }

    @Test
    void producesTheRawEventPojoType() {
        TypeInformation<RawEvent> type = deserializer.getProducedType();

        assertThat(type).isInstanceOf(PojoTypeInfo.class).isEqualTo(TypeInformation.of(RawEvent.class));
    }
}
