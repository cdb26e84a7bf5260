package org.requestslakehouse.model;

import java.time.Instant;
import java.time.LocalDate;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/** A row of {@code gold.sla_daily}: key (day, department, type), day being the Boston-local calendar date. */
public class DailySla {
    @TypeInfo(LocalDateTypeInfoFactory.class)
    public LocalDate day;

    public String department;
    public String type;
    public long opened;
    public long closed;
    public long closedOnTime;
    public long closedOverdue;
    /** closed_on_time / (closed_on_time + closed_overdue); null when neither. */
    public Double onTimeRate;

    public Double meanResolutionHours;
    public Double resolutionHoursP50;
    public Double resolutionHoursP90;
    public Instant updatedAt;

    public DailySla() {}

    @Override
    public String toString() {
        return "DailySla{" + day + ", " + department + ", " + type + ", opened=" + opened + ", closed=" + closed
                + ", onTime=" + closedOnTime + ", overdue=" + closedOverdue + ", mean=" + meanResolutionHours + "}";
    }
}
