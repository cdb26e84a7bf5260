package org.requestslakehouse.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.iceberg.catalog.Catalog;
import org.requestslakehouse.catalog.CatalogFactory;
import org.requestslakehouse.config.CatalogConfig;
import org.requestslakehouse.replay.ReplayEvent;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;
import org.requestslakehouse.sinks.iceberg.LakehouseTables;

/**
 * Freshness: the full job runs unbounded on an empty topic; once it has completed a checkpoint (so it is deployed
 * and idle), events prepared in memory beforehand are produced at a fixed rate with their produce times recorded; when everything is committed
 * the tables' history says when each event became visible (see {@link FreshnessAnalysis}). Events of the first
 * part of the run are not measured, so JIT compilation and first-time class loading do not count as latency.
 */
final class FreshnessRun {
    static final String TOPIC = "bench-freshness";
    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(500);

    private FreshnessRun() {}

    static FreshnessResult run(BenchContext ctx, Path csv, double ratePerSecond) throws Exception {
        BenchSettings settings = ctx.settings();
        long events = Math.max(
                1,
                Math.min(
                        settings.events(),
                        Math.round(ratePerSecond * settings.freshnessDuration().toMillis() / 1000.0)));
        ctx.broker().createTopic(TOPIC, settings.parallelism());
        Path dir = settings.workDir().resolve("freshness");
        ProduceTimes produced = new ProduceTimes(settings.parallelism());
        long measuredFrom;
        List<ReplayEvent> toProduce = BenchEvents.load(csv, events);
        JobRun.StartedJob started = JobRun.StartedJob.start(ctx, "freshness", JobMain.class, dir, TOPIC, true, false);
        try (var job = started.jvm();
                CheckpointWatcher watcher = new CheckpointWatcher(started.restPort(), started.jobId())) {
            awaitFirstCheckpoint(job, watcher);
            ctx.console()
                    .printf(
                            Locale.ROOT,
                            "freshness: producing %,d events at %,.0f events/s ...%n",
                            events,
                            ratePerSecond);
            long start = System.currentTimeMillis();
            // The first third of a short run, else the first WARM_UP, is warm-up.
            measuredFrom = start + Math.min(WARM_UP.toMillis(), (long) (events / ratePerSecond * 1000 / 3));
            try (TimedKafkaPublisher publisher =
                    new TimedKafkaPublisher(ctx.broker().bootstrapServers(), TOPIC, produced)) {
                BenchEvents.publish(toProduce, publisher, ratePerSecond, "freshness");
            }
            awaitCommitted(job, started.warehouse(), events, settings);
            job.requestStop();
            job.awaitExit(Duration.ofMinutes(2));
        }

        CatalogConfig catalogConfig = BenchConfigs.catalog(started.warehouse());
        LakehouseTables tables = new LakehouseTables(catalogConfig);
        Catalog catalog = CatalogFactory.open(catalogConfig);
        try {
            return FreshnessResult.of(
                    ratePerSecond,
                    events,
                    FreshnessAnalysis.analyse(
                            catalog.loadTable(tables.identifier(LakehouseTable.SERVICE_REQUESTS)),
                            catalog.loadTable(tables.identifier(LakehouseTable.REQUESTS_HOURLY)),
                            produced,
                            measuredFrom));
        } finally {
            CatalogFactory.close(catalog);
        }
    }

    private static void awaitFirstCheckpoint(ChildJvm job, CheckpointWatcher watcher) throws InterruptedException {
        long deadline = System.nanoTime() + JobRun.START_TIMEOUT.toNanos();
        while (watcher.completed() < 1) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "The freshness job completed no checkpoint within " + JobRun.START_TIMEOUT);
            }
            job.stat();
            Thread.sleep(POLL.toMillis());
        }
    }

    /**
     * Waits until bronze holds every event, then long enough for gold: its windows emit within one emit interval,
     * and what they emit is committed by the checkpoint after next at the latest.
     */
    private static void awaitCommitted(ChildJvm job, Path warehouse, long events, BenchSettings settings)
            throws InterruptedException {
        CatalogConfig catalogConfig = BenchConfigs.catalog(warehouse);
        Catalog catalog = CatalogFactory.open(catalogConfig);
        try {
            var bronze = new LakehouseTables(catalogConfig).identifier(LakehouseTable.RAW_EVENTS);
            long deadline = System.nanoTime() + JobRun.runTimeout(events).toNanos();
            while (BenchTables.totalRecords(catalog.loadTable(bronze)) < events) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "The freshness job did not commit " + events + " events to bronze in time");
                }
                job.stat();
                Thread.sleep(POLL.toMillis());
            }
        } finally {
            CatalogFactory.close(catalog);
        }
        Duration emitInterval = BenchConfigs.defaults().gold().emitInterval();
        Thread.sleep(emitInterval
                .plus(settings.checkpointInterval().multipliedBy(2))
                .plusSeconds(2)
                .toMillis());
    }
}
