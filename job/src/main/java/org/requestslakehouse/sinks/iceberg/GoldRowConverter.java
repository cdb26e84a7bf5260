package org.requestslakehouse.sinks.iceberg;

import org.apache.flink.table.data.RowData;
import org.requestslakehouse.gold.GoldRow;
import org.requestslakehouse.gold.GoldTable;

/** A gold table's rows to its {@link RowData} layout, as the table itself defines it. */
public final class GoldRowConverter<R extends GoldRow> extends RowDataConverter<R> {
    private static final long serialVersionUID = 1L;

    private final GoldTable<?, R> gold;

    public GoldRowConverter(GoldTable<?, R> gold) {
        super(LakehouseTable.of(gold));
        this.gold = gold;
    }

    @Override
    public RowData map(R row) {
        return gold.toRowData(row);
    }
}
