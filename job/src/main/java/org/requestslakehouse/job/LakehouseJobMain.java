package org.requestslakehouse.job;

import java.nio.file.Paths;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.requestslakehouse.config.CatalogConfig;
import org.requestslakehouse.config.CatalogSettings;
import org.requestslakehouse.config.ConfigException;
import org.requestslakehouse.config.ConfigLoader;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.config.RuntimeConfig;
import org.requestslakehouse.config.RuntimeSettings;
import org.requestslakehouse.config.Setting;
import org.requestslakehouse.config.SourceSettings;
import org.requestslakehouse.sources.KinesisClients;

/**
 * The job jar's entry class on every cluster. With program arguments ({@code --config FILE}, {@code --set
 * GROUP.KEY=VALUE}) it runs as submitted to a self-managed cluster ({@code flink run}, the Kubernetes operator, a
 * session cluster's REST API); without any, it reads Managed Service for Apache Flink's runtime property groups, and
 * fails naming both ways when neither is there. Explicit arguments always win, so a jar on the service's runtime
 * image can still be pointed at a file.
 *
 * <p>Everything runs where {@code main} runs (the JobManager in application mode): no progress polling and no
 * directories created, unlike the CLI's {@code run}. Configuration errors, unreachable brokers or catalogs fail here,
 * before the job graph is submitted, naming the setting.
 */
public final class LakehouseJobMain {
    private LakehouseJobMain() {}

    public static void main(String[] args) throws Exception {
        Launch launch = prepare(JobArguments.parse(args), ManagedFlinkRuntime::probe);
        KinesisClients.useJsonProtocolFor(launch.config());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        launch.configure(env);
        LakehouseJob.run(env, launch.config());
    }

    enum Mode {
        MANAGED_FLINK,
        SELF_MANAGED
    }

    /**
     * @param jobSettings the {@code job} group's keys as given, to tell a setting from its default
     */
    record Launch(Mode mode, JobConfig config, Map<String, String> jobSettings) {

        /**
         * What the pipeline needs of every environment ({@link JobEnvironments#configurePipeline}); beyond that,
         * on the service, checkpointing and parallelism are the application's settings (console, autoscaling), so
         * nothing else is set. On a self-managed cluster they come from the cluster's configuration (and the
         * submission's parallelism) unless the job config sets them; exactly-once is not optional, since Iceberg
         * commits on checkpoints and the sinks rely on it.
         */
        void configure(StreamExecutionEnvironment env) {
            JobEnvironments.configurePipeline(env);
            if (mode == Mode.MANAGED_FLINK) {
                return;
            }
            RuntimeConfig runtime = config.runtime();
            Configuration conf = new Configuration();
            if (jobSettings.containsKey(RuntimeSettings.CHECKPOINT_INTERVAL.key())) {
                conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, runtime.checkpointInterval());
            }
            conf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
            if (runtime.checkpointDir() != null) {
                conf.set(
                        CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                        JobEnvironments.checkpointLocation(runtime.checkpointDir())
                                .toString());
                conf.set(
                        CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                        ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
            }
            env.configure(conf);
            if (jobSettings.containsKey(RuntimeSettings.PARALLELISM.key())) {
                env.setParallelism(runtime.parallelism());
            }
            if (!env.getCheckpointConfig().isCheckpointingEnabled()) {
                throw ConfigException.missing(
                        RuntimeSettings.CHECKPOINT_INTERVAL.qualified(),
                        "a checkpoint interval: the cluster's configuration has none (execution.checkpointing.interval), "
                                + "and the Iceberg tables are committed only on checkpoints");
            }
        }
    }

    static Launch prepare(JobArguments args, Supplier<ManagedFlinkRuntime> managedFlink) {
        if (args.isEmpty()) {
            ManagedFlinkRuntime runtime = managedFlink.get();
            if (!runtime.available()) {
                throw new ConfigException("No job configuration: pass " + JobArguments.CONFIG + " FILE and/or "
                        + JobArguments.SET + " GROUP.KEY=VALUE as program arguments (without arguments the job reads "
                        + "Managed Service for Apache Flink's runtime properties, and " + runtime.absentReason() + ")");
            }
            return new Launch(
                    Mode.MANAGED_FLINK, ConfigLoader.fromRuntimeProperties(runtime.groups(), Map.of()), Map.of());
        }
        Map<String, Map<String, String>> groups = ConfigLoader.groups(args.configFile(), args.settings());
        JobConfig config = JobConfig.fromGroups(groups);
        Map<String, String> jobSettings = groups.getOrDefault(RuntimeSettings.GROUP, Map.of());
        if (jobSettings.containsKey(RuntimeSettings.RESUME.key())) {
            throw ConfigException.invalid(
                    RuntimeSettings.RESUME.qualified(),
                    jobSettings.get(RuntimeSettings.RESUME.key()),
                    "no value on a cluster: restore with the submission's savepoint path (flink run --fromSavepoint PATH, "
                            + "or savepointPath in the REST run request), which the cluster applies");
        }
        requireClusterPaths(config);
        return new Launch(Mode.SELF_MANAGED, config, Map.copyOf(jobSettings));
    }

    /**
     * A relative path would resolve against each Flink process's working directory, a different place on every
     * host and container: a warehouse that silently splits, or inputs that exist only on some.
     */
    static void requireClusterPaths(JobConfig config) {
        CatalogConfig catalog = config.catalog();
        if (catalog.warehouse() != null) {
            requireAbsolute(CatalogSettings.WAREHOUSE, catalog.warehouse());
        }
        if (config.runtime().checkpointDir() != null) {
            requireAbsolute(RuntimeSettings.CHECKPOINT_DIR, config.runtime().checkpointDir());
        }
        for (String path : config.source().csvPaths()) {
            requireAbsolute(SourceSettings.CSV_PATHS, path);
        }
    }

    private static void requireAbsolute(Setting<?> setting, String location) {
        boolean hasScheme = location.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*") && !location.matches("^[a-zA-Z]:\\\\.*");
        if (!hasScheme && !Paths.get(location).isAbsolute()) {
            throw ConfigException.invalid(
                    setting.qualified(),
                    location,
                    "an absolute path or a URI (s3://..., hdfs://...) on a cluster, "
                            + "where a relative path resolves against each Flink process's working directory");
        }
    }
}
