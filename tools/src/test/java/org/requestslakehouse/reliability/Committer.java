package org.requestslakehouse.reliability;

import org.apache.iceberg.DataOperations;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.TableMetadata;

/** Who makes a table commit, told apart by what the commit changes. */
enum Committer {
    /** A sink's committer: a new snapshot carrying Flink's checkpoint bookkeeping. */
    STREAM,
    /** Maintenance's rewrite: a {@code replace} snapshot. */
    REWRITE,
    /** Maintenance's snapshot expiry: no new snapshot, fewer snapshots. */
    EXPIRY,
    /** Anything else (table properties, schema). */
    OTHER;

    /** Snapshot summary key every Flink sink commit carries. */
    private static final String FLINK_JOB_ID = "flink.job-id";

    static Committer of(TableMetadata base, TableMetadata metadata) {
        Snapshot before = base.currentSnapshot();
        Snapshot after = metadata.currentSnapshot();
        if (after != null && (before == null || before.snapshotId() != after.snapshotId())) {
            if (DataOperations.REPLACE.equals(after.operation())) {
                return REWRITE;
            }
            return after.summary().containsKey(FLINK_JOB_ID) ? STREAM : OTHER;
        }
        return metadata.snapshots().size() < base.snapshots().size() ? EXPIRY : OTHER;
    }

    FaultKind rejected() {
        return switch (this) {
            case STREAM -> FaultKind.STREAM_COMMIT_REJECTED;
            case REWRITE -> FaultKind.REWRITE_COMMIT_REJECTED;
            case EXPIRY -> FaultKind.EXPIRY_COMMIT_REJECTED;
            case OTHER -> null;
        };
    }

    FaultKind outcomeLost() {
        return switch (this) {
            case STREAM -> FaultKind.STREAM_COMMIT_OUTCOME_LOST;
            case REWRITE -> FaultKind.REWRITE_COMMIT_OUTCOME_LOST;
            case EXPIRY -> FaultKind.EXPIRY_COMMIT_OUTCOME_LOST;
            case OTHER -> null;
        };
    }
}
