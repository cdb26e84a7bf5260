package org.requestslakehouse.job;

import java.time.Duration;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.requestslakehouse.catalog.CatalogPreflight;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.maintenance.TableMaintenancePlan;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.pipeline.LakehousePipeline;
import org.requestslakehouse.sinks.iceberg.IcebergSinks;
import org.requestslakehouse.sources.EventSources;

/** Wires the configured source and the Iceberg sinks around the pipeline and runs it. */
public final class LakehouseJob {
    public static final String JOB_NAME = "requests-lakehouse";

    private LakehouseJob() {}

    /** Fails in bounded time with a message naming the setting when a dependency is unreachable. */
    public static final Duration PREFLIGHT_TIMEOUT = Duration.ofSeconds(30);

    public static void define(StreamExecutionEnvironment env, JobConfig config) {
        EventSources.Selected selected = EventSources.forConfig(config);
        selected.source().preflight(PREFLIGHT_TIMEOUT);
        CatalogPreflight.check(config.catalog(), PREFLIGHT_TIMEOUT);
        DataStream<RawEvent> events = selected.source().create(env);
        IcebergSinks sinks = sinks(config, selected.bounded());
        LakehousePipeline.build(events, selected.watermarks(), sinks, config);
        if (!selected.bounded()) {
            // Maintenance watches the tables with sources that never end: a bounded run would never finish.
            TableMaintenancePlan.attach(env, sinks.tables(), config.maintenance());
        }
    }

    /**
     * The Iceberg sinks a run writes through, after creating missing tables. A bounded run has one writer per table
     * (see {@link IcebergSinks}); a streaming run has writers at the input's parallelism.
     */
    public static IcebergSinks sinks(JobConfig config, boolean bounded) {
        IcebergSinks sinks = IcebergSinks.create(config.catalog());
        return bounded ? sinks : sinks.withParallelWriters();
    }

    public static JobExecutionResult run(StreamExecutionEnvironment env, JobConfig config) throws Exception {
        define(env, config);
        return env.execute(JOB_NAME);
    }
}
