package org.requestslakehouse.sinks.iceberg;

import java.util.List;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;
import org.requestslakehouse.metrics.JobMetrics;
import org.requestslakehouse.operators.BundlingOperator;

/**
 * In front of an upsert table's writer in a bounded run: keeps only the last change per row key until the next
 * checkpoint, end of input, {@code maxRows} keys or {@link #MAX_DELAY_MILLIS}, then sends those on. An upsert table
 * ends a checkpoint with each key's last change applied whatever came before it, so the committed table is the same,
 * while a version superseded within the bundle (a case opened and closed a few hours apart, replayed together) is
 * never encoded, deleted by key and shipped to the writer. The bundle is empty at every checkpoint, so the operator
 * has no state. The delay bound keeps rows flowing to the writer during a checkpoint interval, instead of leaving all
 * of its encoding to the barrier, which would hold back the checkpoint and its commit.
 *
 * <p>Rows are kept as they arrive: the {@link RowDataConverter}s in front of it build a new row per record.
 */
public class UpsertBundleOperator extends BundlingOperator<GenericRowData, RowData, RowData> {
    private static final long serialVersionUID = 1L;

    static final String METRIC_SUPERSEDED = "upsertBundleSuperseded";
    static final long MAX_DELAY_MILLIS = 1_000;

    private final RowData.FieldGetter[] keyGetters;

    private transient Counter superseded;

    /**
     * @param rowType    the table's row type
     * @param keyColumns its equality (identifier) columns
     * @param maxRows    keys held at most before the bundle is sent on early, which bounds its memory
     */
    public UpsertBundleOperator(RowType rowType, List<String> keyColumns, int maxRows) {
        super(maxRows, MAX_DELAY_MILLIS);
        this.keyGetters = keyColumns.stream()
                .map(column -> {
                    int position = rowType.getFieldIndex(column);
                    if (position < 0) {
                        throw new IllegalArgumentException("no column " + column + " in " + rowType);
                    }
                    return RowData.createFieldGetter(rowType.getTypeAt(position), position);
                })
                .toArray(RowData.FieldGetter[]::new);
    }

    @Override
    public void open() throws Exception {
        super.open();
        superseded = JobMetrics.of(getRuntimeContext()).counter(METRIC_SUPERSEDED);
    }

    @Override
    public void processElement(StreamRecord<RowData> element) {
        RowData row = element.getValue();
        if (hold(keyOf(row), row) != null) {
            superseded.inc();
        }
    }

    /** Kind is fixed: a DELETE and an INSERT of one key are the same key. */
    private GenericRowData keyOf(RowData row) {
        GenericRowData key = new GenericRowData(keyGetters.length);
        for (int i = 0; i < keyGetters.length; i++) {
            key.setField(i, keyGetters[i].getFieldOrNull(row));
        }
        return key;
    }
}
