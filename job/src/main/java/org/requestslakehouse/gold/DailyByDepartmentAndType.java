package org.requestslakehouse.gold;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.requestslakehouse.lifecycle.CaseDimensions;
import org.requestslakehouse.model.DailySla;

/**
 * {@code gold.sla_daily}: local calendar days by department and type. A day runs from local midnight to the
 * next local midnight, so around daylight-saving changes it lasts 23 or 25 hours and a fixed 24-hour window
 * would put an hour of cases on the wrong day.
 */
public class DailyByDepartmentAndType implements GoldGrain<DailyKey, DailySla> {
    public static final String TABLE = "sla_daily";
    private static final long serialVersionUID = 1L;

    private final ZoneId zone;

    public DailyByDepartmentAndType(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String tableName() {
        return TABLE;
    }

    @Override
    public TypeInformation<DailyKey> keyType() {
        return TypeInformation.of(DailyKey.class);
    }

    @Override
    public TypeInformation<DailySla> rowType() {
        return TypeInformation.of(DailySla.class);
    }

    @Override
    public DailyKey keyOf(Instant eventTs, CaseDimensions dimensions) {
        return new DailyKey(LocalDate.ofInstant(eventTs, zone), dimensions.department(), dimensions.type());
    }

    @Override
    public DailyKey keyOfRow(DailySla row) {
        return DailyKey.of(row);
    }

    /** atStartOfDay, not LocalTime.MIDNIGHT: where a transition skips midnight, the day starts at the first valid time. */
    @Override
    public Instant windowStart(DailyKey key) {
        return key.day.atStartOfDay(zone).toInstant();
    }

    @Override
    public Instant windowEnd(DailyKey key) {
        return key.day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    @Override
    public String describeDimensions(DailyKey key) {
        return "department=" + key.department + "|type=" + key.type;
    }

    @Override
    public DailySla row(DailyKey key, WindowAccumulator totals, ResolutionQuantiles resolutions, Instant updatedAt) {
        DailySla row = new DailySla();
        row.day = key.day;
        row.department = key.department;
        row.type = key.type;
        row.opened = totals.opened;
        row.closed = totals.closed;
        row.closedOnTime = totals.closedOnTime;
        row.closedOverdue = totals.closedOverdue;
        long rated = totals.closedOnTime + totals.closedOverdue;
        row.onTimeRate = rated == 0 ? null : (double) totals.closedOnTime / rated;
        row.meanResolutionHours = resolutions.mean();
        row.resolutionHoursP50 = resolutions.p50();
        row.resolutionHoursP90 = resolutions.p90();
        row.updatedAt = updatedAt;
        return row;
    }
}
