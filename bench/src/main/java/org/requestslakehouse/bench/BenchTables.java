package org.requestslakehouse.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/** What the benchmark reads back from the tables a run wrote: commit times, row counts, rows per checkpoint. */
final class BenchTables {
    /** Snapshot summary property Iceberg's Flink committer records each commit's checkpoint id in. */
    static final String FLINK_CHECKPOINT_ID = "flink.max-committed-checkpoint-id";

    private BenchTables() {}

    /** Rows appended over the table's life, from its current snapshot's summary; 0 before the first commit. */
    static long totalRecords(Table table) {
        Snapshot current = table.currentSnapshot();
        return current == null ? 0 : Long.parseLong(current.summary().getOrDefault("total-records", "0"));
    }

    /** Commit time of the newest snapshot over {@code tables}, epoch millis; 0 if none was committed. */
    static long lastCommitMillis(Catalog catalog, Collection<TableIdentifier> tables) {
        long last = 0;
        for (TableIdentifier id : tables) {
            Snapshot current = catalog.loadTable(id).currentSnapshot();
            if (current != null) {
                last = Math.max(last, current.timestampMillis());
            }
        }
        return last;
    }

    /**
     * Rows of an upsert table (one per key, deletes applied) as of the given Flink checkpoint: its newest snapshot
     * committed by that checkpoint or an earlier one (a checkpoint that brought the table no data commits nothing).
     * -1 when no snapshot is that old.
     */
    static long rowsAtCheckpoint(Table table, long checkpointId, String keyColumn) {
        Snapshot atCheckpoint = null;
        long committedBy = -1;
        for (Snapshot snapshot : table.snapshots()) {
            String id = snapshot.summary().get(FLINK_CHECKPOINT_ID);
            long committed = id == null ? -1 : Long.parseLong(id);
            if (committed <= checkpointId && committed > committedBy) {
                atCheckpoint = snapshot;
                committedBy = committed;
            }
        }
        if (atCheckpoint == null) {
            return -1;
        }
        return rows(table, atCheckpoint.snapshotId(), keyColumn);
    }

    /** Rows of the table's current snapshot, deletes applied (an upsert table's keys); 0 before the first commit. */
    static long currentRows(Table table) {
        Snapshot current = table.currentSnapshot();
        if (current == null) {
            return 0;
        }
        // Reading one column is enough to count; the first one is as good as any.
        return rows(table, current.snapshotId(), table.schema().columns().get(0).name());
    }

    private static long rows(Table table, long snapshotId, String column) {
        long rows = 0;
        try (CloseableIterable<Record> records = IcebergGenerics.read(table)
                .useSnapshot(snapshotId)
                .select(column)
                .build()) {
            for (Record ignored : records) {
                rows++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + table.name(), e);
        }
        return rows;
    }
}
