package org.requestslakehouse.reliability;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.requestslakehouse.sinks.iceberg.LakehouseTable;

/**
 * The failures of one run, each at a random point of it. Every kind of failure strikes at least once: task
 * exceptions in the source, quarantine, silver/lifecycle, both gold window and the completeness tasks, a checkpoint
 * that fails with an exception and one that expires, an Iceberg writer that cannot create a file, a refused commit, commits whose outcome is lost (on an
 * append and on an upsert table), and two lost TaskManagers.
 */
final class FaultPlan {
    /** Faults strike between these shares of the input, so the stream is still busy when each one does. */
    private static final double FIRST = 0.05;
    private static final double LAST = 0.80;

    private FaultPlan() {}

    static List<Fault> random(long seed, long events) {
        List<Fault> kinds = List.of(
                new Fault(FaultKind.TASK_EXCEPTION, FaultLocations.AFTER_SOURCE, 0),
                new Fault(FaultKind.TASK_EXCEPTION, FaultLocations.AFTER_SOURCE, 0),
                new Fault(FaultKind.TASK_EXCEPTION, FaultLocations.REJECTED, 0),
                new Fault(FaultKind.TASK_EXCEPTION, FaultLocations.SILVER, 0),
                new Fault(FaultKind.TASK_EXCEPTION, FaultLocations.HOURLY, 0),
                new Fault(FaultKind.TASK_EXCEPTION, FaultLocations.DAILY, 0),
                new Fault(FaultKind.TASK_EXCEPTION, FaultLocations.WATERMARKS, 0),
                new Fault(FaultKind.CHECKPOINT_FAILURE, FaultLocations.SILVER, 0),
                new Fault(FaultKind.CHECKPOINT_EXPIRY, FaultLocations.DAILY, 0),
                new Fault(FaultKind.WRITER_FILE_FAILURE, null, 0),
                new Fault(FaultKind.COMMIT_REJECTED, LakehouseTable.SERVICE_REQUESTS.tableName(), 0),
                new Fault(FaultKind.COMMIT_OUTCOME_LOST, LakehouseTable.RAW_EVENTS.tableName(), 0),
                new Fault(FaultKind.COMMIT_OUTCOME_LOST, LakehouseTable.SERVICE_REQUESTS.tableName(), 0),
                new Fault(FaultKind.TASK_MANAGER_LOSS, null, 0),
                new Fault(FaultKind.TASK_MANAGER_LOSS, null, 0));
        SplittableRandom random = new SplittableRandom(seed);
        List<Fault> plan = new ArrayList<>();
        for (Fault kind : kinds) {
            long after = (long) (events * (FIRST + random.nextDouble() * (LAST - FIRST)));
            plan.add(new Fault(kind.kind(), kind.target(), after));
        }
        plan.sort(Comparator.comparingLong(Fault::afterEvents));
        return plan;
    }
}
