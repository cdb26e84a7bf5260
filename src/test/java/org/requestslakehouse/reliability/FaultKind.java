package org.requestslakehouse.reliability;

/** The failures the suite injects, and what each one breaks. */
enum FaultKind {
    /** A record reaching a {@link FaultPoint} throws: the task that runs the point, and everything chained to it, fails. */
    TASK_EXCEPTION,
    /**
     * A {@link FaultPoint}'s {@code snapshotState} throws: the checkpoint fails. In Flink 1.20 an exception in the
     * synchronous part of a snapshot also fails the task, so the job restarts as well.
     */
    CHECKPOINT_FAILURE,
    /**
     * A {@link FaultPoint}'s {@code snapshotState} stalls until the checkpoint has expired: the checkpoint fails while
     * the job keeps running (a tolerated failure), so the next checkpoint must commit what the failed one held.
     */
    CHECKPOINT_EXPIRY,
    /** An Iceberg writer cannot create its next data or delete file (the file system refuses it). */
    WRITER_FILE_FAILURE,
    /** The catalog refuses a table's next commit: nothing is committed and the committer fails. */
    COMMIT_REJECTED,
    /**
     * A table's next commit succeeds but the answer is lost, as when the catalog times out after writing: Iceberg
     * reports {@code CommitStateUnknownException} and the committer fails without knowing the commit happened.
     */
    COMMIT_OUTCOME_LOST,
    /** A TaskManager shuts down with the tasks it runs; a fresh one takes its place. */
    TASK_MANAGER_LOSS
}
