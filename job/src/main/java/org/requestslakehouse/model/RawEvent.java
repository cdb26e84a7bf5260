package org.requestslakehouse.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * One message exactly as a source delivered it, plus where it came from. This is what bronze archives,
 * so the payload stays as bytes: a message that is not valid UTF-8 must still be archived unchanged.
 */
public class RawEvent {
    /** {@code csv}, {@code kafka} or {@code kinesis}. */
    public String sourceType;
    /** File path, topic or stream name. */
    public String sourceName;
    /** Kafka partition or Kinesis shard id; null for files. */
    public String sourcePartition;
    /** Kafka offset, Kinesis sequence number, or the 1-based line a CSV record starts on. */
    public String sourcePosition;
    /** Broker or stream timestamp in epoch millis, if the source has one. */
    public Long sourceTimestampMillis;
    /** Wall-clock time the job read the message, epoch millis. */
    public long ingestedAtMillis;

    public byte[] payload;
    /**
     * Set when the source could delimit this message but not make a request event of it (a CSV record with broken
     * quoting, invalid UTF-8, a damaged gzip stream...); the payload is then the bytes as read. The parser rejects
     * such a message with this reason without reading it. Null for every well-formed message.
     */
    public RejectReason sourceDefect;
    /** What exactly the source found wrong, with the line; null when {@link #sourceDefect} is. */
    public String sourceDefectDetail;

    public RawEvent() {}

    public RawEvent(
            String sourceType,
            String sourceName,
            String sourcePartition,
            String sourcePosition,
            Long sourceTimestampMillis,
            long ingestedAtMillis,
            byte[] payload) {
        this.sourceType = sourceType;
        this.sourceName = sourceName;
        this.sourcePartition = sourcePartition;
        this.sourcePosition = sourcePosition;
        this.sourceTimestampMillis = sourceTimestampMillis;
        this.ingestedAtMillis = ingestedAtMillis;
        this.payload = payload;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof RawEvent)) return false;
        RawEvent that = (RawEvent) o;
        return ingestedAtMillis == that.ingestedAtMillis
                && Objects.equals(sourceType, that.sourceType)
                && Objects.equals(sourceName, that.sourceName)
                && Objects.equals(sourcePartition, that.sourcePartition)
                && Objects.equals(sourcePosition, that.sourcePosition)
                && Objects.equals(sourceTimestampMillis, that.sourceTimestampMillis)
                && Arrays.equals(payload, that.payload)
                && sourceDefect == that.sourceDefect
                && Objects.equals(sourceDefectDetail, that.sourceDefectDetail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sourceType, sourceName, sourcePartition, sourcePosition) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "RawEvent{" + sourceType + ":" + sourceName + "/" + sourcePartition + "@" + sourcePosition
                + ", " + (payload == null ? 0 : payload.length) + " bytes"
                + (sourceDefect == null ? "" : ", " + sourceDefect) + "}";
    }
}
