package org.requestslakehouse.bench;

import java.nio.file.Paths;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.job.JobEnvironments;

/**
 * The SQL peer ({@link SqlPeerPipeline}) in its own JVM, on the same environment as the job's runs (mini-cluster,
 * state backend, checkpoint interval and directory, parallelism), signalling like {@link JobMain}.
 *
 * <p>Arguments: as {@link JobMain}; it reads the Kafka, catalog and runtime settings.
 */
public final class SqlPeerMain {
    static final String JOB_NAME = "requests-lakehouse-sql-peer";

    private SqlPeerMain() {}

    public static void main(String[] args) throws Exception {
        JobConfig config = JobMain.config(args);
        StreamExecutionEnvironment env = JobEnvironments.selfManaged(config.runtime(), Paths.get(args[0]));
        StreamTableEnvironment tables = StreamTableEnvironment.create(env, EnvironmentSettings.inStreamingMode());
        tables.getConfig().set(PipelineOptions.NAME, JOB_NAME);
        TableResult result = SqlPeerPipeline.statementSet(tables, SqlPeerPipeline.Endpoints.of(config))
                .execute();
        JobMain.superviseUntilDone(result.getJobClient().orElseThrow());
    }
}
