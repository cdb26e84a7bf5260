package org.requestslakehouse.sources;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.connectors.kinesis.serialization.KinesisDeserializationSchema;
import org.requestslakehouse.model.RawEvent;

/**
 * Wraps each Kinesis record as a {@link RawEvent} without interpreting the data: bronze archives exactly the bytes
 * that arrived, and parsing (with its quarantine for bad input) happens downstream.
 *
 * <p>Records aggregated by the Kinesis Producer Library are split by the consumer and then share their
 * container's sequence number, so shard plus sequence number identifies a record only for non-aggregated
 * producers such as this project's replay publisher.
 */
public class RawEventKinesisDeserializer implements KinesisDeserializationSchema<RawEvent> {

    private static final long serialVersionUID = 1L;

    public static final String SOURCE_TYPE = "kinesis";

    @Override
    public RawEvent deserialize(
            byte[] recordValue,
            String partitionKey,
            String seqNum,
            long approxArrivalTimestamp,
            String stream,
            String shardId) {
        return new RawEvent(
                SOURCE_TYPE, stream, shardId, seqNum, approxArrivalTimestamp, System.currentTimeMillis(), recordValue);
    }

    @Override
    public TypeInformation<RawEvent> getProducedType() {
        return TypeInformation.of(RawEvent.class);
    }
}
