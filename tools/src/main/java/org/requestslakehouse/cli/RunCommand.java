package org.requestslakehouse.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.requestslakehouse.catalog.CatalogPreflight;
import org.requestslakehouse.config.GoldSettings;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.config.KafkaSettings;
import org.requestslakehouse.config.RuntimeConfig;
import org.requestslakehouse.config.RuntimeSettings;
import org.requestslakehouse.config.SourceSettings;
import org.requestslakehouse.job.BronzeOverlap;
import org.requestslakehouse.job.JobEnvironments;
import org.requestslakehouse.job.LakehouseJob;
import org.requestslakehouse.job.LakehouseSummary;
import org.requestslakehouse.progress.JobProgress;
import org.requestslakehouse.sources.KinesisClients;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Runs the job on a local mini-cluster (or the cluster the jar was submitted to). */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run the streaming job: source -> bronze, silver, gold Iceberg tables.",
            "Every flag is a shorthand for a setting (shown in brackets) that can also come from --config or --set."
        })
public class RunCommand implements Callable<Integer> {
    /** Longest the check for already archived source positions may delay the start. */
    public static final Duration OVERLAP_CHECK_BUDGET = Duration.ofSeconds(10);

    @Option(names = "--source", paramLabel = "TYPE", description = "csv, kafka or kinesis [source.type]. Default: csv.")
    String source;

    @Option(
            names = "--input",
            paramLabel = "PATH",
            description = "CSV file or directory, repeatable; .gz accepted [source.csv.paths].")
    List<String> inputs = new ArrayList<>();

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT",
            description = "Kafka brokers [kafka.bootstrap-servers].")
    String bootstrapServers;

    @Option(
            names = "--topic",
            paramLabel = "TOPIC",
            description = "Kafka topic, repeatable [kafka.topics]. Default: service-requests.")
    List<String> topics = new ArrayList<>();

    @Option(
            names = "--topic-pattern",
            paramLabel = "REGEX",
            description = "Subscribe to every topic matching this pattern [kafka.topic-pattern].")
    String topicPattern;

    @Option(
            names = "--group-id",
            paramLabel = "ID",
            description = "Kafka consumer group; offsets committed there are informational only [kafka.group-id].")
    String groupId;

    @Option(
            names = "--starting-offsets",
            paramLabel = "POS",
            description =
                    "earliest, latest, timestamp or committed, for a start without checkpoint [kafka.starting-offsets].")
    String startingOffsets;

    @Option(
            names = "--bounded",
            description = "Stop at the offsets that were latest when the job started (backfills) [kafka.bounded].")
    boolean bounded;

    @Option(
            names = "--checkpoint-dir",
            paramLabel = "DIR",
            description = "Keep checkpoints here, retained on cancel or crash [job.checkpoint-dir].")
    String checkpointDir;

    @Option(
            names = "--resume",
            paramLabel = "latest|PATH",
            description =
                    "Restart from the newest checkpoint in --checkpoint-dir, or from a checkpoint/savepoint path [job.resume].")
    String resume;

    @Option(
            names = "--fresh",
            description = "Start without restoring, even though --checkpoint-dir holds a previous job's checkpoints "
                    + "(without --resume or --fresh such a run is refused) [job.resume=none].")
    boolean fresh;

    @Option(
            names = "--checkpoint-interval",
            paramLabel = "DURATION",
            description = "Exactly-once checkpoint (and Iceberg commit) interval, e.g. 10s [job.checkpoint-interval].")
    String checkpointInterval;

    @Option(
            names = "--parallelism",
            paramLabel = "N",
            description = "Operator parallelism [job.parallelism]. Default: 2.")
    Integer parallelism;

    @Option(names = "--no-gold", description = "Skip the gold aggregates [gold.enabled=false].")
    boolean noGold;

    @Option(
            names = "--flink-conf",
            paramLabel = "DIR",
            description =
                    "Directory with Flink's config.yaml for the local cluster. Default: ./flink-conf when present.")
    Path flinkConf;

    @Option(
            names = "--no-progress",
            description = "Do not report events committed (rate, ETA) on stderr while the job runs.")
    boolean noProgress;

    @Option(names = "--no-summary", description = "Do not print row counts and sample rows when a bounded run ends.")
    boolean noSummary;

    @Mixin
    CatalogOptions catalog = new CatalogOptions();

    @Mixin
    CityOptions city = new CityOptions();

    @Mixin
    ConfigOptions config = new ConfigOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (fresh && resume != null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--fresh and --resume exclude each other: start over, or continue from a checkpoint");
        }
        JobConfig jobConfig = config.load(flagOverrides());
        KinesisClients.useJsonProtocolFor(jobConfig);
        Path confDir = flinkConf != null
                ? flinkConf
                : (Files.isDirectory(Paths.get("flink-conf")) ? Paths.get("flink-conf") : null);
        // Refuses a start over a previous job's checkpoints unless told to resume or to start fresh.
        StreamExecutionEnvironment env = JobEnvironments.selfManaged(jobConfig.runtime(), confDir);
        if (jobConfig.runtime().freshStart()) {
            // The check reads bronze: an unreachable catalog is reported by its preflight, as the only message.
            CatalogPreflight.check(jobConfig.catalog(), LakehouseJob.PREFLIGHT_TIMEOUT);
            warnAboutArchivedPositions(jobConfig);
        }
        long start = System.nanoTime();
        if (!noProgress) {
            env.registerJobListener(JobProgress.whileRunning(jobConfig, -1));
        }
        LakehouseJob.run(env, jobConfig);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!noSummary) {
            LakehouseSummary.print(jobConfig.catalog(), seconds, System.out);
        }
        return 0;
    }

    /** Advice only: a failed check never stops the run (the job's own preflight reports unreachable services). */
    private void warnAboutArchivedPositions(JobConfig jobConfig) {
        try {
            BronzeOverlap.count(jobConfig, OVERLAP_CHECK_BUDGET)
                    .flatMap(BronzeOverlap.Count::warning)
                    .ifPresent(spec.commandLine().getErr()::println);
        } catch (RuntimeException e) {
            spec.commandLine()
                    .getErr()
                    .println("Could not check bronze for already archived source positions: " + e.getMessage());
        }
        spec.commandLine().getErr().flush();
    }

    Map<String, String> flagOverrides() {
        Map<String, String> o = new LinkedHashMap<>(catalog.overrides());
        o.putAll(city.overrides());
        if (source != null) o.put(SourceSettings.TYPE.qualified(), source);
        if (!inputs.isEmpty()) o.put(SourceSettings.CSV_PATHS.qualified(), String.join(",", inputs));
        if (bootstrapServers != null) o.put(KafkaSettings.BOOTSTRAP_SERVERS.qualified(), bootstrapServers);
        if (!topics.isEmpty()) o.put(KafkaSettings.TOPICS.qualified(), String.join(",", topics));
        if (topicPattern != null) o.put(KafkaSettings.TOPIC_PATTERN.qualified(), topicPattern);
        if (groupId != null) o.put(KafkaSettings.GROUP_ID.qualified(), groupId);
        if (startingOffsets != null) o.put(KafkaSettings.STARTING_OFFSETS.qualified(), startingOffsets);
        if (bounded) o.put(KafkaSettings.BOUNDED.qualified(), "true");
        if (checkpointDir != null) o.put(RuntimeSettings.CHECKPOINT_DIR.qualified(), checkpointDir);
        if (resume != null) o.put(RuntimeSettings.RESUME.qualified(), resume);
        if (fresh) o.put(RuntimeSettings.RESUME.qualified(), RuntimeConfig.RESUME_NONE);
        if (checkpointInterval != null) o.put(RuntimeSettings.CHECKPOINT_INTERVAL.qualified(), checkpointInterval);
        if (parallelism != null) o.put(RuntimeSettings.PARALLELISM.qualified(), parallelism.toString());
        if (noGold) o.put(GoldSettings.ENABLED.qualified(), "false");
        return o;
    }
}
