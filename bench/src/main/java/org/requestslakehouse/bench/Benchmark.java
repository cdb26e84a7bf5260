package org.requestslakehouse.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
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
            BenchContext ctx = new BenchContext(settings, broker, TOPIC, console);
            Path csv = preload(broker);

            RunResult floor = settings.runs(Part.FLOOR) ? report("floor", FloorRun.run(ctx)) : null;
            RunResult job = settings.runs(Part.JOB) ? report("job", JobRun.run(ctx, "job", true)) : null;
            RunResult jobNoGold = settings.runs(Part.JOB_NO_GOLD)
                    ? report("job_no_gold", JobRun.run(ctx, "job_no_gold", false))
                    : null;
            RunResult peer = settings.runs(Part.PEER) ? report("peer", PeerRun.run(ctx)) : null;
            RunResult sqlPeer = settings.runs(Part.SQL_PEER) ? report(SqlPeerRun.NAME, SqlPeerRun.run(ctx)) : null;
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
                    freshness);
        }
    }

    private Path preload(BrokerProcess broker) throws Exception {
        console.printf(
                Locale.ROOT,
                "Generating cases and preloading %,d lifecycle events into %s (2 partitions) ...%n",
                settings.events(),
                TOPIC);
        Path csv = BenchEvents.generate(settings.workDir(), settings.events(), settings.seed());
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
