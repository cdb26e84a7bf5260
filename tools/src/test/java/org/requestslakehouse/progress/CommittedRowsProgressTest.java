package org.requestslakehouse.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.catalog.CatalogFactory;
import org.requestslakehouse.config.CatalogConfig;
import org.requestslakehouse.config.ConfigLoader;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;
import org.requestslakehouse.sinks.iceberg.LakehouseTables;

class CommittedRowsProgressTest {
    @Test
    void countsRowsCommittedAfterItStartedFromTheSnapshotSummary(@TempDir Path warehouse) throws Exception {
        CatalogConfig config = ConfigLoader.load(
                        null, Map.of("source.csv.paths", "x", "catalog.warehouse", warehouse.toString()))
                .catalog();
        TableIdentifier bronze = new LakehouseTables(config).identifier(LakehouseTable.RAW_EVENTS);
        Catalog catalog = CatalogFactory.open(config);
        StringWriter text = new StringWriter();
        AtomicLong nanos = new AtomicLong();
        ProgressReporter reporter = new ProgressReporter(
                "job", "events committed", 40, new PrintWriter(text), false, Duration.ofSeconds(10), nanos::get);
        try {
            new LakehouseTables(config).createMissing(catalog);
            commit(catalog.loadTable(bronze), 8);

            // Polls only when closed: the test decides when rows are committed, no timing involved.
            CommittedRowsProgress progress = CommittedRowsProgress.start(config, bronze, reporter, Duration.ofHours(1));
            commit(catalog.loadTable(bronze), 30);
            commit(catalog.loadTable(bronze), 10);
            nanos.set(4_000_000_000L);
            progress.close();
        } finally {
            CatalogFactory.close(catalog);
        }

        assertThat(reporter.count()).isEqualTo(40);
        assertThat(text.toString())
                .isEqualTo("job: 40 events committed in 4.0 s (10 events committed/s)" + System.lineSeparator());
    }

    @Test
    void abandonedProgressPrintsNothingMore(@TempDir Path warehouse) throws Exception {
        CatalogConfig config = ConfigLoader.load(
                        null, Map.of("source.csv.paths", "x", "catalog.warehouse", warehouse.toString()))
                .catalog();
        TableIdentifier bronze = new LakehouseTables(config).identifier(LakehouseTable.RAW_EVENTS);
        StringWriter text = new StringWriter();
        AtomicLong nanos = new AtomicLong();
        ProgressReporter reporter = new ProgressReporter(
                "job", "events committed", 40, new PrintWriter(text), false, Duration.ofSeconds(10), nanos::get);

        CommittedRowsProgress progress = CommittedRowsProgress.start(config, bronze, reporter, Duration.ofHours(1));
        nanos.set(60_000_000_000L);
        progress.abandon();

        assertThat(text.toString()).isEmpty();
    }

    /** A commit as the job's sink makes one; only its metadata matters to the snapshot summary. */
    private static void commit(Table table, long records) {
        table.newAppend()
                .appendFile(DataFiles.builder(table.spec())
                        .withPath(table.location() + "/data/ingested_at_day=2024-03-10/file-" + records + "-"
                                + System.nanoTime() + ".parquet")
                        .withPartitionPath("ingested_at_day=2024-03-10")
                        .withRecordCount(records)
                        .withFileSizeInBytes(1024)
                        .build())
                .commit();
    }
}
