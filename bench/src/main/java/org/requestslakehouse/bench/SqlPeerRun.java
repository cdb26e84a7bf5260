package org.requestslakehouse.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.requestslakehouse.catalog.CatalogFactory;
import org.requestslakehouse.config.CatalogConfig;

/**
 * Throughput of the SQL peer ({@link SqlPeerMain}): measured like the job, from the moment it runs to its last
 * Iceberg commit, with the rows each of its tables holds at the end so the work it did can be compared.
 */
final class SqlPeerRun {
    static final String NAME = "sql_peer";

    private SqlPeerRun() {}

    static RunResult run(BenchContext ctx) throws Exception {
        BenchSettings settings = ctx.settings();
        Path dir = settings.workDir().resolve(NAME);
        JobRun.StartedJob started =
                JobRun.StartedJob.start(ctx, NAME, SqlPeerMain.class, dir, ctx.topic(), false, true);
        JobRun.Measured measured = JobRun.Measured.untilFinished(ctx, started);

        CatalogConfig catalogConfig = BenchConfigs.catalog(started.warehouse());
        Catalog catalog = CatalogFactory.open(catalogConfig);
        try {
            List<TableIdentifier> written = new ArrayList<>();
            for (String table : SqlPeerPipeline.TABLES) {
                written.add(TableIdentifier.parse(table));
            }
            TableIdentifier bronze = TableIdentifier.parse(SqlPeerPipeline.BRONZE);
            long archived = BenchTables.totalRecords(catalog.loadTable(bronze));
            // Fewer is possible, not more: its JSON format skips a message it cannot read (a defective CSV row is
            // published as it is), and Iceberg's committer can drop the last files of a writer that finished before
            // the other at end of input (see the job's IcebergSinks). The job archives every message.
            if (archived > settings.events() || archived == 0) {
                throw new IllegalStateException(NAME + " committed " + archived + " events to " + bronze
                        + " of the " + settings.events() + " in the topic; see "
                        + settings.logDir().resolve(NAME + ".log"));
            }
            if (archived < settings.events()) {
                ctx.console()
                        .printf(
                                Locale.ROOT,
                                "%s: %s holds %,d of the %,d events (see \"What the SQL peer leaves out\" in"
                                        + " docs/performance.md)%n",
                                NAME,
                                bronze,
                                archived,
                                settings.events());
            }
            Map<String, Long> rows = new LinkedHashMap<>();
            rows.put(bronze.toString(), archived);
            for (TableIdentifier table : written.subList(1, written.size())) {
                rows.put(table.toString(), BenchTables.currentRows(catalog.loadTable(table)));
            }
            long lastCommit = BenchTables.lastCommitMillis(catalog, written);
            CheckpointWatcher.Checkpoint checkpoint = measured.checkpoint();
            Double statePerCase = null;
            if (checkpoint != null) {
                long cases = BenchTables.rowsAtCheckpoint(
                        catalog.loadTable(TableIdentifier.parse(SqlPeerPipeline.SILVER)),
                        checkpoint.id(),
                        "case_enquiry_id");
                statePerCase = cases > 0 ? checkpoint.stateBytes() / (double) cases : null;
            }
            return measured.result(
                    settings.events(), (lastCommit - started.runningAtMillis()) / 1000.0, statePerCase, rows);
        } finally {
            CatalogFactory.close(catalog);
        }
    }
}
