package org.requestslakehouse.gold;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.requestslakehouse.config.GoldConfig;
import org.requestslakehouse.gold.lifecycle.CaseLifecycleFunction;
import org.requestslakehouse.gold.lifecycle.GoldDelta;
import org.requestslakehouse.model.ServiceRequest;
import org.requestslakehouse.silver.CaseIdKeySelector;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;

/**
 * Gold behind silver: one lifecycle operator turns accepted versions into +1/-1 deltas per case, then each gold
 * table registered in {@link LakehouseTable} gets a combiner (deltas summed per window until the next watermark),
 * its window operator and its completeness operator:
 *
 * <pre>
 * accepted versions ─> lifecycle (per case: +1/-1 deltas) ─┬─> combine ─> keyBy(hour, neighborhood) ─> hourly rows ─> completeness
 *                                                           └─> combine ─> keyBy(day, dept, type)    ─> daily rows  ─> completeness
 * </pre>
 */
public final class GoldTopology {
    private GoldTopology() {}

    /**
     * @param acceptedKeyedVersions the silver latest-version filter's output: every version that superseded the
     *                              previous one of its case, plus tombstones (ignored). It must come straight out
     *                              of an operator keyed by request, with no repartitioning and the same
     *                              parallelism in between: it is reinterpreted as keyed instead of shuffled again,
     *                              which keeps the lifecycle chained to that operator
     * @param zone                  the zone whose calendar days {@code sla_daily} counts in
     * @param stateTtl              how long a case is remembered; use the silver filter's
     */
    public static GoldStreams attach(
            DataStream<ServiceRequest> acceptedKeyedVersions, GoldConfig gold, ZoneId zone, Duration stateTtl) {
        SingleOutputStreamOperator<GoldDelta> deltas = DataStreamUtils.reinterpretAsKeyedStream(
                        acceptedKeyedVersions, new CaseIdKeySelector(), CaseIdKeySelector.KEY_TYPE)
                .process(new CaseLifecycleFunction(stateTtl), TypeInformation.of(GoldDelta.class))
                .name("gold-lifecycle")
                .uid("gold-lifecycle");

        List<GoldStreams.TableOutput<?>> tables = new ArrayList<>();
        DataStream<GoldWatermark> watermarks = null;
        DataStream<LateCorrection> late = null;
        for (GoldTable<?, ?> table : LakehouseTable.goldTables(zone)) {
            Attached attached = attachTable(deltas, table, gold);
            tables.add(attached.output());
            watermarks = watermarks == null ? attached.watermarks() : watermarks.union(attached.watermarks());
            late = late == null ? attached.late() : late.union(attached.late());
        }
        return new GoldStreams(List.copyOf(tables), watermarks, late);
    }

    private record Attached(
            GoldStreams.TableOutput<?> output, DataStream<GoldWatermark> watermarks, DataStream<LateCorrection> late) {}

    /** The completeness operator runs at parallelism 1 so the watermark it sees is the minimum over the aggregator. */
    private static <K, R extends GoldRow> Attached attachTable(
            DataStream<GoldDelta> deltas, GoldTable<K, R> table, GoldConfig gold) {
        String combine = table.operatorPrefix() + "-combine";
        DataStream<WindowChange> changes = deltas.transform(
                        combine, TypeInformation.of(WindowChange.class), new WindowChangeCombiner<>(table))
                .name(combine)
                .uid(combine)
                .setParallelism(deltas.getParallelism());
        String window = table.operatorPrefix() + "-window";
        SingleOutputStreamOperator<R> rows = changes.keyBy(new GrainKeySelector<>(table), table.keyType())
                .process(
                        new WindowedGoldAggregator<>(table, gold.emitInterval(), gold.allowedLateness()),
                        table.rowType())
                .name(window)
                .uid(window);
        String completeness = table.operatorPrefix() + "-completeness";
        DataStream<GoldWatermark> watermarks = rows.transform(
                        completeness, TypeInformation.of(GoldWatermark.class), new GoldCompletenessOperator<>(table))
                .name(completeness)
                .uid(completeness)
                .setParallelism(1)
                .setMaxParallelism(1);
        return new Attached(
                new GoldStreams.TableOutput<>(table, rows),
                watermarks,
                rows.getSideOutput(WindowedGoldAggregator.LATE));
    }
}
