package org.requestslakehouse.pipeline;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.requestslakehouse.model.ServiceRequest;

/**
 * Bounded-out-of-orderness watermarks that only trust stream times no further ahead of the moment the message was
 * ingested than {@link #FUTURE_TOLERANCE}. One mistyped date (2099 for 2019) would otherwise move the watermark
 * decades ahead and every later event would count as late, closing gold windows before their data arrived. The
 * record itself keeps its time: it is in silver with the {@code open_ts_in_future} flag and counts in the window
 * it names, which simply stays open.
 */
public final class PlausibleTimeWatermarks implements WatermarkGenerator<ServiceRequest> {
    /** Same tolerance the parser uses for its future-timestamp flags: clock skew is hours, not days. */
    static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);

    private final long outOfOrdernessMillis;
    private long maxTrustedTimestamp;

    public PlausibleTimeWatermarks(Duration outOfOrderness) {
        this.outOfOrdernessMillis = outOfOrderness.toMillis();
        // Start so that the first watermark is Long.MIN_VALUE without overflowing.
        this.maxTrustedTimestamp = Long.MIN_VALUE + outOfOrdernessMillis + 1;
    }

    @Override
    public void onEvent(ServiceRequest event, long eventTimestamp, WatermarkOutput output) {
        if (eventTimestamp <= event.ingestedAtMillis + FUTURE_TOLERANCE.toMillis()) {
            maxTrustedTimestamp = Math.max(maxTrustedTimestamp, eventTimestamp);
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        output.emitWatermark(new Watermark(maxTrustedTimestamp - outOfOrdernessMillis - 1));
    }
}
