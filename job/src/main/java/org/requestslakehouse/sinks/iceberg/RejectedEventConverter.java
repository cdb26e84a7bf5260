package org.requestslakehouse.sinks.iceberg;

import static org.requestslakehouse.sinks.iceberg.RowValues.string;
import static org.requestslakehouse.sinks.iceberg.RowValues.timestampMillis;

import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.RowKind;
import org.requestslakehouse.model.RejectedEvent;

/** {@link RejectedEvent} to a {@code silver.rejected_events} row, payload kept byte for byte for replay. */
public final class RejectedEventConverter extends RowDataConverter<RejectedEvent> {
    private static final long serialVersionUID = 1L;

    public RejectedEventConverter() {
        super(LakehouseTable.REJECTED_EVENTS);
    }

    @Override
    public RowData map(RejectedEvent e) {
        return GenericRowData.ofKind(
                RowKind.INSERT,
                string(required(e.reasonCode, "reason_code", e)),
                string(e.detail),
                string(required(e.sourceType, "source_type", e)),
                string(required(e.sourceName, "source_name", e)),
                string(e.sourcePartition),
                string(e.sourcePosition),
                timestampMillis(e.ingestedAtMillis),
                timestampMillis(e.rejectedAtMillis),
                e.payload,
                string(e.city));
    }
}
