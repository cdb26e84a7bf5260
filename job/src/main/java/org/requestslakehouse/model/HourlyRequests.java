package org.requestslakehouse.model;

import java.time.Instant;

/** A row of {@code gold.requests_hourly}: key (window_start, neighborhood). */
public class HourlyRequests {
    /** Start of the UTC hour. */
    public Instant windowStart;

    public String neighborhood;
    public long opened;
    public long closed;
    public long closedOnTime;
    public long closedOverdue;
    /** Quantiles of resolution_hours of the cases closed in the window; null when none closed. */
    public Double resolutionHoursP50;

    public Double resolutionHoursP90;
    public Instant updatedAt;

    public HourlyRequests() {}

    @Override
    public String toString() {
        return "HourlyRequests{" + windowStart + ", " + neighborhood + ", opened=" + opened + ", closed=" + closed
                + ", onTime=" + closedOnTime + ", overdue=" + closedOverdue + ", p50=" + resolutionHoursP50
                + ", p90=" + resolutionHoursP90 + "}";
    }
}
