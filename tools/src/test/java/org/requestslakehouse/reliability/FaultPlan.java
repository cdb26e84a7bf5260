package org.requestslakehouse.reliability;

import static org.requestslakehouse.sinks.iceberg.LakehouseTable.RAW_EVENTS;
import static org.requestslakehouse.sinks.iceberg.LakehouseTable.REQUESTS_HOURLY;
import static org.requestslakehouse.sinks.iceberg.LakehouseTable.SERVICE_REQUESTS;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The failures of one run, in a random order: seven that restart the job (two lost TaskManagers, two writers that
 * cannot create a file, a refused commit and two commits whose outcome is lost) and nine in table maintenance racing
 * the sinks' commits (rewrites that cannot write, are refused or lose their outcome, on bronze, silver and gold;
 * expiries that are refused, lose their outcome or cannot delete what they freed).
 *
 * <p>The shipped restart strategy (exponential delay from 1 s, giving up after 10 restarts in a row before its
 * back-off resets) bounds the first group: seven restarts wait about two minutes in all, and leave room for a fault
 * that costs two.
 */
final class FaultPlan {
    private FaultPlan() {}

    static List<Fault> random(long seed) {
        List<Fault> plan = new ArrayList<>(List.of(
                new Fault(FaultKind.TASK_MANAGER_LOSS, null),
                new Fault(FaultKind.TASK_MANAGER_LOSS, null),
                new Fault(FaultKind.WRITER_FILE_FAILURE, SERVICE_REQUESTS.tableName()),
                new Fault(FaultKind.WRITER_FILE_FAILURE, REQUESTS_HOURLY.tableName()),
                new Fault(FaultKind.STREAM_COMMIT_REJECTED, SERVICE_REQUESTS.tableName()),
                new Fault(FaultKind.STREAM_COMMIT_OUTCOME_LOST, RAW_EVENTS.tableName()),
                new Fault(FaultKind.STREAM_COMMIT_OUTCOME_LOST, SERVICE_REQUESTS.tableName()),
                new Fault(FaultKind.REWRITE_FILE_FAILURE, null),
                new Fault(FaultKind.REWRITE_COMMIT_REJECTED, SERVICE_REQUESTS.tableName()),
                new Fault(FaultKind.REWRITE_COMMIT_OUTCOME_LOST, SERVICE_REQUESTS.tableName()),
                new Fault(FaultKind.REWRITE_COMMIT_REJECTED, RAW_EVENTS.tableName()),
                new Fault(FaultKind.REWRITE_COMMIT_OUTCOME_LOST, RAW_EVENTS.tableName()),
                new Fault(FaultKind.REWRITE_COMMIT_OUTCOME_LOST, REQUESTS_HOURLY.tableName()),
                new Fault(FaultKind.EXPIRY_COMMIT_REJECTED, RAW_EVENTS.tableName()),
                new Fault(FaultKind.EXPIRY_COMMIT_OUTCOME_LOST, SERVICE_REQUESTS.tableName()),
                new Fault(FaultKind.EXPIRY_DELETE_FAILURE, null)));
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = plan.size() - 1; i > 0; i--) {
            Collections.swap(plan, i, random.nextInt(i + 1));
        }
        return plan;
    }

    static long restarting(List<Fault> plan) {
        return plan.stream().filter(FaultPlan::restartsTheJob).count();
    }

    static boolean restartsTheJob(Fault fault) {
        return restartsTheJob(fault.kind());
    }

    static boolean restartsTheJob(FaultKind kind) {
        return switch (kind) {
            case TASK_MANAGER_LOSS, WRITER_FILE_FAILURE, STREAM_COMMIT_REJECTED, STREAM_COMMIT_OUTCOME_LOST -> true;
            default -> false;
        };
    }
}
