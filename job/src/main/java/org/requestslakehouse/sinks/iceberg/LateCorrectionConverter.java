package org.requestslakehouse.sinks.iceberg;

import static org.requestslakehouse.sinks.iceberg.RowValues.string;
import static org.requestslakehouse.sinks.iceberg.RowValues.timestamp;

import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.RowKind;
import org.requestslakehouse.gold.LateCorrection;

/** {@link LateCorrection} to an append-only {@code gold.late_corrections} row. */
public final class LateCorrectionConverter extends RowDataConverter<LateCorrection> {
    private static final long serialVersionUID = 1L;

    public LateCorrectionConverter() {
        super(LakehouseTable.LATE_CORRECTIONS);
    }

    @Override
    public RowData map(LateCorrection c) {
        return GenericRowData.ofKind(
                RowKind.INSERT,
                string(required(c.tableName, "table_name", c)),
                timestamp(c.windowStart),
                string(c.windowKey),
                c.caseEnquiryId,
                string(c.measure),
                c.delta,
                timestamp(c.eventTs),
                timestamp(c.watermark),
                timestamp(c.detectedAt),
                string(c.city),
                string(c.requestId));
    }
}
