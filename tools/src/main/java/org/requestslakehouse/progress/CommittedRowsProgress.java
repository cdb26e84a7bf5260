package org.requestslakehouse.progress;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.requestslakehouse.catalog.CatalogFactory;
import org.requestslakehouse.config.CatalogConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running job's progress as the rows committed to one of its tables since it started, read from the table's
 * snapshot summary ({@code total-records}) on a timer. For bronze that is every event the job has read and made
 * durable: exact, outside the job, and one metadata read per poll. It moves once per checkpoint, the moment
 * rows become visible to readers.
 */
public final class CommittedRowsProgress implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CommittedRowsProgress.class);

    private final Catalog catalog;
    private final TableIdentifier identifier;
    private final ProgressReporter reporter;
    private final ScheduledExecutorService timer;
    private final long baseline;
    private Table table;

    private CommittedRowsProgress(Catalog catalog, TableIdentifier identifier, ProgressReporter reporter) {
        this.catalog = catalog;
        this.identifier = identifier;
        this.reporter = reporter;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "progress-" + identifier);
            thread.setDaemon(true);
            return thread;
        });
        // Rows already there (an earlier run into the same warehouse) are not this run's progress.
        this.baseline = totalRecords();
    }

    public static CommittedRowsProgress start(
            CatalogConfig config, TableIdentifier table, ProgressReporter reporter, Duration every) {
        CommittedRowsProgress progress = new CommittedRowsProgress(CatalogFactory.open(config), table, reporter);
        progress.timer.scheduleWithFixedDelay(
                progress::poll, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return progress;
    }

    /** Stops polling, reports the final count and prints the summary line. */
    @Override
    public void close() throws InterruptedException {
        stopPolling();
        try {
            poll();
            reporter.finish();
        } finally {
            CatalogFactory.close(catalog);
        }
    }

    /** Stops polling without another line: the job failed, and its error is what the user needs to read. */
    public void abandon() throws InterruptedException {
        try {
            stopPolling();
        } finally {
            CatalogFactory.close(catalog);
        }
    }

    private void stopPolling() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(1, TimeUnit.MINUTES);
    }

    private synchronized void poll() {
        try {
            reporter.update(totalRecords() - baseline);
        } catch (RuntimeException e) {
            // A poll racing a commit can fail to read metadata; the next one will succeed. Progress is a courtesy.
            LOG.debug("Could not read the progress of {}", identifier, e);
        }
    }

    private long totalRecords() {
        if (table == null) {
            try {
                table = catalog.loadTable(identifier);
            } catch (NoSuchTableException notCreatedYet) {
                return 0;
            }
        } else {
            table.refresh();
        }
        Snapshot current = table.currentSnapshot();
        return current == null
                ? 0
                : Long.parseLong(current.summary().getOrDefault(SnapshotSummary.TOTAL_RECORDS_PROP, "0"));
    }
}
