package org.requestslakehouse.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.CountDownLatch;

import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotSummary;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableOperations;
import org.apache.iceberg.encryption.EncryptionManager;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.LocationProvider;

/** {@link CommitHoldingCatalog}'s table operations: the catalog's own, with the one commit held. */
final class HoldingTableOperations implements TableOperations {
    /** Never counted down: the held commit ends with the process. */
    private static final CountDownLatch NEVER = new CountDownLatch(1);

    private final TableOperations delegate;
    private final long totalRecords;
    private final Path marker;

    HoldingTableOperations(TableOperations delegate, long totalRecords, String marker) {
        this.delegate = delegate;
        this.totalRecords = totalRecords;
        this.marker = Paths.get(marker);
    }

    @Override
    public void commit(TableMetadata base, TableMetadata metadata) {
        Snapshot snapshot = metadata.currentSnapshot();
        if (base != null && snapshot != null && snapshot.summary() != null
                && Long.parseLong(snapshot.summary().getOrDefault(SnapshotSummary.TOTAL_RECORDS_PROP, "0")) >= totalRecords) {
            hold();
        }
        delegate.commit(base, metadata);
    }

    private void hold() {
        try {
            Files.writeString(marker, "holding the commit that completes the table\n");
            NEVER.await();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            // A cancelled task: the commit is abandoned, as a killed process would abandon it.
            Thread.currentThread().interrupt();
            throw new IllegalStateException("held commit interrupted", e);
        }
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
