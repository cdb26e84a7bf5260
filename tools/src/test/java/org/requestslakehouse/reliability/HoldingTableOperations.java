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

/** {@link CommitHoldingCatalog}'s table operations: the catalog's own, with the one commit held. */
final class HoldingTableOperations extends ForwardingTableOperations {
    /** Never counted down: the held commit ends with the process. */
    private static final CountDownLatch NEVER = new CountDownLatch(1);

    private final long totalRecords;
    private final Path marker;

    HoldingTableOperations(TableOperations delegate, long totalRecords, String marker) {
        super(delegate);
        this.totalRecords = totalRecords;
        this.marker = Paths.get(marker);
    }

    @Override
    public void commit(TableMetadata base, TableMetadata metadata) {
        Snapshot snapshot = metadata.currentSnapshot();
        if (base != null
                && snapshot != null
                && snapshot.summary() != null
                && Long.parseLong(snapshot.summary().getOrDefault(SnapshotSummary.TOTAL_RECORDS_PROP, "0"))
                        >= totalRecords) {
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
}
