package org.requestslakehouse.sinks.iceberg;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;

/** Java values to Flink's internal data structures, null-preserving, as Iceberg's Flink writers expect them. */
final class RowValues {
    private RowValues() {}

    /**
     * Encoded here, once, with the JDK's encoder. {@code StringData.fromString} defers encoding to whoever reads the
     * bytes first, which for every row is the serializer of the hop to the writer: its per-character encoder and
     * thread-local scratch buffer cost more than the JDK's, which copies Latin-1 text as it is. Both write {@code ?}
     * for a lone surrogate, which the parser never lets through anyway.
     */
    static StringData string(String value) {
        return value == null ? null : StringData.fromBytes(value.getBytes(StandardCharsets.UTF_8));
    }

    /** timestamptz is TIMESTAMP_LTZ(6) in Flink: micro precision is kept, sub-micro digits are dropped on write. */
    static TimestampData timestamp(Instant value) {
        return value == null ? null : TimestampData.fromInstant(value);
    }

    static TimestampData timestampMillis(Long epochMillis) {
        return epochMillis == null ? null : TimestampData.fromEpochMillis(epochMillis);
    }

    /** Flink's internal DATE is days since the epoch. */
    static Integer date(LocalDate value) {
        return value == null ? null : (int) value.toEpochDay();
    }

    static ArrayData strings(String[] values) {
        if (values == null) {
            return null;
        }
        StringData[] converted = new StringData[values.length];
        for (int i = 0; i < values.length; i++) {
            converted[i] = string(values[i]);
        }
        return new GenericArrayData(converted);
    }
}
