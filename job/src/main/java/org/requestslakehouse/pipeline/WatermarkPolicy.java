package org.requestslakehouse.pipeline;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.requestslakehouse.config.GoldConfig;
import org.requestslakehouse.model.ServiceRequest;

/** How event time advances, which depends on what the source promises about order. */
public enum WatermarkPolicy {
    /**
     * Streams (Kafka, Kinesis): the watermark trails the newest plausible stream time (see
     * {@link PlausibleTimeWatermarks}) by the configured out-of-orderness, and an idle partition or shard stops
     * holding it back after the idleness timeout.
     */
    BOUNDED_OUT_OF_ORDERNESS,
    /**
     * Bounded files: exports come in no reliable event-time order and several files are read in parallel, so
     * the only safe watermark is the final one at end of input. Gold is still emitted early while the run goes.
     */
    END_OF_INPUT;

    public WatermarkStrategy<ServiceRequest> strategy(GoldConfig gold) {
        Duration outOfOrderness = gold.outOfOrderness();
        WatermarkStrategy<ServiceRequest> strategy = this == END_OF_INPUT
                ? WatermarkStrategy.noWatermarks()
                : WatermarkStrategy.<ServiceRequest>forGenerator(context -> new PlausibleTimeWatermarks(outOfOrderness))
                        .withIdleness(gold.idleness());
        return strategy.withTimestampAssigner(new StreamTimeAssigner());
    }
}
