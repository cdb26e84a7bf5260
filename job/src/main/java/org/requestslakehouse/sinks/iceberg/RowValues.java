package org.requestslakehouse.sinks.iceberg;

import java.time.Instant;
import java.time.LocalDate;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;

/** Java values to Flink's internal data structures, null-preserving, as Iceberg's Flink writers expect them. */
final class RowValues {
    private RowValues() {}

    static StringData string(String value) {
        return value == null ? null : StringData.fromString(value);
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
