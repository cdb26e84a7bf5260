package org.requestslakehouse.gold;

import java.io.Serializable;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.requestslakehouse.lifecycle.CaseDimensions;

/**
 * What distinguishes one gold table from another: how event time is cut into windows, which dimensions group
 * the counts, and how a window's totals become a row. Both the streaming aggregator and the batch
 * recomputation assign windows through this, so the two cannot disagree on which window a case falls into.
 *
 * @param <K>   window key: window plus dimension values, value-based equals/hashCode
 * @param <OUT> the table's row type
 */
public interface GoldGrain<K, OUT> extends Serializable {
    /** Table name without database, as in {@code gold.watermarks.table_name}. */
    String tableName();

    TypeInformation<K> keyType();

    TypeInformation<OUT> rowType();

    /** The window a contribution at {@code eventTs} with these (normalised) dimensions counts in. */
    K keyOf(Instant eventTs, CaseDimensions dimensions);

    K keyOfRow(OUT row);

    /** Inclusive. */
    Instant windowStart(K key);

    /** Exclusive. */
    Instant windowEnd(K key);

    /** The key's dimensions as {@code dim=value} pairs joined by '|', for people reading late corrections. */
    String describeDimensions(K key);

    OUT row(K key, WindowAccumulator totals, ResolutionQuantiles resolutions, Instant updatedAt);

    default Instant windowEndOfRow(OUT row) {
        return windowEnd(keyOfRow(row));
    }
}
