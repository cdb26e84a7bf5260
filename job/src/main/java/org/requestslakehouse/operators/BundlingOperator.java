package org.requestslakehouse.operators;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * A stateless operator that holds one output value per key and sends the held values on together, in the order
 * their keys were first held. The subclass decides what a key is and how a record changes the value held for it
 * ({@link #held}, {@link #hold}); this class decides when the values go on: before every checkpoint barrier, so
 * there is never anything to snapshot; at end of input; as soon as {@code maxKeys} keys are held, which bounds its
 * memory; and at most {@code maxDelayMillis} of processing time after a key was held, so that nothing waits for the
 * next barrier. A subclass may also {@link #flush} itself, for instance before passing a watermark on.
 *
 * <p>It always runs chained to the operator in front of it: what it saves is work in the operators behind it, and
 * as a task of its own it would add a network hop for every record it holds.
 */
public abstract class BundlingOperator<K, IN, OUT> extends AbstractStreamOperator<OUT>
        implements OneInputStreamOperator<IN, OUT>, BoundedOneInput {
    private static final long serialVersionUID = 1L;

    private final int maxKeys;
    private final long maxDelayMillis;

    private transient Map<K, OUT> bundle;
    private transient boolean flushScheduled;

    /**
     * @param maxKeys        keys held at most before the bundle is sent on early
     * @param maxDelayMillis processing time a held value waits at most before it is sent on
     */
    protected BundlingOperator(int maxKeys, long maxDelayMillis) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("a bundle holds at least 1 key, maxKeys was " + maxKeys);
        }
        if (maxDelayMillis < 1) {
            throw new IllegalArgumentException("maxDelayMillis must be at least 1, was " + maxDelayMillis);
        }
        this.maxKeys = maxKeys;
        this.maxDelayMillis = maxDelayMillis;
        setChainingStrategy(ChainingStrategy.ALWAYS);
    }

    @Override
    public void open() throws Exception {
        super.open();
        bundle = new LinkedHashMap<>();
    }

    /** The value held for {@code key}, or null when none is. */
    protected final OUT held(K key) {
        return bundle.get(key);
    }

    /**
     * Holds {@code value} for {@code key} in place of the value held for it, if any, and returns that one (or null).
     * A key held again keeps its place in the order. Sends the bundle on at once when it is full.
     */
    protected final OUT hold(K key, OUT value) {
        OUT previous = bundle.put(key, value);
        if (bundle.size() >= maxKeys) {
            flush();
        } else if (!flushScheduled) {
            flushScheduled = true;
            long now = getProcessingTimeService().getCurrentProcessingTime();
            getProcessingTimeService().registerTimer(now + maxDelayMillis, time -> {
                flushScheduled = false;
                flush();
            });
        }
        return previous;
    }

    /** Sends every held value on and holds none. */
    protected final void flush() {
        StreamRecord<OUT> reused = new StreamRecord<>(null);
        for (OUT value : bundle.values()) {
            output.collect(reused.replace(value));
        }
        bundle.clear();
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        super.prepareSnapshotPreBarrier(checkpointId);
        flush();
    }

    @Override
    public void endInput() throws Exception {
        flush();
    }
}
