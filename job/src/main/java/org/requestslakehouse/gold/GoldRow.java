package org.requestslakehouse.gold;

import java.time.Instant;

/**
 * The measures every gold row may carry; each table adds its key fields and publishes the {@link GoldMeasure}s it
 * lists. Measures a table does not publish stay at zero or null.
 */
public class GoldRow {
    public long opened;
    public long closed;
    public long closedOnTime;
    public long closedOverdue;
    public Double onTimeRate;
    public Double meanResolutionHours;
    /** Quantiles of resolution_hours of the cases closed in the window; null when none closed. */
    public Double resolutionHoursP50;

    public Double resolutionHoursP90;
    public Instant updatedAt;

    public GoldRow() {}

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{opened=" + opened + ", closed=" + closed + ", onTime=" + closedOnTime
                + ", overdue=" + closedOverdue + ", rate=" + onTimeRate + ", mean=" + meanResolutionHours + ", p50="
                + resolutionHoursP50 + ", p90=" + resolutionHoursP90 + "}";
    }
}
