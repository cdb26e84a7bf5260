package org.requestslakehouse.sinks.iceberg;

import static org.requestslakehouse.sinks.iceberg.RowValues.string;
import static org.requestslakehouse.sinks.iceberg.RowValues.timestamp;

import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.RowKind;
import org.requestslakehouse.gold.GoldWatermark;

/** {@link GoldWatermark} to a {@code gold.watermarks} row; INSERT because the sink upserts on table_name. */
public final class GoldWatermarkConverter extends RowDataConverter<GoldWatermark> {
    private static final long serialVersionUID = 1L;

    public GoldWatermarkConverter() {
        super(LakehouseTable.WATERMARKS);
    }

    @Override
    public RowData map(GoldWatermark w) {
        return GenericRowData.ofKind(
                RowKind.INSERT,
                string(required(w.tableName, "table_name", w)),
                timestamp(w.completeThrough),
                timestamp(w.updatedAt));
    }
}
