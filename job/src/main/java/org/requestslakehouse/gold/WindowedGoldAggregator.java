package org.requestslakehouse.gold;

import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.requestslakehouse.gold.lifecycle.GoldDelta;
import org.requestslakehouse.metrics.JobMetrics;
import org.requestslakehouse.metrics.WatermarkLag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keyed by gold window (window + dimensions): keeps the window's totals under the +1/-1 deltas of its cases, which
 * arrive combined ({@link WindowChange}), and upserts its row.
 *
 * <ul>
 *   <li>While the window is open (watermark before its last millisecond) changes are emitted at most once per
 *       emit interval of processing time, so dashboards stay fresh without a row per event.</li>
 *   <li>When the watermark passes the window, its row is emitted once more if anything changed since.</li>
 *   <li>Until the watermark passes window end + allowed lateness, a late delta updates the row at once.</li>
 *   <li>Then the state is dropped; a delta for the window after that cannot be merged any more and goes to
 *       {@link #LATE} as a {@link LateCorrection}, so it is recorded rather than silently lost.</li>
 * </ul>
 *
 * <p>Rows whose counts went back to zero are still emitted: the upsert must overwrite the earlier value.
 * Timestamps follow Flink's window operator: the window's last moment is end - 1, its cleanup time
 * end - 1 + allowed lateness, and it is late once the watermark has reached that cleanup time.
 */
public class WindowedGoldAggregator<K, OUT extends GoldRow> extends KeyedProcessFunction<K, WindowChange, OUT> {
    public static final OutputTag<LateCorrection> LATE =
            new OutputTag<>("gold-late-corrections", TypeInformation.of(LateCorrection.class));

    private static final Logger LOG = LoggerFactory.getLogger(WindowedGoldAggregator.class);

    static final String METRIC_TABLE = "table";
    static final String METRIC_LATE_CORRECTIONS = "lateCorrections";
    static final String METRIC_UNMATCHED_RESOLUTION_RETRACTIONS = "unmatchedResolutionRetractions";
    static final String METRIC_WATERMARK_LAG = "watermarkLagMillis";

    private final GoldTable<K, OUT> table;
    private final long emitIntervalMillis;
    private final long allowedLatenessMillis;

    private transient ValueState<WindowAccumulator> totals;
    /** Resolution hours of the cases closed in the window, value to multiplicity: a multiset that can retract. */
    private transient Counter lateCorrections;

    private transient Counter unmatchedResolutionRetractions;
    private transient WatermarkLag watermarkLag;

    public WindowedGoldAggregator(GoldTable<K, OUT> table, Duration emitInterval, Duration allowedLateness) {
        if (emitInterval.isNegative() || emitInterval.isZero()) {
            throw new IllegalArgumentException("emit interval must be positive, was " + emitInterval);
        }
        if (allowedLateness.isNegative()) {
            throw new IllegalArgumentException("allowed lateness must not be negative, was " + allowedLateness);
        }
        this.table = table;
        this.emitIntervalMillis = emitInterval.toMillis();
        this.allowedLatenessMillis = allowedLateness.toMillis();
    }

    @Override
    public void open(Configuration parameters) {
        totals =
                getRuntimeContext().getState(new ValueStateDescriptor<>("gold-window-totals", WindowAccumulator.class));
        // Both gold tables run this function: the table dimension keeps their metrics apart on CloudWatch too.
        MetricGroup metrics = JobMetrics.of(getRuntimeContext()).addGroup(METRIC_TABLE, table.tableName());
        lateCorrections = metrics.counter(METRIC_LATE_CORRECTIONS);
        unmatchedResolutionRetractions = metrics.counter(METRIC_UNMATCHED_RESOLUTION_RETRACTIONS);
        watermarkLag = metrics.gauge(METRIC_WATERMARK_LAG, new WatermarkLag());
    }

    @Override
    public void processElement(WindowChange change, Context ctx, Collector<OUT> out) throws Exception {
        K key = ctx.getCurrentKey();
        TimerService timers = ctx.timerService();
        watermarkLag.observe(timers);
        long lastMoment = lastMoment(key);
        long cleanupAt = cleanupTime(lastMoment);
        long watermark = timers.currentWatermark();

        if (cleanupAt <= watermark) {
            if (change.single == null) {
                // The combiner sends a bundle before the watermark that could make it late; never lose one silently.
                throw new IllegalStateException("A combined change reached " + table.tableName() + " window [" + key
                        + "] after its allowed lateness (watermark " + watermark + "): " + change);
            }
            ctx.output(LATE, lateCorrection(key, change.single, watermark, timers.currentProcessingTime()));
            lateCorrections.inc();
            return;
        }

        WindowAccumulator acc = totals.value();
        if (acc == null) {
            acc = new WindowAccumulator();
            // A window's event-time timers depend only on its key, so they are registered once, with its state:
            // with RocksDB every registration is a write, and most deltas land in a window that already has both.
            timers.registerEventTimeTimer(cleanupAt);
            if (lastMoment > watermark) {
                timers.registerEventTimeTimer(lastMoment);
            }
        }
        acc.apply(change);
        applyResolutions(key, acc, change);

        if (lastMoment > watermark) {
            acc.dirty = true;
            if (!acc.hasEarlyFiring()) {
                acc.earlyFiringAt = timers.currentProcessingTime() + emitIntervalMillis;
                timers.registerProcessingTimeTimer(acc.earlyFiringAt);
            }
        } else {
            emit(key, acc, timers.currentProcessingTime(), out);
        }
        totals.update(acc);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {
        watermarkLag.observe(ctx.timerService());
        WindowAccumulator acc = totals.value();
        if (acc == null) {
            return;
        }
        K key = ctx.getCurrentKey();
        long now = ctx.timerService().currentProcessingTime();

        if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
            acc.earlyFiringAt = WindowAccumulator.NO_TIMER;
            if (acc.dirty) {
                emit(key, acc, now, out);
            }
            totals.update(acc);
            return;
        }

        long lastMoment = lastMoment(key);
        if (timestamp == lastMoment) {
            if (acc.dirty) {
                emit(key, acc, now, out);
            }
            cancelEarlyFiring(acc, ctx.timerService());
            totals.update(acc);
        }
        // With zero allowed lateness this is the same timer as the on-time firing, which has just emitted.
        long cleanupAt = cleanupTime(lastMoment);
        if (timestamp >= cleanupAt) {
            cancelEarlyFiring(acc, ctx.timerService());
            totals.clear();
        } else {
            // Timers are registered with the state, under the allowed lateness of the run that created it; a run
            // restored from its checkpoint with another lateness needs its own cleanup timer (a no-op otherwise).
            ctx.timerService().registerEventTimeTimer(cleanupAt);
        }
    }

    private void applyResolutions(K key, WindowAccumulator acc, WindowChange change) {
        for (double hours : change.resolutionRetracted) {
            if (!acc.removeResolution(hours)) {
                // Only possible if the window lost the value it is asked to retract (state dropped and recreated,
                // e.g. after allowed lateness was raised between runs). Counts would then be off too, so say so.
                unmatchedResolutionRetractions.inc();
                LOG.warn(
                        "Retraction of resolution {} h ({}) found no such value in {} window [{}]",
                        hours,
                        change.single != null
                                ? "case " + change.single.city + "/" + change.single.requestId
                                : "combined",
                        table.tableName(),
                        key);
            }
        }
        acc.addResolutions(change.resolutionAdded);
    }

    private void emit(K key, WindowAccumulator acc, long now, Collector<OUT> out) throws Exception {
        out.collect(table.row(
                key, acc.counts(), ResolutionQuantiles.ofSorted(acc.resolutionHours), Instant.ofEpochMilli(now)));
        acc.dirty = false;
    }

    private static void cancelEarlyFiring(WindowAccumulator acc, TimerService timers) {
        if (acc.hasEarlyFiring()) {
            timers.deleteProcessingTimeTimer(acc.earlyFiringAt);
            acc.earlyFiringAt = WindowAccumulator.NO_TIMER;
        }
    }

    private long lastMoment(K key) {
        return table.windowEnd(key).toEpochMilli() - 1;
    }

    /** Saturating, so a lateness of "forever" cannot overflow into the past. */
    private long cleanupTime(long lastMoment) {
        return lastMoment > Long.MAX_VALUE - allowedLatenessMillis
                ? Long.MAX_VALUE
                : lastMoment + allowedLatenessMillis;
    }

    private LateCorrection lateCorrection(K key, GoldDelta delta, long watermark, long now) {
        LateCorrection c = new LateCorrection();
        c.tableName = table.tableName();
        c.windowStart = table.windowStart(key);
        c.windowKey = table.describeDimensions(key);
        c.city = delta.city;
        c.requestId = delta.requestId;
        c.caseEnquiryId = delta.caseEnquiryId;
        c.measure = delta.measure.name();
        c.delta = delta.sign;
        c.eventTs = delta.eventTs;
        c.watermark = Instant.ofEpochMilli(watermark);
        c.detectedAt = Instant.ofEpochMilli(now);
        return c;
    }
}
