package org.requestslakehouse.gold;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.requestslakehouse.lifecycle.CaseDimensions;
import org.requestslakehouse.model.HourlyRequests;

/** {@code gold.requests_hourly}: UTC hours by neighborhood. */
public class HourlyByNeighborhood implements GoldGrain<HourlyKey, HourlyRequests> {
    public static final String TABLE = "requests_hourly";
    private static final long serialVersionUID = 1L;
    private static final Duration HOUR = Duration.ofHours(1);

    @Override
    public String tableName() {
        return TABLE;
    }

    @Override
    public TypeInformation<HourlyKey> keyType() {
        return TypeInformation.of(HourlyKey.class);
    }

    @Override
    public TypeInformation<HourlyRequests> rowType() {
        return TypeInformation.of(HourlyRequests.class);
    }

    @Override
    public HourlyKey keyOf(Instant eventTs, CaseDimensions dimensions) {
        return new HourlyKey(eventTs.truncatedTo(ChronoUnit.HOURS), dimensions.neighborhood());
    }

    @Override
    public HourlyKey keyOfRow(HourlyRequests row) {
        return HourlyKey.of(row);
    }

    @Override
    public Instant windowStart(HourlyKey key) {
        return key.windowStart;
    }

    @Override
    public Instant windowEnd(HourlyKey key) {
        return key.windowStart.plus(HOUR);
    }

    @Override
    public String describeDimensions(HourlyKey key) {
        return "neighborhood=" + key.neighborhood;
    }

    @Override
    public HourlyRequests row(
            HourlyKey key, WindowAccumulator totals, ResolutionQuantiles resolutions, Instant updatedAt) {
        HourlyRequests row = new HourlyRequests();
        row.windowStart = key.windowStart;
        row.neighborhood = key.neighborhood;
        row.opened = totals.opened;
        row.closed = totals.closed;
        row.closedOnTime = totals.closedOnTime;
        row.closedOverdue = totals.closedOverdue;
        row.resolutionHoursP50 = resolutions.p50();
        row.resolutionHoursP90 = resolutions.p90();
        row.updatedAt = updatedAt;
        return row;
    }
}
