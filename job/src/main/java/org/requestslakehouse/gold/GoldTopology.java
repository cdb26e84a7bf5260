package org.requestslakehouse.gold;

import java.time.Duration;
import java.time.ZoneId;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.requestslakehouse.config.GoldConfig;
import org.requestslakehouse.lifecycle.CaseLifecycleFunction;
import org.requestslakehouse.lifecycle.GoldDelta;
import org.requestslakehouse.model.DailySla;
import org.requestslakehouse.model.GoldWatermark;
import org.requestslakehouse.model.HourlyRequests;
import org.requestslakehouse.model.ServiceRequest;
import org.requestslakehouse.silver.CaseIdKeySelector;

/**
 * Gold behind silver:
 *
 * <pre>
 * accepted versions ─> lifecycle (per case: +1/-1 deltas) ─┬─> keyBy(hour, neighborhood) ─> hourly rows ─> completeness
 *                                                           └─> keyBy(day, dept, type)    ─> daily rows  ─> completeness
 * </pre>
 */
public final class GoldTopology {
    private GoldTopology() {}

    /**
     * @param acceptedKeyedVersions the silver latest-version filter's output: every version that superseded the
     *                              previous one of its case, plus tombstones (ignored). It must come straight out
     *                              of an operator keyed by case id, with no repartitioning and the same
     *                              parallelism in between: it is reinterpreted as keyed instead of shuffled again,
     *                              which keeps the lifecycle chained to that operator
     * @param zone                  the zone whose calendar days {@code sla_daily} counts in
     * @param stateTtl              how long a case is remembered; use the silver filter's
     */
    public static GoldStreams attach(
            DataStream<ServiceRequest> acceptedKeyedVersions, GoldConfig gold, ZoneId zone, Duration stateTtl) {
        SingleOutputStreamOperator<GoldDelta> deltas = DataStreamUtils.reinterpretAsKeyedStream(
                        acceptedKeyedVersions, new CaseIdKeySelector(), Types.LONG)
                .process(new CaseLifecycleFunction(stateTtl), TypeInformation.of(GoldDelta.class))
                .name("gold-lifecycle")
                .uid("gold-lifecycle");

        HourlyByNeighborhood hourlyGrain = new HourlyByNeighborhood();
        DailyByDepartmentAndType dailyGrain = new DailyByDepartmentAndType(zone);
        SingleOutputStreamOperator<HourlyRequests> hourly = aggregate(deltas, hourlyGrain, gold, "gold-hourly-window");
        SingleOutputStreamOperator<DailySla> daily = aggregate(deltas, dailyGrain, gold, "gold-daily-window");

        DataStream<GoldWatermark> watermarks = completeness(hourly, hourlyGrain, "gold-hourly-completeness")
                .union(completeness(daily, dailyGrain, "gold-daily-completeness"));
        return new GoldStreams(
                hourly,
                daily,
                watermarks,
                hourly.getSideOutput(WindowedGoldAggregator.LATE)
                        .union(daily.getSideOutput(WindowedGoldAggregator.LATE)));
    }

    private static <K, OUT> SingleOutputStreamOperator<OUT> aggregate(
            DataStream<GoldDelta> deltas, GoldGrain<K, OUT> grain, GoldConfig gold, String uid) {
        return deltas.keyBy(new GrainKeySelector<>(grain), grain.keyType())
                .process(
                        new WindowedGoldAggregator<>(grain, gold.emitInterval(), gold.allowedLateness()),
                        grain.rowType())
                .name(uid)
                .uid(uid);
    }

    /** Parallelism 1 so the watermark it sees is the minimum over every subtask of the aggregator. */
    private static <OUT> DataStream<GoldWatermark> completeness(
            DataStream<OUT> rows, GoldGrain<?, OUT> grain, String uid) {
        return rows.transform(uid, TypeInformation.of(GoldWatermark.class), new GoldCompletenessOperator<>(grain))
                .name(uid)
                .uid(uid)
                .setParallelism(1)
                .setMaxParallelism(1);
    }
}
