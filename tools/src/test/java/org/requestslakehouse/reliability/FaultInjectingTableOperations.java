package org.requestslakehouse.reliability;

import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableOperations;

/**
 * Delegates to the catalog's own table operations and fails a commit of the sinks or of table maintenance before it
 * happens (refused) or after it happened (outcome lost), as {@link Faults} says. Table creation (no base metadata)
 * is never failed.
 */
final class FaultInjectingTableOperations extends ForwardingTableOperations {
    private final String tableName;

    FaultInjectingTableOperations(TableOperations delegate, String tableName) {
        super(delegate);
        this.tableName = tableName;
    }

    @Override
    public void commit(TableMetadata base, TableMetadata metadata) {
        if (base == null) {
            delegate.commit(null, metadata);
            return;
        }
        Committer committer = Committer.of(base, metadata);
        Faults.beforeCommit(tableName, committer);
        delegate.commit(base, metadata);
        Snapshot snapshot = metadata.currentSnapshot();
        Faults.afterCommit(
                tableName,
                committer,
                snapshot == null ? null : snapshot.summary().get(SnapshotSummary.TOTAL_RECORDS_PROP));
    }
}
