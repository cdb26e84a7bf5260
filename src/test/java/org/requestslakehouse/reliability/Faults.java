package org.requestslakehouse.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.iceberg.exceptions.CommitStateUnknownException;

/**
 * The faults planned for the job that is running now, shared JVM-wide. The operators, catalogs and file IOs that
 * inject them run in the mini-cluster's task threads in this JVM and are rebuilt on every restart, so whether a
 * fault has fired must be remembered outside them; otherwise a fault would strike again on every replay and the
 * job would never get past it.
 *
 * <p>Progress is the number of records that left the source, replays after restarts included: it grows while the
 * job runs and stands still while it recovers, so faults due at different counts strike at different moments of
 * the run.
 */
final class Faults {
    private static volatile List<Fault> plan = List.of();
    private static final AtomicLong progress = new AtomicLong();
    private static volatile CountDownLatch stallRelease = new CountDownLatch(1);
    /**
     * The checkpoint whose snapshot stalls, or -1. Meanwhile no other fault strikes, so nothing but the timeout can
     * end that checkpoint.
     */
    private static volatile long stalledCheckpoint = -1;

    private Faults() {}

    static void install(List<Fault> faults) {
        progress.set(0);
        stallRelease = new CountDownLatch(1);
        plan = List.copyOf(faults);
    }

    static void clear() {
        plan = List.of();
        stallRelease.countDown();
    }

    static List<Fault> plan() {
        return plan;
    }

    static long progress() {
        return progress.get();
    }

    static void recordLeftSource() {
        progress.incrementAndGet();
    }

    static void onRecord(String location) {
        strike(FaultKind.TASK_EXCEPTION, location);
    }

    static void onSnapshot(String location, long checkpointId) throws InterruptedException {
        strike(FaultKind.CHECKPOINT_FAILURE, location);
        Fault expiry = due(FaultKind.CHECKPOINT_EXPIRY, location);
        if (expiry != null) {
            CountDownLatch release = stallRelease;
            stalledCheckpoint = checkpointId;
            try {
                // Cancelling the task interrupts this wait, so a failed test never leaves a task hanging here.
                release.await();
            } catch (InterruptedException e) {
                // A restart (another task's failure raced this stall) ended the checkpoint before it could expire:
                // a later checkpoint must stall instead, or the expiry would never be tested. Unless the test had
                // already released it, in which case the expiry happened.
                if (release.getCount() > 0) {
                    expiry.rearm();
                }
                throw e;
            } finally {
                stalledCheckpoint = -1;
            }
        }
    }

    /** The checkpoint a snapshot is stalling, or -1 when none is. */
    static long stalledCheckpoint() {
        return stalledCheckpoint;
    }

    /**
     * Lets a stalled snapshot finish; the test calls it once the stalled checkpoint has failed. A fresh latch is
     * armed first, so a re-armed fault can stall a later snapshot.
     */
    static void releaseStalledSnapshot() {
        CountDownLatch stalled = stallRelease;
        stallRelease = new CountDownLatch(1);
        stalled.countDown();
    }

    static void onDataFileCreated(String path) {
        Fault fault = due(FaultKind.WRITER_FILE_FAILURE, null);
        if (fault != null) {
            throw new UncheckedIOException("Cannot create " + path, new IOException(new InjectedFailure(fault)));
        }
    }

    static void beforeCommit(String table) {
        Fault fault = due(FaultKind.COMMIT_REJECTED, table);
        if (fault != null) {
            throw new UncheckedIOException("Commit to " + table + " refused", new IOException(new InjectedFailure(fault)));
        }
    }

    static void afterCommit(String table) {
        Fault fault = due(FaultKind.COMMIT_OUTCOME_LOST, table);
        if (fault != null) {
            throw new CommitStateUnknownException(new InjectedFailure(fault));
        }
    }

    private static void strike(FaultKind kind, String location) {
        Fault fault = due(kind, location);
        if (fault != null) {
            throw new InjectedFailure(fault);
        }
    }

    private static Fault due(FaultKind kind, String place) {
        if (stalledCheckpoint >= 0) {
            return null;
        }
        long now = progress.get();
        for (Fault fault : plan) {
            if (fault.isDue(kind, place, now) && fault.fire(now)) {
                return fault;
            }
        }
        return null;
    }
}
