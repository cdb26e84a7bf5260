package org.requestslakehouse.pipeline;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.gold.GoldRow;
import org.requestslakehouse.gold.GoldStreams;
import org.requestslakehouse.gold.GoldTopology;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.model.ServiceRequest;
import org.requestslakehouse.parsing.ParseEventsFunction;
import org.requestslakehouse.parsing.RequestEventParser;
import org.requestslakehouse.silver.CaseIdKeySelector;
import org.requestslakehouse.silver.LatestVersionFilter;

/**
 * The job's topology, independent of where events come from and where results go: main wires real sources and
 * Iceberg sinks, tests wire bounded inputs and temporary catalogs, and both call {@link #build}. Functions here
 * never change or keep their inputs, so environments may enable object reuse (the entry points' environments do).
 *
 * <pre>
 * events ─┬─> bronze
 *         └─> parse ─┬─> rejected
 *                    └─> watermarks ─> keyBy(case) ─> latest version ─┬─> silver
 *                                                                     └─> gold (lifecycle ─> windows ─> tables)
 * </pre>
 */
public final class LakehousePipeline {
    private LakehousePipeline() {}

    public static void build(
            DataStream<RawEvent> events, WatermarkPolicy watermarks, LakehouseSinks sinks, JobConfig config) {
        sinks.bronze(events, config.parse().forcedCity());

        SingleOutputStreamOperator<ServiceRequest> parsed = events.process(
                        new ParseEventsFunction(new RequestEventParser(config.parse())))
                .name("parse-normalise-enrich")
                .uid("parse-normalise-enrich");
        sinks.rejected(parsed.getSideOutput(ParseEventsFunction.REJECTED));

        DataStream<ServiceRequest> acceptedVersions = parsed.assignTimestampsAndWatermarks(
                        watermarks.strategy(config.gold()))
                .name("event-time")
                .uid("event-time")
                .keyBy(new CaseIdKeySelector(), CaseIdKeySelector.KEY_TYPE)
                .process(new LatestVersionFilter(config.runtime().stateTtl()))
                .name("silver-latest-version")
                .uid("silver-latest-version");
        sinks.silver(acceptedVersions);

        if (config.gold().enabled()) {
            GoldStreams gold = GoldTopology.attach(
                    acceptedVersions,
                    config.gold(),
                    config.parse().zoneId(),
                    config.runtime().stateTtl());
            gold.tables().forEach(table -> writeGold(sinks, table));
            sinks.watermarks(gold.watermarks());
            sinks.lateCorrections(gold.lateCorrections());
        }
    }

    private static <R extends GoldRow> void writeGold(LakehouseSinks sinks, GoldStreams.TableOutput<R> output) {
        sinks.gold(output.table(), output.rows());
    }
}
