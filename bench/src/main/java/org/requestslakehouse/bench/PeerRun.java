package org.requestslakehouse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.requestslakehouse.catalog.CatalogFactory;
import org.requestslakehouse.config.CatalogConfig;

/**
 * The peer: Apache Iceberg's own Kafka Connect sink, in a Kafka Connect standalone worker in its own JVM, reading
 * the same topic into an Iceberg table of the same catalog type, committing on the same interval. It lands the
 * events as they are (one string column per JSON key, schema inferred) with none of the job's parsing, state or
 * gold: the commodity way to get a topic into Iceberg. Measured from the moment its tasks run until a snapshot
 * holds every event.
 */
final class PeerRun {
    static final String CONNECTOR = "iceberg-peer";
    static final TableIdentifier TABLE = TableIdentifier.of("peer", "request_events");
    private static final String CONTROL_TOPIC = "bench-peer-control";
    private static final Duration POLL = Duration.ofMillis(200);

    private PeerRun() {}

    static RunResult run(BenchContext ctx) throws Exception {
        BenchSettings settings = ctx.settings();
        if (!Files.isDirectory(settings.peerClasspath())) {
            throw new IllegalStateException("The Kafka Connect peer's jars are not in " + settings.peerClasspath()
                    + ": `mvn package` puts them there (or pass --peer-classpath DIR)");
        }
        Path dir = settings.workDir().resolve("peer");
        Path warehouse = dir.resolve("warehouse");
        Files.createDirectories(dir);
        ctx.broker().createTopic(ctx.perRound(CONTROL_TOPIC), 1);
        int restPort = LocalPorts.free();
        Path worker = properties(dir.resolve("worker.properties"), workerProperties(ctx, dir, restPort));
        Path connector = properties(dir.resolve("connector.properties"), connectorProperties(ctx, warehouse));
        Path log4j = properties(
                dir.resolve("log4j.properties"),
                log4jProperties(settings.logDir().resolve("peer-connect.log")));

        ctx.console().println("peer: Iceberg's Kafka Connect sink (standalone worker) into " + TABLE + " ...");
        try (ChildJvm peer = ChildJvm.start(
                "peer",
                List.of("-Xmx" + settings.childHeap(), "-Dlog4j.configuration=" + log4j.toUri()),
                settings.peerClasspath().toAbsolutePath() + "/*",
                "org.apache.kafka.connect.cli.ConnectStandalone",
                List.of(worker.toString(), connector.toString()),
                settings.logDir())) {
            ConnectorStatus status = new ConnectorStatus(
                    restPort, ctx.perRound(CONNECTOR), settings.logDir().resolve("peer-connect.log"));
            awaitTasksRunning(peer, status, settings.parallelism());
            long startMillis = System.currentTimeMillis();
            ProcStat peerAtStart = peer.stat();
            ProcStat brokerAtStart = ctx.broker().stat();
            long committedAt =
                    awaitAllCommitted(peer, status, warehouse, settings.events(), JobRun.runTimeout(settings.events()));
            ProcStat peerAtEnd = peer.stat();
            ProcStat brokerAtEnd = ctx.broker().stat();
            return new RunResult(
                    settings.events(),
                    (committedAt - startMillis) / 1000.0,
                    peerAtEnd.since(peerAtStart).cpuSeconds(),
                    brokerAtEnd.since(brokerAtStart).cpuSeconds(),
                    peerAtEnd.peakRssBytes(),
                    null);
        }
    }

    private static Map<String, String> workerProperties(BenchContext ctx, Path dir, int restPort) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("bootstrap.servers", ctx.broker().bootstrapServers());
        p.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        p.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        p.put("value.converter.schemas.enable", "false");
        p.put("offset.storage.file.filename", dir.resolve("connect.offsets").toString());
        // The sink answers its coordinator's commit requests only from put(), which Connect calls after each
        // consumer poll; with the topic drained, a poll waits up to this interval (default 60 s), so every commit
        // request would time out and the last events would wait minutes for their commit.
        p.put("offset.flush.interval.ms", "1000");
        p.put("listeners", "http://localhost:" + restPort);
        // Every plugin on this classpath declares itself; scanning all jars would only slow the start.
        p.put("plugin.discovery", "service_load");
        return p;
    }

    private static Map<String, String> connectorProperties(BenchContext ctx, Path warehouse) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("name", ctx.perRound(CONNECTOR));
        p.put("connector.class", "org.apache.iceberg.connect.IcebergSinkConnector");
        p.put("tasks.max", Integer.toString(ctx.settings().parallelism()));
        p.put("topics", ctx.topic());
        p.put("iceberg.tables", TABLE.toString());
        p.put("iceberg.tables.auto-create-enabled", "true");
        p.put("iceberg.tables.evolve-schema-enabled", "true");
        // The job's tables are Parquet with zstd and 128 MiB target files; so is this one.
        p.put("iceberg.tables.auto-create-props.format-version", "2");
        p.put("iceberg.tables.auto-create-props.write.parquet.compression-codec", "zstd");
        p.put("iceberg.tables.auto-create-props.write.target-file-size-bytes", Long.toString(128L * 1024 * 1024));
        p.put("iceberg.catalog.catalog-impl", "org.apache.iceberg.hadoop.HadoopCatalog");
        p.put("iceberg.catalog.warehouse", warehouse.toAbsolutePath().toString());
        p.put("iceberg.control.topic", ctx.perRound(CONTROL_TOPIC));
        p.put(
                "iceberg.control.commit.interval-ms",
                Long.toString(ctx.settings().checkpointInterval().toMillis()));
        p.put("iceberg.kafka.bootstrap.servers", ctx.broker().bootstrapServers());
        return p;
    }

    private static Map<String, String> log4jProperties(Path logFile) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("log4j.rootLogger", "INFO, file");
        p.put("log4j.appender.file", "org.apache.log4j.FileAppender");
        p.put("log4j.appender.file.File", logFile.toAbsolutePath().toString());
        p.put("log4j.appender.file.layout", "org.apache.log4j.PatternLayout");
        p.put("log4j.appender.file.layout.ConversionPattern", "%d{HH:mm:ss,SSS} %-5p %c{1} - %m%n");
        return p;
    }

    private static Path properties(Path file, Map<String, String> values) throws IOException {
        Files.writeString(
                file,
                values.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\"))
                        .collect(Collectors.joining("\n", "", "\n")));
        return file;
    }

    /** Connect's REST API says the connector and all its tasks run. */
    private static void awaitTasksRunning(ChildJvm peer, ConnectorStatus status, int tasks) throws Exception {
        long deadline = System.nanoTime() + JobRun.START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            peer.stat(); // fails fast if the worker died
            if (status.running(tasks)) {
                return;
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IllegalStateException(
                "The Kafka Connect peer's tasks were not running within " + JobRun.START_TIMEOUT);
    }

    /** Commit time of the first snapshot that holds all {@code events}. */
    private static long awaitAllCommitted(
            ChildJvm peer, ConnectorStatus status, Path warehouse, long events, Duration timeout) throws Exception {
        // The sink creates the table while this polls: a Hadoop table seen between its first metadata file and its
        // version hint is logged as a warning with a stack trace on every poll. It is expected here.
        Configurator.setLevel("org.apache.iceberg.hadoop.HadoopTableOperations", Level.ERROR);
        CatalogConfig config = BenchConfigs.catalog(warehouse);
        Catalog catalog = CatalogFactory.open(config);
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                peer.stat();
                status.failIfFailed();
                if (catalog.tableExists(TABLE)) {
                    Table table = catalog.loadTable(TABLE);
                    if (BenchTables.totalRecords(table) >= events) {
                        return firstSnapshotWith(table, events).timestampMillis();
                    }
                }
                Thread.sleep(POLL.toMillis());
            }
            throw new IllegalStateException(
                    "The Kafka Connect peer did not commit " + events + " events within " + timeout);
        } finally {
            CatalogFactory.close(catalog);
        }
    }

    private static Snapshot firstSnapshotWith(Table table, long events) {
        for (Snapshot snapshot : table.snapshots()) {
            if (Long.parseLong(snapshot.summary().getOrDefault("total-records", "0")) >= events) {
                return snapshot;
            }
        }
        throw new IllegalStateException("No snapshot of " + table.name() + " holds " + events + " events");
    }
}
