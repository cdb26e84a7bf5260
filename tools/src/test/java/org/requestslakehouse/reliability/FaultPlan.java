package org.requestslakehouse.reliability;

import static org.requestslakehouse.sinks.iceberg.LakehouseTable.RAW_EVENTS;
import static org.requestslakehouse.sinks.iceberg.LakehouseTable.REQUESTS_HOURLY;
import static org.requestslakehouse.sinks.iceberg.LakehouseTable.SERVICE_REQUESTS;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The failures of one run, each at a random point of it: seven that restart the job (two lost TaskManagers, two
 * writers that cannot create a file, a refused commit and two commits whose outcome is lost) and nine in table
 * maintenance racing the sinks' commits (rewrites that cannot write, are refused or lose their outcome, on bronze,
 * silver and gold; expiries that are refused, lose their outcome or cannot delete what they freed).
 *
 * <p>The shipped restart strategy (exponential delay, giving up after 10 restarts within an hour) bounds the first
 * group: its back-off doubles from 1 s, so seven restarts wait about two minutes in all. Maintenance faults do not
 * restart the job; they strike in the first half of the input so that enough rewrites and expiries follow each
 * threshold while the stream still commits.
 */
final class FaultPlan {
    private static final double FIRST = 0.05;
    private static final double LAST_RESTARTING = 0.80;
    private static final double LAST_MAINTENANCE = 0.50;

    private FaultPlan() {}

    static List<Fault> random(long seed, long events) {
        List<Fault> restarting = List.of(
                new Fault(FaultKind.TASK_MANAGER_LOSS, null, 0),
                new Fault(FaultKind.TASK_MANAGER_LOSS, null, 0),
                new Fault(FaultKind.WRITER_FILE_FAILURE, SERVICE_REQUESTS.tableName(), 0),
                new Fault(FaultKind.WRITER_FILE_FAILURE, REQUESTS_HOURLY.tableName(), 0),
                new Fault(FaultKind.STREAM_COMMIT_REJECTED, SERVICE_REQUESTS.tableName(), 0),
                new Fault(FaultKind.STREAM_COMMIT_OUTCOME_LOST, RAW_EVENTS.tableName(), 0),
                new Fault(FaultKind.STREAM_COMMIT_OUTCOME_LOST, SERVICE_REQUESTS.tableName(), 0));
        List<Fault> maintenance = List.of(
                new Fault(FaultKind.REWRITE_FILE_FAILURE, null, 0),
                new Fault(FaultKind.REWRITE_COMMIT_REJECTED, SERVICE_REQUESTS.tableName(), 0),
                new Fault(FaultKind.REWRITE_COMMIT_OUTCOME_LOST, SERVICE_REQUESTS.tableName(), 0),
                new Fault(FaultKind.REWRITE_COMMIT_REJECTED, RAW_EVENTS.tableName(), 0),
                new Fault(FaultKind.REWRITE_COMMIT_OUTCOME_LOST, RAW_EVENTS.tableName(), 0),
                new Fault(FaultKind.REWRITE_COMMIT_OUTCOME_LOST, REQUESTS_HOURLY.tableName(), 0),
                new Fault(FaultKind.EXPIRY_COMMIT_REJECTED, RAW_EVENTS.tableName(), 0),
                new Fault(FaultKind.EXPIRY_COMMIT_OUTCOME_LOST, SERVICE_REQUESTS.tableName(), 0),
                new Fault(FaultKind.EXPIRY_DELETE_FAILURE, null, 0));
        SplittableRandom random = new SplittableRandom(seed);
        List<Fault> plan = new ArrayList<>();
        place(restarting, LAST_RESTARTING, events, random, plan);
        place(maintenance, LAST_MAINTENANCE, events, random, plan);
        plan.sort(Comparator.comparingLong(Fault::afterEvents));
        return plan;
    }

    private static void place(List<Fault> kinds, double last, long events, SplittableRandom random, List<Fault> plan) {
        for (Fault kind : kinds) {
            long after = (long) (events * (FIRST + random.nextDouble() * (last - FIRST)));
            plan.add(new Fault(kind.kind(), kind.target(), after));
        }
    }

    static long restarting(List<Fault> plan) {
        return plan.stream().filter(FaultPlan::restartsTheJob).count();
    }

    static boolean restartsTheJob(Fault fault) {
        return switch (fault.kind()) {
            case TASK_MANAGER_LOSS, WRITER_FILE_FAILURE, STREAM_COMMIT_REJECTED, STREAM_COMMIT_OUTCOME_LOST -> true;
            default -> false;
        };
    }
}
