package org.requestslakehouse.gold;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * A measure column of a gold table: its name, type, how it is computed from a window's counts and resolution
 * times, and how {@code verify} compares it. Schema order of a table's measures is the order declared here.
 */
public enum GoldMeasure {
    OPENED("opened", Comparison.EXACT, null, r -> r.opened, (r, v) -> r.opened = (Long) v),
    CLOSED("closed", Comparison.EXACT, null, r -> r.closed, (r, v) -> r.closed = (Long) v),
    CLOSED_ON_TIME("closed_on_time", Comparison.EXACT, null, r -> r.closedOnTime, (r, v) -> r.closedOnTime = (Long) v),
    CLOSED_OVERDUE(
            "closed_overdue", Comparison.EXACT, null, r -> r.closedOverdue, (r, v) -> r.closedOverdue = (Long) v),
    ON_TIME_RATE(
            "on_time_rate",
            Comparison.RATE,
            "closed_on_time / (closed_on_time + closed_overdue)",
            r -> r.onTimeRate,
            (r, v) -> r.onTimeRate = (Double) v),
    MEAN_RESOLUTION_HOURS(
            "mean_resolution_hours",
            Comparison.MEAN,
            null,
            r -> r.meanResolutionHours,
            (r, v) -> r.meanResolutionHours = (Double) v),
    RESOLUTION_HOURS_P50(
            "resolution_hours_p50",
            Comparison.P50,
            null,
            r -> r.resolutionHoursP50,
            (r, v) -> r.resolutionHoursP50 = (Double) v),
    RESOLUTION_HOURS_P90(
            "resolution_hours_p90",
            Comparison.P90,
            null,
            r -> r.resolutionHoursP90,
            (r, v) -> r.resolutionHoursP90 = (Double) v);

    /** How {@code verify} compares the streamed value with the recomputed one. */
    public enum Comparison {
        /** Counts: equal. */
        EXACT,
        /** Within {@link GoldComparison#RATE_TOLERANCE}. */
        RATE,
        /** Within a relative {@link GoldComparison#MEAN_RELATIVE_TOLERANCE}: the two sides sum in different orders. */
        MEAN,
        /** Within the band the quantile sketch allows. */
        P50,
        P90
    }

    private final String column;
    private final Comparison comparison;
    private final String doc;
    private final Function<GoldRow, Object> get;
    private final BiConsumer<GoldRow, Object> set;

    GoldMeasure(
            String column,
            Comparison comparison,
            String doc,
            Function<GoldRow, Object> get,
            BiConsumer<GoldRow, Object> set) {
        this.column = column;
        this.comparison = comparison;
        this.doc = doc;
        this.get = get;
        this.set = set;
    }

    public String column() {
        return column;
    }

    public Comparison comparison() {
        return comparison;
    }

    public String doc() {
        return doc;
    }

    /** Counts are never null, so they are required columns; the rest are null when nothing defines them. */
    public boolean required() {
        return comparison == Comparison.EXACT;
    }

    public Type icebergType() {
        return required() ? Types.LongType.get() : Types.DoubleType.get();
    }

    /** The value as the Iceberg writer takes it: Long or Double, which Flink's internal row uses as they are. */
    public Object get(GoldRow row) {
        return get.apply(row);
    }

    public void set(GoldRow row, Object value) {
        set.accept(row, value);
    }

    /** The one place a window's counts and resolution times become measure values. */
    Object compute(GoldCounts counts, ResolutionQuantiles resolutions) {
        return switch (this) {
            case OPENED -> counts.opened();
            case CLOSED -> counts.closed();
            case CLOSED_ON_TIME -> counts.closedOnTime();
            case CLOSED_OVERDUE -> counts.closedOverdue();
            case ON_TIME_RATE -> counts.onTimeRate();
            case MEAN_RESOLUTION_HOURS -> resolutions.mean();
            case RESOLUTION_HOURS_P50 -> resolutions.p50();
            case RESOLUTION_HOURS_P90 -> resolutions.p90();
        };
    }
}
