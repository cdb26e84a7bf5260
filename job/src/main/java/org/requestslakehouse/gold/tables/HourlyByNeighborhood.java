package org.requestslakehouse.gold.tables;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.requestslakehouse.gold.GoldMeasure;
import org.requestslakehouse.gold.GoldRow;
import org.requestslakehouse.gold.GoldTable;
import org.requestslakehouse.gold.KeyColumn;
import org.requestslakehouse.gold.lifecycle.CaseDimensions;

/** {@code gold.requests_hourly}: UTC hours by city and neighborhood. */
public final class HourlyByNeighborhood extends GoldTable<HourlyByNeighborhood.Key, HourlyByNeighborhood.Row> {
    public static final String TABLE = "requests_hourly";
    private static final long serialVersionUID = 1L;
    private static final Duration HOUR = Duration.ofHours(1);

    private static final List<KeyColumn<Row>> KEY_COLUMNS = List.of(
            KeyColumn.timestamp(
                    "window_start", "start of the UTC hour", r -> r.windowStart, (r, v) -> r.windowStart = v),
            KeyColumn.city(r -> r.city, (r, v) -> r.city = v),
            KeyColumn.string("neighborhood", r -> r.neighborhood, (r, v) -> r.neighborhood = v));
    private static final Set<GoldMeasure> MEASURES = EnumSet.of(
            GoldMeasure.OPENED,
            GoldMeasure.CLOSED,
            GoldMeasure.CLOSED_ON_TIME,
            GoldMeasure.CLOSED_OVERDUE,
            GoldMeasure.RESOLUTION_HOURS_P50,
            GoldMeasure.RESOLUTION_HOURS_P90);
    // Null-tolerant: the rows under check come from tables, and a damaged one must be reported, not crash the check.
    private static final Comparator<Key> ORDER = Comparator.comparing(
                    (Key k) -> k.windowStart, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(k -> k.city, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(k -> k.neighborhood, Comparator.nullsFirst(Comparator.<String>naturalOrder()));

    public HourlyByNeighborhood() {
        super(TABLE, "gold-hourly", Key.class, Row.class);
    }

    @Override
    public Key keyOf(Instant eventTs, CaseDimensions dimensions) {
        return new Key(eventTs.truncatedTo(ChronoUnit.HOURS), dimensions.city(), dimensions.neighborhood());
    }

    @Override
    public Key keyOfRow(Row row) {
        return new Key(row.windowStart, row.city, row.neighborhood);
    }

    @Override
    public Instant windowStart(Key key) {
        return key.windowStart;
    }

    @Override
    public Instant windowEnd(Key key) {
        return key.windowStart.plus(HOUR);
    }

    @Override
    public String describeDimensions(Key key) {
        return "city=" + key.city + "|neighborhood=" + key.neighborhood;
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
        row.windowStart = key.windowStart;
        row.city = key.city;
        row.neighborhood = key.neighborhood;
        return row;
    }

    /** A window: the UTC hour, the city and the neighborhood. */
    public static class Key {
        public Instant windowStart;
        public String city;
        public String neighborhood;

        public Key() {}

        public Key(Instant windowStart, String city, String neighborhood) {
            this.windowStart = windowStart;
            this.city = city;
            this.neighborhood = neighborhood;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(windowStart, k.windowStart)
                    && Objects.equals(city, k.city)
                    && Objects.equals(neighborhood, k.neighborhood);
        }

        @Override
        public int hashCode() {
            return Objects.hash(windowStart, city, neighborhood);
        }

        @Override
        public String toString() {
            return windowStart + ", " + city + ", " + neighborhood;
        }
    }

    /** A row of {@code gold.requests_hourly}. */
    public static class Row extends GoldRow {
        /** Start of the UTC hour. */
        public Instant windowStart;

        public String city;
        public String neighborhood;

        public Row() {}

        @Override
        public String toString() {
            return windowStart + ", " + city + ", " + neighborhood + ": " + super.toString();
        }
    }
}
