package org.requestslakehouse.dashboard;

import java.util.function.Function;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.NoSuchTableException;

/**
 * What was read from a table, kept until the table's current snapshot changes. A dashboard refresh then costs
 * one metadata refresh per table while the job is idle, and one read per table per Iceberg commit while it runs.
 */
final class SnapshotCache<T> {
    /** No table yet: the dashboard may be started before the job has created its tables. */
    private static final long NO_TABLE = -2;

    private static final long EMPTY_TABLE = -1;

    private final Catalog catalog;
    private final TableIdentifier identifier;
    private final Function<Table, T> read;
    private final T whenMissing;
    private Table table;
    private long cachedSnapshotId = Long.MIN_VALUE;
    private T cached;

    SnapshotCache(Catalog catalog, TableIdentifier identifier, Function<Table, T> read, T whenMissing) {
        this.catalog = catalog;
        this.identifier = identifier;
        this.read = read;
        this.whenMissing = whenMissing;
    }

    synchronized T get() {
        long snapshotId = refresh();
        if (snapshotId != cachedSnapshotId) {
            cached = snapshotId == NO_TABLE ? whenMissing : read.apply(table);
            cachedSnapshotId = snapshotId;
        }
        return cached;
    }

    /** The snapshot the cached value was read from; for tests and diagnostics. */
    synchronized long cachedSnapshotId() {
        return cachedSnapshotId;
    }

    private long refresh() {
        if (table == null) {
            try {
                table = catalog.loadTable(identifier);
            } catch (NoSuchTableException notCreatedYet) {
                return NO_TABLE;
            }
        } else {
            table.refresh();
        }
        Snapshot current = table.currentSnapshot();
        return current == null ? EMPTY_TABLE : current.snapshotId();
    }
}
