package org.requestslakehouse.reliability;

import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableOperations;
import org.apache.iceberg.encryption.EncryptionManager;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.LocationProvider;

/**
 * Delegates to the catalog's own table operations and fails a data commit before it happens
 * ({@link FaultKind#COMMIT_REJECTED}) or after it happened ({@link FaultKind#COMMIT_OUTCOME_LOST}). Table
 * creation (no base metadata) is never failed.
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
        Faults.beforeCommit(tableName);
        delegate.commit(base, metadata);
        Faults.afterCommit(tableName);
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
