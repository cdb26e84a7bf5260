package org.requestslakehouse.gold.tables;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.TypeInfo;
import org.requestslakehouse.gold.GoldMeasure;
import org.requestslakehouse.gold.GoldRow;
import org.requestslakehouse.gold.GoldTable;
import org.requestslakehouse.gold.KeyColumn;
import org.requestslakehouse.gold.lifecycle.CaseDimensions;
import org.requestslakehouse.model.LocalDateTypeInfoFactory;

/**
 * {@code gold.sla_daily}: local calendar days by city, department and type. A day runs from local midnight to the
 * next local midnight, so around daylight-saving changes it lasts 23 or 25 hours and a fixed 24-hour window
 * would put an hour of cases on the wrong day.
 */
public final class DailyByDepartmentAndType
        extends GoldTable<DailyByDepartmentAndType.Key, DailyByDepartmentAndType.Row> {
    public static final String TABLE = "sla_daily";
    private static final long serialVersionUID = 1L;

    private static final List<KeyColumn<Row>> KEY_COLUMNS = List.of(
            KeyColumn.date("day", "Boston-local calendar date", r -> r.day, (r, v) -> r.day = v),
            KeyColumn.city(r -> r.city, (r, v) -> r.city = v),
            KeyColumn.string("department", r -> r.department, (r, v) -> r.department = v),
            KeyColumn.string("type", r -> r.type, (r, v) -> r.type = v));
    private static final Set<GoldMeasure> MEASURES = EnumSet.allOf(GoldMeasure.class);
    private static final Comparator<Key> ORDER = Comparator.comparing(
                    (Key k) -> k.day, Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()))
            .thenComparing(k -> k.city, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(k -> k.department, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(k -> k.type, Comparator.nullsFirst(Comparator.<String>naturalOrder()));

    private final ZoneId zone;

    public DailyByDepartmentAndType(ZoneId zone) {
        super(TABLE, "gold-daily", Key.class, Row.class);
        this.zone = zone;
    }

    @Override
    public Key keyOf(Instant eventTs, CaseDimensions dimensions) {
        return new Key(
                LocalDate.ofInstant(eventTs, zone), dimensions.city(), dimensions.department(), dimensions.type());
    }

    @Override
    public Key keyOfRow(Row row) {
        return new Key(row.day, row.city, row.department, row.type);
    }

    /** atStartOfDay, not LocalTime.MIDNIGHT: where a transition skips midnight, the day starts at the first valid time. */
    @Override
    public Instant windowStart(Key key) {
        return key.day.atStartOfDay(zone).toInstant();
    }

    @Override
    public Instant windowEnd(Key key) {
        return key.day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    @Override
    public String describeDimensions(Key key) {
        return "city=" + key.city + "|department=" + key.department + "|type=" + key.type;
    }

    @Override
    public Comparator<Key> order() {
        return ORDER;
    }

    @Override
    public List<KeyColumn<Row>> keyColumns() {
        return KEY_COLUMNS;
    }

    @Override
    public Set<GoldMeasure> measures() {
        return MEASURES;
    }

    @Override
    protected Row newRow(Key key) {
        Row row = new Row();
        row.day = key.day;
        row.city = key.city;
        row.department = key.department;
        row.type = key.type;
        return row;
    }

    /** A window: the local calendar day, the city, the department and the case type. */
    public static class Key {
        @TypeInfo(LocalDateTypeInfoFactory.class)
        public LocalDate day;

        public String city;
        public String department;
        public String type;

        public Key() {}

        public Key(LocalDate day, String city, String department, String type) {
            this.day = day;
            this.city = city;
            this.department = department;
            this.type = type;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(day, k.day)
                    && Objects.equals(city, k.city)
                    && Objects.equals(department, k.department)
                    && Objects.equals(type, k.type);
        }

        @Override
        public int hashCode() {
            return Objects.hash(day, city, department, type);
        }

        @Override
        public String toString() {
            return day + ", " + city + ", " + department + ", " + type;
        }
    }

    /** A row of {@code gold.sla_daily}; day is the local calendar date. */
    public static class Row extends GoldRow {
        @TypeInfo(LocalDateTypeInfoFactory.class)
        public LocalDate day;

        public String city;
        public String department;
        public String type;

        public Row() {}

        @Override
        public String toString() {
            return day + ", " + city + ", " + department + ", " + type + ": " + super.toString();
        }
    }
}
