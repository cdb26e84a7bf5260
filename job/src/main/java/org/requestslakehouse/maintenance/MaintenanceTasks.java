package org.requestslakehouse.maintenance;

import java.util.List;
import org.apache.iceberg.flink.maintenance.api.DeleteOrphanFiles;
import org.apache.iceberg.flink.maintenance.api.ExpireSnapshots;
import org.apache.iceberg.flink.maintenance.api.MaintenanceTaskBuilder;
import org.apache.iceberg.flink.maintenance.api.RewriteDataFiles;
import org.requestslakehouse.config.MaintenanceConfig;

/**
 * The three maintenance tasks of one table, configured from {@link MaintenanceConfig}.
 *
 * <p>The order is fixed and part of the job's state: the trigger manager keeps its per-task counters in a list
 * indexed by position. Rewrite comes first so that the expiry after it can delete the files it replaced.
 */
final class MaintenanceTasks {
    private MaintenanceTasks() {}

    /** @param uidSuffix the table's suffix; each task's operators get it plus the task's own name */
    static List<MaintenanceTaskBuilder<?>> forTable(MaintenanceConfig config, String uidSuffix) {
        return List.of(
                rewrite(config.rewrite()).uidSuffix(uidSuffix + "-rewrite"),
                expire(config.expiry()).uidSuffix(uidSuffix + "-expire-snapshots"),
                deleteOrphans(config.orphanCleanup()).uidSuffix(uidSuffix + "-delete-orphan-files"));
    }

    static RewriteDataFiles.Builder rewrite(MaintenanceConfig.Rewrite settings) {
        // Partial progress stays off: one commit per run, which keeps the snapshot history the committer
        // searches on restore (see docs/maintenance.md) from filling up with rewrites.
        RewriteDataFiles.Builder rewrite = RewriteDataFiles.builder()
                .partialProgressEnabled(false)
                .maxRewriteBytes(settings.maxBytes())
                .deleteFileThreshold(settings.deleteFileThreshold());
        if (settings.targetFileSizeBytes() != null) {
            rewrite.targetFileSizeBytes(settings.targetFileSizeBytes());
        }
        return schedule(rewrite, settings.schedule());
    }

    static ExpireSnapshots.Builder expire(MaintenanceConfig.Expiry settings) {
        return schedule(
                ExpireSnapshots.builder().maxSnapshotAge(settings.maxAge()).retainLast(settings.retainLast()),
                settings.schedule());
    }

    static DeleteOrphanFiles.Builder deleteOrphans(MaintenanceConfig.OrphanCleanup settings) {
        return schedule(DeleteOrphanFiles.builder().minAge(settings.minAge()), settings.schedule());
    }

    private static <T extends MaintenanceTaskBuilder<T>> T schedule(T task, MaintenanceConfig.Schedule schedule) {
        if (schedule.commitCount() > 0) {
            task.scheduleOnCommitCount(schedule.commitCount());
        }
        if (!schedule.interval().isZero()) {
            task.scheduleOnInterval(schedule.interval());
        }
        return task;
    }
}
