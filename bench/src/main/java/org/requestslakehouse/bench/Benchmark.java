package org.requestslakehouse.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.requestslakehouse.bench.BenchSettings.Part;
import org.requestslakehouse.replay.KafkaEventPublisher;

/**
 * One benchmark run, on one machine: a broker in its own JVM, the events preloaded into a two-partition topic
 * before anything is measured (so no producer competes for the cores), then each part in turn in its own JVM.
 */
public final class Benchmark {
    static final String TOPIC = "bench-requests";

    private final BenchSettings settings;
    private final PrintStream console;

    public Benchmark(BenchSettings settings, PrintStream console) {
        this.settings = settings;
        this.console = console;
    }

    public BenchResult run() throws Exception {
        Files.createDirectories(settings.workDir());
        console.printf(
                Locale.ROOT,
                "Benchmark of %,d events in %s (logs in %s)%n",
                settings.events(),
                settings.workDir(),
                settings.logDir());
        try (BrokerProcess broker = BrokerProcess.start(
                TOPIC, settings.parallelism(), settings.workDir().resolve("kafka"), settings.logDir(), "1g")) {
            BenchContext ctx = new BenchContext(settings, broker, TOPIC, console, 1);
            Path csv = preload(broker);

            Map<String, List<RunResult>> runs = new LinkedHashMap<>();
            for (int round = 1; round <= settings.repeat(); round++) {
                BenchContext roundCtx = round == 1 ? ctx : round(round, broker);
                if (settings.runs(Part.FLOOR)) {
                    measure(runs, "floor", () -> FloorRun.run(roundCtx));
                }
                if (settings.runs(Part.JOB)) {
                    measure(runs, "job", () -> JobRun.run(roundCtx, "job", true));
                }
                if (settings.runs(Part.JOB_NO_GOLD)) {
                    measure(runs, "job_no_gold", () -> JobRun.run(roundCtx, "job_no_gold", false));
                }
                if (settings.runs(Part.PEER)) {
                    measure(runs, "peer", () -> PeerRun.run(roundCtx));
                }
                if (settings.runs(Part.SQL_PEER)) {
                    measure(runs, SqlPeerRun.NAME, () -> SqlPeerRun.run(roundCtx));
                }
            }
            Map<String, RunResult> medians = new LinkedHashMap<>();
            runs.forEach((part, measured) -> medians.put(part, RunResult.median(part, measured)));
            RunResult floor = medians.get("floor");
            RunResult job = medians.get("job");
            RunResult jobNoGold = medians.get("job_no_gold");
            RunResult peer = medians.get("peer");
            RunResult sqlPeer = medians.get(SqlPeerRun.NAME);
            FreshnessResult freshness = null;
            if (settings.runs(Part.FRESHNESS)) {
                freshness = FreshnessRun.run(ctx, csv, settings.freshnessRateShare() * job.eventsPerSecond());
                console.printf(
                        Locale.ROOT,
                        "freshness: silver p50 %.1f s, p99 %.1f s; gold p50 %.1f s, p99 %.1f s%n",
                        freshness.silverP50Seconds(),
                        freshness.silverP99Seconds(),
                        freshness.goldP50Seconds(),
                        freshness.goldP99Seconds());
            }
            return new BenchResult(
                    Instant.now(),
                    MachineDescription.describe(),
                    settings,
                    floor,
                    job,
                    jobNoGold,
                    peer,
                    sqlPeer,
                    freshness,
                    settings.repeat() > 1 ? runs : Map.of());
        }
    }

    /** A round after the first: its own tables, checkpoints and logs, on the same broker and preloaded topic. */
    private BenchContext round(int round, BrokerProcess broker) throws IOException {
        BenchSettings roundSettings = settings.withWorkDir(settings.workDir().resolve("round-" + round));
        Files.createDirectories(roundSettings.workDir());
        console.printf(Locale.ROOT, "round %d of %d in %s%n", round, settings.repeat(), roundSettings.workDir());
        return new BenchContext(roundSettings, broker, TOPIC, console, round);
    }

    private void measure(Map<String, List<RunResult>> runs, String part, Measurement measurement) throws Exception {
        runs.computeIfAbsent(part, p -> new ArrayList<>()).add(report(part, measurement.run()));
    }

    @FunctionalInterface
    private interface Measurement {
        RunResult run() throws Exception;
    }

    private Path preload(BrokerProcess broker) throws Exception {
        console.printf(
                Locale.ROOT,
                "Generating cases and preloading %,d lifecycle events into %s (2 partitions) ...%n",
                settings.events(),
                TOPIC);
        // The generator's own rate, on this thread's CPU clock: where a per-row regression in it shows.
        long cpuBefore = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        Path csv = BenchEvents.generate(settings.workDir(), settings.events(), settings.seed());
        double generatorCpuSeconds = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuBefore) / 1e9;
        console.printf(
                Locale.ROOT,
                "generator: %,d CSV rows in %.1f CPU-s (%,.0f rows per CPU-s)%n",
                BenchEvents.casesFor(settings.events()),
                generatorCpuSeconds,
                BenchEvents.casesFor(settings.events()) / generatorCpuSeconds);
        try (KafkaEventPublisher publisher =
                new KafkaEventPublisher(broker.bootstrapServers(), TOPIC, new Properties())) {
            BenchEvents.publish(csv, publisher, settings.events(), 0, "preload");
        }
        long inTopic = broker.messages(TOPIC);
        if (inTopic != settings.events()) {
            throw new IllegalStateException(
                    TOPIC + " holds " + inTopic + " messages after the preload, expected " + settings.events());
        }
        return csv;
    }

    private RunResult report(String name, RunResult run) {
        console.printf(
                Locale.ROOT,
                "%s: %,.0f events/s, %.1f CPU-s per million events (broker %.1f), peak RSS %,.0f MiB%n",
                name,
                run.eventsPerSecond(),
                run.cpuSecondsPerMillion(),
                run.brokerCpuSecondsPerMillion(),
                run.peakRssMib());
        if (!run.tableRows().isEmpty()) {
            console.println(name + ": " + BenchReport.rows(run));
        }
        return run;
    }
}
