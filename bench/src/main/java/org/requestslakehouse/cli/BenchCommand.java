package org.requestslakehouse.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.io.file.PathUtils;
import org.apache.flink.util.TimeUtils;
import org.requestslakehouse.bench.BenchReport;
import org.requestslakehouse.bench.BenchResult;
import org.requestslakehouse.bench.BenchSettings;
import org.requestslakehouse.bench.BenchSettings.Part;
import org.requestslakehouse.bench.Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bench}: throughput, CPU, freshness and memory of the job against a framework-free floor and a peer. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Measure the job on this machine: a framework-free floor, the full job, the job without gold, "
                    + "Apache Iceberg's Kafka Connect sink as a peer, the same pipeline in Flink SQL as a second peer, "
                    + "and freshness at a fixed rate; one table, optionally JSON.",
            "Each part runs in its own JVM; the events are preloaded into an in-process Kafka topic first."
        })
public class BenchCommand implements Callable<Integer>, ContributedCommand {

    @Option(
            names = "--events",
            paramLabel = "N",
            description = "Events to preload and measure. Default: ${DEFAULT-VALUE}.")
    long events = 1_000_000;

    @Option(
            names = "--repeat",
            paramLabel = "N",
            description = "Run each throughput part N times, in rounds, and report the median of each figure; every"
                    + " run must write the same rows. Freshness runs once, at the median job's rate."
                    + " Default: ${DEFAULT-VALUE}.")
    int repeat = 1;

    @Option(
            names = "--checkpoint-interval",
            paramLabel = "DURATION",
            description =
                    "The job's checkpoint (= commit) interval, also the peer's commit interval. Default: ${DEFAULT-VALUE}.")
    String checkpointInterval = "10 s";

    @Option(
            names = "--state-backend",
            paramLabel = "rocksdb|hashmap",
            description = "The job's state backend. Default: ${DEFAULT-VALUE} (as flink-conf/config.yaml).")
    String stateBackend = "rocksdb";

    @Option(
            names = "--managed-memory",
            paramLabel = "SIZE",
            description =
                    "The job's managed memory: RocksDB's write buffers and block cache. Default: ${DEFAULT-VALUE} (as flink-conf/config.yaml).")
    String managedMemory = "512m";

    @Option(
            names = "--parallelism",
            paramLabel = "N",
            description = "Job parallelism, peer tasks and topic partitions. Default: ${DEFAULT-VALUE}.")
    int parallelism = 2;

    @Option(
            names = "--freshness-rate",
            paramLabel = "SHARE",
            description =
                    "Input rate of the freshness run as a share of the job's measured events/s. Default: ${DEFAULT-VALUE}.")
    double freshnessRateShare = 0.5;

    @Option(
            names = "--freshness-duration",
            paramLabel = "DURATION",
            description =
                    "How long the freshness run produces (shorter when fewer events are preloaded). Default: ${DEFAULT-VALUE}.")
    String freshnessDuration = "60 s";

    @Option(
            names = "--parts",
            paramLabel = "PART",
            split = ",",
            description = "Parts to run: floor, job, job-no-gold, peer, sql-peer, freshness. Default: all.")
    List<String> parts = new ArrayList<>();

    @Option(
            names = "--heap",
            paramLabel = "SIZE",
            description = "Maximum heap of the job, floor and peer JVMs. Default: ${DEFAULT-VALUE}.")
    String heap = "1g";

    @Option(
            names = "--job-jvm-option",
            paramLabel = "OPTION",
            description =
                    "Extra JVM option for the job JVMs, repeatable; {name} becomes the run's name (job-round-2 and so on"
                            + " with --repeat), "
                            + "e.g. -XX:StartFlightRecording=filename=/tmp/{name}.jfr")
    List<String> jobJvmOptions = new ArrayList<>();

    @Option(
            names = "--job-setting",
            paramLabel = "KEY=VALUE",
            description = "Extra job setting for the job's runs (not the peers), repeatable, as in"
                    + " application_properties.json, e.g. gold.emit-interval=2s")
    List<String> jobSettings = new ArrayList<>();

    @Option(
            names = "--flink-setting",
            paramLabel = "KEY=VALUE",
            description = "Extra Flink setting for the job's and the SQL peer's mini-clusters, repeatable, e.g."
                    + " state.backend.rocksdb.use-bloom-filter=true")
    List<String> flinkSettings = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "SEED", description = "Generator seed. Default: ${DEFAULT-VALUE}.")
    long seed = 42;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
    Path json;

    @Option(
            names = "--work-dir",
            paramLabel = "DIR",
            description =
                    "Scratch directory (broker data, warehouses, logs). Default: a temporary directory, deleted afterwards unless --keep.")
    Path workDir;

    @Option(names = "--keep", description = "Keep the scratch directory (tables, checkpoints, logs of every JVM).")
    boolean keep;

    @Option(
            names = "--peer-classpath",
            paramLabel = "DIR",
            description =
                    "The Kafka Connect peer's jars. Default: bench-peer/ next to this jar (`mvn package` fills it).")
    Path peerClasspath;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path work = workDir != null ? workDir : Files.createTempDirectory("requests-lakehouse-bench");
        BenchSettings settings = settings(work);
        try {
            BenchResult result = new Benchmark(settings, System.out).run();
            System.out.println();
            System.out.printf(Locale.ROOT, "%s, %,d events, %s%n", result.finishedAt(), events, result.machine());
            System.out.print(BenchReport.table(result));
            if (json != null) {
                BenchReport.writeJson(result, json);
                System.out.println("JSON written to " + json);
            }
            return 0;
        } finally {
            if (!keep && workDir == null) {
                PathUtils.deleteDirectory(work);
            } else {
                System.out.println("Scratch directory kept: " + work);
            }
        }
    }

    BenchSettings settings(Path work) {
        if (!stateBackend.equals("rocksdb") && !stateBackend.equals("hashmap")) {
            throw new ParameterException(
                    spec.commandLine(), "--state-backend must be rocksdb or hashmap, got " + stateBackend);
        }
        if (parallelism < 1) {
            throw new ParameterException(spec.commandLine(), "--parallelism must be at least 1, got " + parallelism);
        }
        try {
            return new BenchSettings(
                    events,
                    seed,
                    duration("--checkpoint-interval", checkpointInterval),
                    stateBackend,
                    managedMemory,
                    parallelism,
                    freshnessRateShare,
                    duration("--freshness-duration", freshnessDuration),
                    parts(),
                    repeat,
                    heap,
                    jobJvmOptions,
                    jobSettings,
                    flinkSettings,
                    peerClasspath != null ? peerClasspath : defaultPeerClasspath(),
                    work);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private EnumSet<Part> parts() {
        if (parts.isEmpty()) {
            return EnumSet.allOf(Part.class);
        }
        EnumSet<Part> chosen = EnumSet.noneOf(Part.class);
        for (String part : parts) {
            try {
                chosen.add(Part.valueOf(part.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--parts takes floor, job, job-no-gold, peer, sql-peer and freshness, got " + part);
            }
        }
        return chosen;
    }

    private Duration duration(String option, String value) {
        try {
            return TimeUtils.parseDuration(value);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(
                    spec.commandLine(), option + " must be a duration such as '10 s', got " + value);
        }
    }

    /** bench-peer/ beside the bench jar, or beside target/classes when run from the build. */
    static Path defaultPeerClasspath() {
        try {
            Path codeSource = Paths.get(BenchCommand.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return codeSource.toAbsolutePath().getParent().resolve("bench-peer");
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return Paths.get("target", "bench-peer").toAbsolutePath();
        }
    }
}
