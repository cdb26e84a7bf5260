package org.requestslakehouse.testing;

/** One record as GetRecords returned it: where Kinesis put it and the bytes it holds. */
public record KinesisTestRecord(
        String shardId, String sequenceNumber, String partitionKey, byte[] data, long approximateArrivalMillis) {}
