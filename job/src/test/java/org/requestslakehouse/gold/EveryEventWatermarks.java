package org.requestslakehouse.gold;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.requestslakehouse.model.ServiceRequest;

/**
 * A watermark right behind every event, so that with parallelism 1 a test decides exactly which events are late
 * instead of depending on when the periodic watermark timer happens to fire.
 */
class EveryEventWatermarks implements WatermarkGenerator<ServiceRequest> {
    private long maxTimestamp = Long.MIN_VALUE;

    @Override
    public void onEvent(ServiceRequest event, long eventTimestamp, WatermarkOutput output) {
        maxTimestamp = Math.max(maxTimestamp, eventTimestamp);
        output.emitWatermark(new Watermark(maxTimestamp));
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
}
