package org.requestslakehouse.gold;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.requestslakehouse.model.ServiceRequestColumn;

/**
 * A key column of a gold table (the window or a dimension): name, type and where its value sits in the table's row.
 * Key columns are required and together form the table's upsert key. Tables keep them in static fields, so these
 * accessors never travel with the job graph.
 */
public record KeyColumn<R>(
        String name, KeyColumn.Kind kind, String doc, Function<R, Object> get, BiConsumer<R, Object> set) {
    /** Named as silver's column. */
    public static final String CITY = ServiceRequestColumn.CITY.column();

    public static <R> KeyColumn<R> timestamp(
            String name, String doc, Function<R, Instant> get, BiConsumer<R, Instant> set) {
        return new KeyColumn<>(name, Kind.TIMESTAMP, doc, get::apply, (r, v) -> set.accept(r, (Instant) v));
    }

    public static <R> KeyColumn<R> date(
            String name, String doc, Function<R, LocalDate> get, BiConsumer<R, LocalDate> set) {
        return new KeyColumn<>(name, Kind.DATE, doc, get::apply, (r, v) -> set.accept(r, (LocalDate) v));
    }

    public static <R> KeyColumn<R> string(String name, Function<R, String> get, BiConsumer<R, String> set) {
        return string(name, null, get, set);
    }

    public static <R> KeyColumn<R> string(String name, String doc, Function<R, String> get, BiConsumer<R, String> set) {
        return new KeyColumn<>(name, Kind.STRING, doc, get::apply, (r, v) -> set.accept(r, (String) v));
    }

    /** The city dimension every gold table has, right after its window, so cities never share a row. */
    public static <R> KeyColumn<R> city(Function<R, String> get, BiConsumer<R, String> set) {
        return string(CITY, "the city the requests belong to", get, set);
    }

    /** The Java types key values have in rows, and their Iceberg, Flink-internal and read-back forms. */
    public enum Kind {
        TIMESTAMP,
        DATE,
        STRING;

        public Type icebergType() {
            return switch (this) {
                case TIMESTAMP -> Types.TimestampType.withZone();
                case DATE -> Types.DateType.get();
                case STRING -> Types.StringType.get();
            };
        }

        Object toInternal(Object value) {
            return switch (this) {
                case TIMESTAMP -> TimestampData.fromInstant((Instant) value);
                case DATE -> (int) ((LocalDate) value).toEpochDay();
                case STRING -> StringData.fromString((String) value);
            };
        }

        /** Iceberg's generic reader returns timestamptz as OffsetDateTime. */
        Object fromRecord(Object value) {
            return this == TIMESTAMP && value != null ? ((OffsetDateTime) value).toInstant() : value;
        }
    }
}
