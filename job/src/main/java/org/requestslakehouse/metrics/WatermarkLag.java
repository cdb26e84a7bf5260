package org.requestslakehouse.metrics;

import org.apache.flink.metrics.Gauge;
import org.apache.flink.streaming.api.TimerService;

/**
 * Processing time minus the newest watermark an operator has seen, in milliseconds: how far its event time is
 * behind the wall clock, computed when the metric is read so that a stalled watermark shows as a growing lag.
 * {@value #NO_WATERMARK_YET} until the first watermark (a bounded CSV run has only the one at end of input);
 * 0 once the input has ended.
 */
public final class WatermarkLag implements Gauge<Long> {
    public static final long NO_WATERMARK_YET = -1;

    // Written by the task thread, read by the metric reporter's thread.
    private volatile TimerService timers;
    private volatile long watermark = Long.MIN_VALUE;

    /** Called by the operator with every element and timer; cheap when the watermark has not moved. */
    public void observe(TimerService timerService) {
        if (timers == null) {
            timers = timerService;
        }
        long current = timerService.currentWatermark();
        if (current != watermark) {
            watermark = current;
        }
    }

    @Override
    public Long getValue() {
        TimerService t = timers;
        long w = watermark;
        if (t == null || w == Long.MIN_VALUE) {
            return NO_WATERMARK_YET;
        }
        return Math.max(0, t.currentProcessingTime() - w);
    }
}
