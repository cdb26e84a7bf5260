package org.requestslakehouse.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;

/**
 * The faults planned for the job that is running now, shared JVM-wide. The catalogs and file IOs that inject them
 * run in the mini-cluster's task threads in this JVM and are rebuilt on every restart, so whether a fault has fired
 * must be remembered outside them; otherwise a fault would strike again on every replay and the job would never
 * get past it.
 *
 * <p>The test arms the faults one by one while it feeds the job, so that each strikes on its own: after a fault that
 * restarts the job it holds every other fault back ({@link #hold}) until it has seen that restart and a checkpoint
 * completed after it. A fault striking while the job already fails over would leave no failure of its own.
 *
 * <p>Progress is the number of rows committed to bronze: it only grows (bronze is exactly-once) and tells the test
 * whether the job has caught up with the input it was given.
 */
final class Faults {
    private static volatile List<Fault> plan = List.of();
    private static final AtomicLong progress = new AtomicLong();
    private static volatile boolean held;
    private static final Map<Committer, AtomicInteger> commits = new EnumMap<>(Committer.class);

    static {
        for (Committer committer : Committer.values()) {
            commits.put(committer, new AtomicInteger());
        }
    }

    private Faults() {}

    static void install(List<Fault> faults) {
        progress.set(0);
        held = false;
        commits.values().forEach(count -> count.set(0));
        plan = List.copyOf(faults);
    }

    static void clear() {
        plan = List.of();
    }

    static List<Fault> plan() {
        return plan;
    }

    static long progress() {
        return progress.get();
    }

    /** While held, armed faults that do not restart the job wait: one that does is striking or being recovered from. */
    static void hold(boolean hold) {
        held = hold;
    }

    /** Successful commits of this kind since {@link #install}, failed-outcome ones included. */
    static int commits(Committer committer) {
        return commits.get(committer).get();
    }

    static void onDataFileCreated(String table, boolean rewrite) {
        Fault fault = due(rewrite ? FaultKind.REWRITE_FILE_FAILURE : FaultKind.WRITER_FILE_FAILURE, table);
        if (fault != null) {
            throw new UncheckedIOException(
                    "Cannot create a data file of " + table, new IOException(new InjectedFailure(fault)));
        }
    }

    static void beforeFilesDeleted() {
        Fault fault = due(FaultKind.EXPIRY_DELETE_FAILURE, null);
        if (fault != null) {
            throw new UncheckedIOException("Cannot delete expired files", new IOException(new InjectedFailure(fault)));
        }
    }

    static void beforeCommit(String table, Committer committer) {
        Fault fault = due(committer.rejected(), table);
        if (fault != null) {
            throw new UncheckedIOException(
                    committer + " commit to " + table + " refused", new IOException(new InjectedFailure(fault)));
        }
    }

    /** @param totalRecords the table's row count after the commit, from its snapshot summary (null when unknown) */
    static void afterCommit(String table, Committer committer, String totalRecords) {
        commits.get(committer).incrementAndGet();
        if (committer == Committer.STREAM
                && LakehouseTable.RAW_EVENTS.tableName().equals(table)
                && totalRecords != null) {
            progress.accumulateAndGet(Long.parseLong(totalRecords), Math::max);
        }
        Fault fault = due(committer.outcomeLost(), table);
        if (fault != null) {
            throw new CommitStateUnknownException(new InjectedFailure(fault));
        }
    }

    private static Fault due(FaultKind kind, String place) {
        if (kind == null || held && !FaultPlan.restartsTheJob(kind)) {
            return null;
        }
        for (Fault fault : plan) {
            if (fault.isDue(kind, place) && fault.fire(progress.get())) {
                return fault;
            }
        }
        return null;
    }
}
