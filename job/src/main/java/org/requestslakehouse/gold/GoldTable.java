package org.requestslakehouse.gold;

import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.types.RowKind;
import org.apache.iceberg.data.Record;
import org.requestslakehouse.gold.lifecycle.CaseDimensions;

/**
 * A gold table: how event time is cut into windows, which dimensions group the counts, which measures a row
 * publishes, and the columns that follow from that. The streaming aggregator, the batch recomputation, the Iceberg
 * schema and sink, {@code verify} and the dashboard all go through it, so they cannot disagree on which window a case
 * falls into or what a row holds. A new gold table is one subclass plus its entry in {@code LakehouseTable}.
 *
 * <p>Columns, in schema order: the key columns (window first: the table is partitioned by its month), the published
 * measures in {@link GoldMeasure} order, then {@code updated_at}.
 *
 * @param <K> window key: window plus dimension values, with value-based equals/hashCode that is stable across JVMs,
 *     since keyBy partitions on it
 * @param <R> the table's row type
 */
public abstract class GoldTable<K, R extends GoldRow> implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String UPDATED_AT = "updated_at";

    private final String tableName;
    private final String operatorPrefix;
    private final Class<K> keyClass;
    private final Class<R> rowClass;

    /**
     * @param tableName      without database, as in {@code gold.watermarks.table_name}
     * @param operatorPrefix prefix of the uids of the table's window and completeness operators; their state is stored
     *     under these uids, so it must never change
     */
    protected GoldTable(String tableName, String operatorPrefix, Class<K> keyClass, Class<R> rowClass) {
        this.tableName = tableName;
        this.operatorPrefix = operatorPrefix;
        this.keyClass = keyClass;
        this.rowClass = rowClass;
    }

    public final String tableName() {
        return tableName;
    }

    public final String operatorPrefix() {
        return operatorPrefix;
    }

    public final Class<K> keyClass() {
        return keyClass;
    }

    public final Class<R> rowClass() {
        return rowClass;
    }

    /** The window a contribution at {@code eventTs} with these (normalised) dimensions counts in. */
    public abstract K keyOf(Instant eventTs, CaseDimensions dimensions);

    public abstract K keyOfRow(R row);

    /** Inclusive. */
    public abstract Instant windowStart(K key);

    /** Exclusive. */
    public abstract Instant windowEnd(K key);

    /** The key's dimensions as {@code dim=value} pairs joined by '|', for people reading late corrections. */
    public abstract String describeDimensions(K key);

    /** Report order of {@code verify}; must accept null fields, since the rows it checks may be damaged. */
    public abstract Comparator<K> order();

    /** Window column first, then the dimensions. */
    public abstract List<KeyColumn<R>> keyColumns();

    public abstract Set<GoldMeasure> measures();

    /** A row with the key's columns set and no measures. */
    protected abstract R newRow(K key);

    public TypeInformation<K> keyType() {
        return TypeInformation.of(keyClass());
    }

    public TypeInformation<R> rowType() {
        return TypeInformation.of(rowClass());
    }

    public final Instant windowEndOfRow(R row) {
        return windowEnd(keyOfRow(row));
    }

    /** The one place a window's totals become a row, for the streaming and the batch side alike. */
    public final R row(K key, GoldCounts counts, ResolutionQuantiles resolutions, Instant updatedAt) {
        R row = newRow(key);
        for (GoldMeasure measure : measures()) {
            measure.set(row, measure.compute(counts, resolutions));
        }
        row.updatedAt = updatedAt;
        return row;
    }

    /** A row in the layout of the table's schema; INSERT because the sink upserts on the key. */
    public final RowData toRowData(R row) {
        List<KeyColumn<R>> keys = keyColumns();
        Set<GoldMeasure> measures = measures();
        GenericRowData data = new GenericRowData(RowKind.INSERT, keys.size() + measures.size() + 1);
        int i = 0;
        for (KeyColumn<R> key : keys) {
            Object value = key.get().apply(row);
            if (value == null) {
                // Only a bug in the aggregator can get here; a null key would fail the Parquet writer less clearly.
                throw new IllegalArgumentException(tableName() + "." + key.name() + " is required but null in " + row);
            }
            data.setField(i++, key.kind().toInternal(value));
        }
        for (GoldMeasure measure : measures) {
            data.setField(i++, measure.get(row));
        }
        data.setField(i, row.updatedAt == null ? null : TimestampData.fromInstant(row.updatedAt));
        return data;
    }

    /** A row read back from the table, as {@code verify} and the dashboard see it. */
    public final R fromRecord(Record record) {
        R row = blankRow();
        for (KeyColumn<R> key : keyColumns()) {
            key.set().accept(row, key.kind().fromRecord(record.getField(key.name())));
        }
        for (GoldMeasure measure : measures()) {
            measure.set(row, record.getField(measure.column()));
        }
        row.updatedAt = (Instant) KeyColumn.Kind.TIMESTAMP.fromRecord(record.getField(UPDATED_AT));
        return row;
    }

    private R blankRow() {
        try {
            return rowClass().getDeclaredConstructor().newInstance();
        } catch (InstantiationException
                | IllegalAccessException
                | InvocationTargetException
                | NoSuchMethodException e) {
            throw new IllegalStateException(rowClass() + " needs a public no-argument constructor", e);
        }
    }

    @Override
    public String toString() {
        return tableName();
    }
}
