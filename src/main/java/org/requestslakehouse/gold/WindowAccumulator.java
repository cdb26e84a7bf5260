package org.requestslakehouse.gold;

import org.requestslakehouse.lifecycle.GoldDelta;
import org.requestslakehouse.lifecycle.Measure;

/**
 * Running totals of one gold window, plus what the aggregator needs to know about its firings. The resolution
 * values live next to this in a map state, because a list would be rewritten whole on every change.
 */
public class WindowAccumulator {
    /** {@link #earlyFiringAt} when no early firing is scheduled. */
    public static final long NO_TIMER = Long.MIN_VALUE;

    public long opened;
    public long closed;
    public long closedOnTime;
    public long closedOverdue;
    /** Changed since the last emitted row. */
    public boolean dirty;
    /** Processing time of the pending early firing, or {@link #NO_TIMER}. */
    public long earlyFiringAt = NO_TIMER;

    public WindowAccumulator() {}

    public void apply(GoldDelta delta) {
        if (delta.measure == Measure.OPENED) {
            opened += delta.sign;
            return;
        }
        closed += delta.sign;
        if (Boolean.TRUE.equals(delta.closedOnTime)) {
            closedOnTime += delta.sign;
        } else if (Boolean.FALSE.equals(delta.closedOnTime)) {
            closedOverdue += delta.sign;
        }
    }

    public boolean hasEarlyFiring() {
        return earlyFiringAt != NO_TIMER;
    }
}
