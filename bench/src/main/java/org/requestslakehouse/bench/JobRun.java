package org.requestslakehouse.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.requestslakehouse.catalog.CatalogFactory;
import org.requestslakehouse.config.CatalogConfig;
import org.requestslakehouse.config.CatalogSettings;
import org.requestslakehouse.config.GoldSettings;
import org.requestslakehouse.config.KafkaSettings;
import org.requestslakehouse.config.RuntimeSettings;
import org.requestslakehouse.config.SourceConfig.SourceType;
import org.requestslakehouse.config.SourceSettings;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;
import org.requestslakehouse.sinks.iceberg.LakehouseTables;

/**
 * Throughput of the full job (or the job without gold): the preloaded topic through a bounded Kafka source on a
 * local mini-cluster with exactly-once checkpoints, in its own JVM. Measured from the moment the job runs to its
 * last Iceberg commit; the JVM's and the mini-cluster's start-up are not in the figure.
 */
final class JobRun {
    static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final double SLOWEST_EXPECTED_EVENTS_PER_SECOND = 300;

    private JobRun() {}

    static RunResult run(BenchContext ctx, String name, boolean gold) throws Exception {
        BenchSettings settings = ctx.settings();
        Path dir = settings.workDir().resolve(name);
        StartedJob started = StartedJob.start(ctx, name, JobMain.class, dir, ctx.topic(), gold, true);
        Measured measured = Measured.untilFinished(ctx, started);
        CheckpointWatcher.Checkpoint checkpoint = measured.checkpoint();

        CatalogConfig catalogConfig = BenchConfigs.catalog(started.warehouse());
        LakehouseTables tables = new LakehouseTables(catalogConfig);
        Catalog catalog = CatalogFactory.open(catalogConfig);
        try {
            long archived = BenchTables.totalRecords(catalog.loadTable(tables.identifier(LakehouseTable.RAW_EVENTS)));
            if (archived != settings.events()) {
                throw new IllegalStateException(name + " committed " + archived + " events to bronze, expected "
                        + settings.events() + "; see " + settings.logDir().resolve(name + ".log"));
            }
            List<TableIdentifier> written = new ArrayList<>();
            for (LakehouseTable table : LakehouseTable.values()) {
                written.add(tables.identifier(table));
            }
            long lastCommit = BenchTables.lastCommitMillis(catalog, written);
            Double statePerCase = checkpoint == null
                    ? null
                    : statePerCase(catalog.loadTable(tables.identifier(LakehouseTable.SERVICE_REQUESTS)), checkpoint);
            Map<String, Long> rows = new LinkedHashMap<>();
            rows.put(tables.identifier(LakehouseTable.RAW_EVENTS).toString(), archived);
            for (LakehouseTable table : List.of(
                    LakehouseTable.SERVICE_REQUESTS, LakehouseTable.REQUESTS_HOURLY, LakehouseTable.SLA_DAILY)) {
                TableIdentifier id = tables.identifier(table);
                rows.put(id.toString(), BenchTables.currentRows(catalog.loadTable(id)));
            }
            return measured.result(
                    settings.events(), (lastCommit - started.runningAtMillis()) / 1000.0, statePerCase, rows);
        } finally {
            CatalogFactory.close(catalog);
        }
    }

    private static Double statePerCase(Table silver, CheckpointWatcher.Checkpoint checkpoint) {
        long cases = BenchTables.rowsAtCheckpoint(silver, checkpoint.id(), "case_enquiry_id");
        return cases > 0 ? checkpoint.stateBytes() / (double) cases : null;
    }

    static Duration runTimeout(long events) {
        return Duration.ofSeconds(Math.max(600, (long) (events / SLOWEST_EXPECTED_EVENTS_PER_SECOND)));
    }

    /**
     * CPU and memory of a bounded job's JVM and of the broker from the job's start to its end, and the job's last
     * checkpoint that held state (null if none completed).
     */
    record Measured(
            ProcStat jobAtStart,
            ProcStat brokerAtStart,
            ProcStat jobAtEnd,
            ProcStat brokerAtEnd,
            CheckpointWatcher.Checkpoint checkpoint) {

        /** Waits until the started job says it has finished, then stops its JVM. */
        static Measured untilFinished(BenchContext ctx, StartedJob started) throws Exception {
            try (ChildJvm job = started.jvm()) {
                ProcStat jobAtStart = job.stat();
                ProcStat brokerAtStart = ctx.broker().stat();
                Measured measured;
                try (CheckpointWatcher watcher = new CheckpointWatcher(started.restPort(), started.jobId())) {
                    job.awaitSignal("finished", runTimeout(ctx.settings().events()));
                    ProcStat jobAtEnd = job.stat();
                    ProcStat brokerAtEnd = ctx.broker().stat();
                    measured =
                            new Measured(jobAtStart, brokerAtStart, jobAtEnd, brokerAtEnd, watcher.latestWithState());
                }
                job.requestStop();
                job.awaitExit(Duration.ofMinutes(2));
                return measured;
            }
        }

        RunResult result(long events, double seconds, Double stateBytesPerCase, Map<String, Long> tableRows) {
            return new RunResult(
                    events,
                    seconds,
                    jobAtEnd.since(jobAtStart).cpuSeconds(),
                    brokerAtEnd.since(brokerAtStart).cpuSeconds(),
                    jobAtEnd.peakRssBytes(),
                    stateBytesPerCase,
                    tableRows);
        }
    }

    /** A job JVM that announced it runs. */
    record StartedJob(ChildJvm jvm, String jobId, long runningAtMillis, int restPort, Path warehouse) {

        static StartedJob start(
                BenchContext ctx,
                String name,
                Class<?> mainClass,
                Path dir,
                String topic,
                boolean gold,
                boolean bounded)
                throws IOException, InterruptedException {
            BenchSettings settings = ctx.settings();
            int restPort = LocalPorts.free();
            Path conf = FlinkConfFile.write(dir.resolve("flink-conf"), settings, restPort);
            Path warehouse = dir.resolve("warehouse");
            List<String> args = new ArrayList<>();
            args.add(conf.toString());
            args.add(SourceSettings.TYPE.is(SourceType.KAFKA));
            args.add(KafkaSettings.BOOTSTRAP_SERVERS.is(ctx.broker().bootstrapServers()));
            args.add(KafkaSettings.TOPICS.is(topic));
            args.add(KafkaSettings.GROUP_ID.is(ctx.perRound("bench-" + name)));
            args.add(KafkaSettings.BOUNDED.is(bounded));
            args.add(CatalogSettings.WAREHOUSE.is(warehouse));
            args.add(RuntimeSettings.CHECKPOINT_DIR.is(dir.resolve("checkpoints")));
            args.add(RuntimeSettings.CHECKPOINT_INTERVAL.is(
                    settings.checkpointInterval().toMillis() + " ms"));
            args.add(RuntimeSettings.PARALLELISM.is(settings.parallelism()));
            args.add(GoldSettings.ENABLED.is(gold));
            if (mainClass == JobMain.class) {
                args.addAll(settings.jobSettings());
            }
            List<String> jvmOptions = new ArrayList<>();
            jvmOptions.add("-Xmx" + settings.childHeap());
            for (String option : settings.jobJvmOptions()) {
                jvmOptions.add(option.replace("{name}", ctx.perRound(name)));
            }
            ctx.console()
                    .printf(
                            Locale.ROOT,
                            "%s: starting %s (%s state, checkpoints every %d s) ...%n",
                            name,
                            mainClass == JobMain.class ? "the job with gold " + (gold ? "on" : "off") : "the SQL peer",
                            settings.stateBackend(),
                            settings.checkpointInterval().toSeconds());
            ChildJvm jvm = ChildJvm.start(name, jvmOptions, mainClass.getName(), args, settings.logDir());
            try {
                ChildSignals.Signal running = jvm.awaitSignal("running", START_TIMEOUT);
                return new StartedJob(jvm, running.detail(), running.epochMillis(), restPort, warehouse);
            } catch (InterruptedException | RuntimeException e) {
                jvm.close();
                throw e;
            }
        }
    }
}
