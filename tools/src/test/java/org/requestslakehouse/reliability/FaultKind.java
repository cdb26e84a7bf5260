package org.requestslakehouse.reliability;

/**
 * The failures the suite injects into the job {@code run} ships, through the catalog and file IO it loads (chosen
 * with ordinary {@code catalog.property.*} settings) and the mini-cluster it runs on; and what each one breaks.
 */
enum FaultKind {
    /** A sink's Iceberg writer cannot create its next data or delete file: the writer's task fails, the job restarts. */
    WRITER_FILE_FAILURE,
    /** The catalog refuses a sink's commit before anything is written: the committer fails, the job restarts. */
    STREAM_COMMIT_REJECTED,
    /**
     * A sink's commit succeeds but the answer is lost, as when the catalog times out after writing: Iceberg reports
     * {@code CommitStateUnknownException}, the committer fails without knowing the commit happened, the job restarts.
     */
    STREAM_COMMIT_OUTCOME_LOST,
    /** Table maintenance's rewrite cannot create a compacted file: that rewrite run fails, the job goes on. */
    REWRITE_FILE_FAILURE,
    /** The catalog refuses a rewrite's commit (racing the sinks' commits): the run fails, its new files are dropped. */
    REWRITE_COMMIT_REJECTED,
    /** A rewrite's commit succeeds but its outcome is lost: its files must be neither deleted nor doubled. */
    REWRITE_COMMIT_OUTCOME_LOST,
    /** The catalog refuses a snapshot expiry's commit: nothing expires this time. */
    EXPIRY_COMMIT_REJECTED,
    /** A snapshot expiry's commit succeeds but its outcome is lost: the files it freed stay behind. */
    EXPIRY_COMMIT_OUTCOME_LOST,
    /** Deleting the files an expiry freed fails: they stay behind as orphans, the job goes on. */
    EXPIRY_DELETE_FAILURE,
    /** A TaskManager shuts down with the tasks it runs; a fresh one takes its place. */
    TASK_MANAGER_LOSS
}
