package org.requestslakehouse.job;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.pipeline.LakehousePipeline;
import org.requestslakehouse.sinks.iceberg.IcebergSinks;
import org.requestslakehouse.sources.EventSources;

/** Wires the configured source and the Iceberg sinks around the pipeline and runs it. */
public final class LakehouseJob {
    public static final String JOB_NAME = "requests-lakehouse";

    private LakehouseJob() {}

    public static void define(StreamExecutionEnvironment env, JobConfig config) {
        EventSources.Selected selected = EventSources.forConfig(config);
        DataStream<RawEvent> events = selected.source().create(env);
        LakehousePipeline.build(events, selected.watermarks(), IcebergSinks.create(config.catalog()), config);
    }

    public static JobExecutionResult run(StreamExecutionEnvironment env, JobConfig config) throws Exception {
        define(env, config);
        return env.execute(JOB_NAME);
    }
}
