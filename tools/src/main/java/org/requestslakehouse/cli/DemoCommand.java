package org.requestslakehouse.cli;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.commons.io.file.PathUtils;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.requestslakehouse.config.CatalogSettings;
import org.requestslakehouse.config.ConfigLoader;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.config.KafkaSettings;
import org.requestslakehouse.config.RuntimeSettings;
import org.requestslakehouse.config.Setting;
import org.requestslakehouse.config.SourceConfig.SourceType;
import org.requestslakehouse.config.SourceSettings;
import org.requestslakehouse.dashboard.DashboardServer;
import org.requestslakehouse.generate.City;
import org.requestslakehouse.generate.CityFileWriter;
import org.requestslakehouse.generate.GeneratorSettings;
import org.requestslakehouse.generate.Layout;
import org.requestslakehouse.generate.RequestCsvWriter;
import org.requestslakehouse.job.JobEnvironments;
import org.requestslakehouse.job.LakehouseJob;
import org.requestslakehouse.job.LakehouseSummary;
import org.requestslakehouse.kafka.EmbeddedKafkaBroker;
import org.requestslakehouse.progress.JobProgress;
import org.requestslakehouse.progress.ProgressReporter;
import org.requestslakehouse.replay.KafkaEventPublisher;
import org.requestslakehouse.replay.Pacer;
import org.requestslakehouse.replay.PacingClock;
import org.requestslakehouse.replay.ReplayEventStream;
import org.requestslakehouse.replay.ReplayFilter;
import org.requestslakehouse.replay.ReplayMode;
import org.requestslakehouse.replay.Replayer;
import org.requestslakehouse.verify.GoldVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The embedded default: everything a newcomer needs in one process, with nothing installed. Generates
 * realistic 311 data, starts a real Kafka broker in-process, replays the data into it, runs the job against a
 * local Iceberg catalog until the topic is consumed, verifies gold and prints what landed.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description =
                "Generate data, start an in-process Kafka, replay into it, run the job, verify gold and print what landed.")
public class DemoCommand implements Callable<Integer> {
    private static final String TOPIC = "service-requests";

    @Option(names = "--rows", paramLabel = "N", description = "Cases to generate. Default: ${DEFAULT-VALUE}.")
    long rows = 50_000;

    @Option(names = "--seed", paramLabel = "SEED", description = "Generator seed. Default: ${DEFAULT-VALUE}.")
    long seed = 42;

    @Option(
            names = "--city",
            paramLabel = "CITY",
            converter = GenerateCommand.CityConverter.class,
            description = "Whose data to generate: boston, nyc (portal CSV) or open311 (requests.json)."
                    + " Default: boston.")
    City city = City.BOSTON;

    @Option(
            names = "--mode",
            paramLabel = "MODE",
            description = "snapshot or lifecycle replay. Default: ${DEFAULT-VALUE}.",
            converter = ReplayCommand.ModeConverter.class)
    ReplayMode mode = ReplayMode.LIFECYCLE;

    @Option(
            names = "--warehouse",
            paramLabel = "DIR",
            description = "Scratch warehouse, emptied first. Default: ${DEFAULT-VALUE}.")
    Path warehouse = Paths.get("demo-warehouse");

    @Option(names = "--parallelism", paramLabel = "N", description = "Job parallelism. Default: ${DEFAULT-VALUE}.")
    int parallelism = 2;

    @Option(
            names = "--dashboard",
            description =
                    "Serve the dashboard on http://localhost:PORT/ while the job fills the tables, and keep serving it after the demo until Ctrl-C.")
    boolean dashboard;

    @Option(
            names = "--dashboard-port",
            paramLabel = "PORT",
            description = "Port of --dashboard. Default: ${DEFAULT-VALUE}.")
    int dashboardPort = 8088;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(warehouse)) {
            PathUtils.deleteDirectory(warehouse);
        }
        Path work = Files.createTempDirectory("requests-lakehouse-demo");
        DashboardServer server = null;
        boolean goldMatches;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(0, work.resolve("kafka"))) {
            Path csv = work.resolve(city.cliName() + "311-generated." + city.extension());
            System.out.printf(
                    Locale.ROOT,
                    "1/4 Generating %,d cases (%s, with the real exports' quirks) ...%n",
                    rows,
                    city == City.BOSTON
                            ? "current layout"
                            : city == City.NYC ? "New York City portal layout" : "Open311");
            ProgressReporter generated = ProgressReporter.forConsole("generate", "rows", rows);
            if (city == City.BOSTON) {
                RequestCsvWriter.write(
                        csv, Layout.CURRENT_2025, rows, GeneratorSettings.defaults(seed), false, generated::update);
            } else {
                try (OutputStream out = Files.newOutputStream(csv)) {
                    CityFileWriter.write(city, GeneratorSettings.defaults(seed), rows, out, false, generated::update);
                }
            }
            generated.finish(csv.getFileName().toString());

            broker.createTopic(TOPIC, 2);
            System.out.printf(
                    "2/4 Kafka broker running in-process at %s; replaying in %s mode ...%n",
                    broker.bootstrapServers(), mode.name().toLowerCase(Locale.ROOT));
            JobConfig config = jobConfig(broker.bootstrapServers());
            if (dashboard) {
                // Started before the job so the charts can be watched filling up; it waits for the tables.
                server = DashboardServer.start(config.catalog(), config.parse().zoneId(), dashboardPort, 2);
                System.out.printf("    Dashboard at %s: it fills in as the job commits%n", server.url());
            }
            long events;
            try (KafkaEventPublisher publisher =
                    new KafkaEventPublisher(broker.bootstrapServers(), TOPIC, new Properties())) {
                events = new Replayer(new Pacer(PacingClock.SYSTEM, 0, 0), publisher, 0, false)
                        .run(
                                () -> new ReplayEventStream(List.of(csv), mode, ReplayFilter.ALL, config.parse()),
                                ProgressReporter.forConsole("replay", "events", -1));
            }

            System.out.printf(
                    Locale.ROOT,
                    "3/4 Running the job on a local mini-cluster until those %,d events are consumed ...%n",
                    events);
            StreamExecutionEnvironment env = JobEnvironments.selfManaged(config.runtime(), null);
            long start = System.nanoTime();
            env.registerJobListener(JobProgress.whileRunning(config, events));
            LakehouseJob.run(env, config);
            double seconds = (System.nanoTime() - start) / 1e9;
            LakehouseSummary.print(config.catalog(), seconds, System.out);

            System.out.println();
            System.out.println("4/4 Verifying gold against a batch recomputation from silver ...");
            goldMatches = GoldVerifier.verify(config, System.out);
        } catch (Exception | Error e) {
            if (server != null) {
                server.close();
            }
            throw e;
        } finally {
            PathUtils.deleteDirectory(work);
        }
        if (server != null) {
            DashboardCommand.serveUntilStopped(server, "Dashboard still at " + server.url() + " (Ctrl-C stops it)");
        }
        return goldMatches ? 0 : 1;
    }

    private JobConfig jobConfig(String bootstrapServers) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(SourceSettings.TYPE.qualified(), Setting.text(SourceType.KAFKA));
        settings.put(KafkaSettings.BOOTSTRAP_SERVERS.qualified(), bootstrapServers);
        settings.put(KafkaSettings.TOPICS.qualified(), TOPIC);
        settings.put(KafkaSettings.BOUNDED.qualified(), "true");
        settings.put(CatalogSettings.WAREHOUSE.qualified(), warehouse.toString());
        settings.put(RuntimeSettings.PARALLELISM.qualified(), Integer.toString(parallelism));
        settings.put(RuntimeSettings.CHECKPOINT_INTERVAL.qualified(), Setting.text(Duration.ofSeconds(5)));
        return ConfigLoader.load(null, settings);
    }
}
