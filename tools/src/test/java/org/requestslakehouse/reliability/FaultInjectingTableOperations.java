package org.requestslakehouse.reliability;

import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableOperations;
import org.apache.iceberg.encryption.EncryptionManager;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.LocationProvider;

/**
 * Delegates to the catalog's own table operations and fails a commit of the sinks or of table maintenance before it
 * happens (refused) or after it happened (outcome lost), as {@link Faults} says. Table creation (no base metadata)
 * is never failed.
 */
final class FaultInjectingTableOperations implements TableOperations {
    private final TableOperations delegate;
    private final String tableName;

    FaultInjectingTableOperations(TableOperations delegate, String tableName) {
        this.delegate = delegate;
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
        Faults.afterCommit(tableName, committer, snapshot == null ? null : snapshot.summary().get(SnapshotSummary.TOTAL_RECORDS_PROP));
    }

    @Override
    public TableMetadata current() {
        return delegate.current();
    }

    @Override
    public TableMetadata refresh() {
        return delegate.refresh();
    }

    @Override
    public FileIO io() {
        return delegate.io();
    }

    @Override
    public EncryptionManager encryption() {
        return delegate.encryption();
    }

    @Override
    public String metadataFileLocation(String fileName) {
        return delegate.metadataFileLocation(fileName);
    }

    @Override
    public LocationProvider locationProvider() {
        return delegate.locationProvider();
    }

    @Override
    public TableOperations temp(TableMetadata uncommittedMetadata) {
        return delegate.temp(uncommittedMetadata);
    }

    @Override
    public long newSnapshotId() {
        return delegate.newSnapshotId();
    }

    @Override
    public boolean requireStrictCleanup() {
        return delegate.requireStrictCleanup();
    }
}
