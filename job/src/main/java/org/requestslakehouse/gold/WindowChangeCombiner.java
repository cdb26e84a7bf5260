package org.requestslakehouse.gold;

import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.requestslakehouse.gold.lifecycle.GoldDelta;
import org.requestslakehouse.operators.BundlingOperator;

/**
 * Before a gold table's keyed exchange: sums the lifecycle's deltas per window and sends one {@link WindowChange}
 * per window instead, so the window operator ships, reads and writes a window's state once per bundle rather than
 * once per delta. Windows the watermark has not reached are bundled; a delta for a window it has reached (whose
 * row updates at once and may be late) goes on alone, as it always did.
 *
 * <p>The bundle is sent on before every watermark is passed on, so the window operator applies a combined change
 * before any watermark that could make it late; before every checkpoint barrier, so the operator has no state;
 * at end of input; after at most {@link #MAX_DELAY_MILLIS} of processing time, so a stalled watermark cannot hold
 * back early firings; and when it holds {@link #MAX_WINDOWS} windows, which bounds its memory.
 */
public class WindowChangeCombiner<K> extends BundlingOperator<K, GoldDelta, WindowChange> {
    private static final long serialVersionUID = 1L;

    static final long MAX_DELAY_MILLIS = 200;
    static final int MAX_WINDOWS = 10_000;

    private final GoldTable<K, ?> table;

    private transient long watermark;

    public WindowChangeCombiner(GoldTable<K, ?> table) {
        super(MAX_WINDOWS, MAX_DELAY_MILLIS);
        this.table = table;
    }

    @Override
    public void open() throws Exception {
        super.open();
        watermark = Long.MIN_VALUE;
    }

    @Override
    public void processElement(StreamRecord<GoldDelta> element) {
        GoldDelta delta = element.getValue();
        K key = table.keyOf(delta.eventTs, delta.dimensions());
        if (table.windowEnd(key).toEpochMilli() - 1 <= watermark) {
            output.collect(new StreamRecord<>(WindowChange.of(delta)));
            return;
        }
        WindowChange change = held(key);
        if (change == null) {
            change = WindowChange.locatedAt(delta);
        }
        change.add(delta);
        hold(key, change);
    }

    /** Whatever is held goes on first: held back past this watermark, it could be late at the window operator. */
    @Override
    public void processWatermark(Watermark mark) throws Exception {
        flush();
        watermark = mark.getTimestamp();
        super.processWatermark(mark);
    }
}
