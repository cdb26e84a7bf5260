package org.requestslakehouse.gold;

import org.apache.flink.api.java.functions.KeySelector;
import org.requestslakehouse.gold.lifecycle.GoldDelta;

/** Routes a delta to the window it counts in, as its table defines windows. */
public class GrainKeySelector<K> implements KeySelector<GoldDelta, K> {
    private static final long serialVersionUID = 1L;

    private final GoldTable<K, ?> table;

    public GrainKeySelector(GoldTable<K, ?> table) {
        this.table = table;
    }

    @Override
    public K getKey(GoldDelta delta) {
        return table.keyOf(delta.eventTs, delta.dimensions());
    }
}
