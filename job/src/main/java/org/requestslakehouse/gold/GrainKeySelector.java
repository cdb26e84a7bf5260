package org.requestslakehouse.gold;

import org.apache.flink.api.java.functions.KeySelector;

/** Routes a change to the window it counts in, as its table defines windows. */
public class GrainKeySelector<K> implements KeySelector<WindowChange, K> {
    private static final long serialVersionUID = 1L;

    private final GoldTable<K, ?> table;

    public GrainKeySelector(GoldTable<K, ?> table) {
        this.table = table;
    }

    @Override
    public K getKey(WindowChange change) {
        return table.keyOf(change.eventTs, change.dimensions());
    }
}
