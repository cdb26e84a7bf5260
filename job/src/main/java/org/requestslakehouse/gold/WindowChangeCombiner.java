package org.requestslakehouse.gold;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.requestslakehouse.gold.lifecycle.GoldDelta;

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
public class WindowChangeCombiner<K> extends AbstractStreamOperator<WindowChange>
        implements OneInputStreamOperator<GoldDelta, WindowChange>, BoundedOneInput {
    private static final long serialVersionUID = 1L;

    static final long MAX_DELAY_MILLIS = 200;
    static final int MAX_WINDOWS = 10_000;

    private final GoldTable<K, ?> table;

    private transient Map<K, WindowChange> bundle;
    private transient long watermark;
    private transient boolean flushScheduled;

    public WindowChangeCombiner(GoldTable<K, ?> table) {
        this.table = table;
        // Chained to the lifecycle: as a task of its own it would add the very exchange it saves.
        setChainingStrategy(ChainingStrategy.ALWAYS);
    }

    @Override
    public void open() throws Exception {
        super.open();
        bundle = new LinkedHashMap<>();
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
        bundle.computeIfAbsent(key, k -> WindowChange.locatedAt(delta)).add(delta);
        if (bundle.size() >= MAX_WINDOWS) {
            flush();
        } else if (!flushScheduled) {
            flushScheduled = true;
            long now = getProcessingTimeService().getCurrentProcessingTime();
            getProcessingTimeService().registerTimer(now + MAX_DELAY_MILLIS, time -> {
                flushScheduled = false;
                flush();
            });
        }
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        flush();
        watermark = mark.getTimestamp();
        super.processWatermark(mark);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        super.prepareSnapshotPreBarrier(checkpointId);
        flush();
    }

    @Override
    public void endInput() {
        flush();
    }

    private void flush() {
        for (WindowChange change : bundle.values()) {
            output.collect(new StreamRecord<>(change));
        }
        bundle.clear();
    }
}
