package org.requestslakehouse.gold;

import org.apache.flink.api.java.functions.KeySelector;
import org.requestslakehouse.lifecycle.GoldDelta;

/** Routes a delta to the window it counts in, as its grain defines windows. */
public class GrainKeySelector<K> implements KeySelector<GoldDelta, K> {
    private static final long serialVersionUID = 1L;

    private final GoldGrain<K, ?> grain;

    public GrainKeySelector(GoldGrain<K, ?> grain) {
        this.grain = grain;
    }

    @Override
    public K getKey(GoldDelta delta) {
        return grain.keyOf(delta.eventTs, delta.dimensions());
    }
}
