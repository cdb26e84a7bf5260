package org.requestslakehouse.sinks.iceberg;

import static org.requestslakehouse.sinks.iceberg.RowValues.date;
import static org.requestslakehouse.sinks.iceberg.RowValues.string;
import static org.requestslakehouse.sinks.iceberg.RowValues.timestamp;

import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.RowKind;
import org.requestslakehouse.model.DailySla;

/** {@link DailySla} to a {@code gold.sla_daily} row; INSERT because the sink upserts on the key. */
public final class DailySlaConverter extends RowDataConverter<DailySla> {
    private static final long serialVersionUID = 1L;

    public DailySlaConverter() {
        super(LakehouseTable.SLA_DAILY);
    }

    @Override
    public RowData map(DailySla d) {
        return GenericRowData.ofKind(
                RowKind.INSERT,
                date(required(d.day, "day", d)),
                string(required(d.department, "department", d)),
                string(required(d.type, "type", d)),
                d.opened,
                d.closed,
                d.closedOnTime,
                d.closedOverdue,
                d.onTimeRate,
                d.meanResolutionHours,
                d.resolutionHoursP50,
                d.resolutionHoursP90,
                timestamp(d.updatedAt));
    }
}
