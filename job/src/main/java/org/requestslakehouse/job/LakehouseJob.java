package org.requestslakehouse.job;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.requestslakehouse.catalog.CatalogPreflight;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.config.NotFoundException;
import org.requestslakehouse.config.SourceConfig;
import org.requestslakehouse.maintenance.TableMaintenancePlan;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.pipeline.LakehousePipeline;
import org.requestslakehouse.sinks.iceberg.IcebergSinks;
import org.requestslakehouse.sources.EventSources;
import org.requestslakehouse.sources.KafkaPreflight;
import org.requestslakehouse.sources.KinesisClients;
import org.requestslakehouse.sources.KinesisPreflight;

/** Wires the configured source and the Iceberg sinks around the pipeline and runs it. */
public final class LakehouseJob {
    public static final String JOB_NAME = "requests-lakehouse";

    private LakehouseJob() {}

    /** Fails in bounded time with a message naming the setting when a dependency is unreachable. */
    public static final Duration PREFLIGHT_TIMEOUT = Duration.ofSeconds(30);

    public static void define(StreamExecutionEnvironment env, JobConfig config) {
        if (config.source().type() == SourceConfig.SourceType.KAFKA) {
            KafkaPreflight.check(config.kafka(), PREFLIGHT_TIMEOUT);
        } else if (config.source().type() == SourceConfig.SourceType.KINESIS) {
            if (config.kinesis().endpoint() != null) {
                // An endpoint override means a local Kinesis-compatible server, which speaks only JSON.
                KinesisClients.useJsonProtocol();
            }
            KinesisPreflight.check(config.kinesis(), PREFLIGHT_TIMEOUT);
        } else {
            requireLocalInputs(config.source().csvPaths());
        }
        CatalogPreflight.check(config.catalog(), PREFLIGHT_TIMEOUT);
        EventSources.Selected selected = EventSources.forConfig(config);
        DataStream<RawEvent> events = selected.source().create(env);
        IcebergSinks sinks = IcebergSinks.create(config.catalog());
        LakehousePipeline.build(
                events, selected.watermarks(), selected.bounded() ? sinks : sinks.withParallelWriters(), config);
        if (!selected.bounded()) {
            // Maintenance watches the tables with sources that never end: a bounded run would never finish.
            TableMaintenancePlan.attach(env, sinks.tables(), config.maintenance());
        }
    }

    /**
     * A missing input file would otherwise fail the file source's enumerator after submission, where a restart
     * strategy retries it. Paths with a scheme (s3://, hdfs://) are for Flink's file systems to resolve.
     */
    private static void requireLocalInputs(List<String> paths) {
        for (String path : paths) {
            if (!path.matches("^[a-zA-Z][a-zA-Z0-9+.-]+://.*") && !Files.exists(Paths.get(path))) {
                throw new NotFoundException("Input " + path + " does not exist: give existing CSV files or directories"
                        + " (--input, setting source.csv.paths).");
            }
        }
    }

    public static JobExecutionResult run(StreamExecutionEnvironment env, JobConfig config) throws Exception {
        define(env, config);
        return env.execute(JOB_NAME);
    }
}
