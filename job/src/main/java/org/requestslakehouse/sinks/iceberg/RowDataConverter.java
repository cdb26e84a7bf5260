package org.requestslakehouse.sinks.iceberg;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.RowType;
import org.apache.iceberg.flink.FlinkSchemaUtil;

/**
 * Maps one record type to the {@link RowData} layout of its table. Declaring the produced type as the table's
 * {@link InternalTypeInfo} keeps the hop into the Iceberg writer on Flink's binary row serializer, never Kryo.
 */
public abstract class RowDataConverter<T> implements MapFunction<T, RowData>, ResultTypeQueryable<RowData> {
    private static final long serialVersionUID = 1L;

    private final LakehouseTable table;

    protected RowDataConverter(LakehouseTable table) {
        this.table = table;
    }

    public LakehouseTable table() {
        return table;
    }

    public RowType rowType() {
        return FlinkSchemaUtil.convert(table.definition().schema());
    }

    @Override
    public TypeInformation<RowData> getProducedType() {
        return InternalTypeInfo.of(rowType());
    }

    /** Required columns the job fills from records other operators build: a null is a bug upstream, say where. */
    protected final <V> V required(V value, String column, Object record) {
        if (value == null) {
            throw new IllegalArgumentException(table.tableName() + "." + column + " is required but null in " + record);
        }
        return value;
    }
}
