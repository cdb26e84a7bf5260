package org.requestslakehouse.sinks.iceberg;

import static org.requestslakehouse.sinks.iceberg.RowValues.string;
import static org.requestslakehouse.sinks.iceberg.RowValues.timestamp;

import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.RowKind;
import org.requestslakehouse.model.HourlyRequests;

/** {@link HourlyRequests} to a {@code gold.requests_hourly} row; INSERT because the sink upserts on the key. */
public final class HourlyRequestsConverter extends RowDataConverter<HourlyRequests> {
    private static final long serialVersionUID = 1L;

    public HourlyRequestsConverter() {
        super(LakehouseTable.REQUESTS_HOURLY);
    }

    @Override
    public RowData map(HourlyRequests h) {
        return GenericRowData.ofKind(
                RowKind.INSERT,
                timestamp(required(h.windowStart, "window_start", h)),
                string(required(h.neighborhood, "neighborhood", h)),
                h.opened,
                h.closed,
                h.closedOnTime,
                h.closedOverdue,
                h.resolutionHoursP50,
                h.resolutionHoursP90,
                timestamp(h.updatedAt));
    }
}
