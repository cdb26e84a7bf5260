package org.requestslakehouse.maintenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.iceberg.flink.TableLoader;
import org.apache.iceberg.flink.maintenance.api.TableMaintenance;
import org.apache.iceberg.flink.maintenance.api.TriggerLockFactory;
import org.requestslakehouse.config.MaintenanceConfig;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;
import org.requestslakehouse.sinks.iceberg.LakehouseTables;

/**
 * Adds Iceberg's Flink table maintenance ({@link TableMaintenance}) to a job: for every lakehouse table, a
 * separate sub-topology that watches the table's commits and runs rewrite data files, expire snapshots and
 * delete orphan files on the configured schedules, one task at a time per table.
 *
 * <p>The default lock is the coordination lock of {@link TableMaintenance#forTable(StreamExecutionEnvironment,
 * TableLoader)}: held by an operator coordinator in the JobManager, so it needs no ZooKeeper or database and works
 * wherever the job runs, Managed Service for Apache Flink included. It excludes concurrent tasks of this job only;
 * {@code maintenance.lock=jdbc} is for when several jobs maintain the same tables.
 *
 * <p>The sinks need no coordination with these tasks: see docs/maintenance.md for why the streaming commits and the
 * rewrite commits cannot undo each other.
 *
 * <p>Operator uids are Iceberg's operator names plus {@code -maintenance-<layer>-<table>} (and the task name for
 * the tasks' operators). They hold the trigger times and counters, which must survive upgrades, so they never change.
 */
public final class TableMaintenancePlan {
    private TableMaintenancePlan() {}

    /** Does nothing when {@code maintenance.enabled} is false. The tables must exist. */
    public static void attach(StreamExecutionEnvironment env, LakehouseTables tables, MaintenanceConfig config) {
        if (!config.enabled()) {
            return;
        }
        for (LakehouseTable table : LakehouseTable.values()) {
            attach(env, tables, table, config);
        }
    }

    /** Stable per table and independent of the configured database names, like the sinks' uids. */
    static String uidSuffix(LakehouseTable table) {
        return "-maintenance-" + table.layer().name().toLowerCase(Locale.ROOT) + "-"
                + table.tableName().replace('_', '-');
    }

    private static void attach(
            StreamExecutionEnvironment env, LakehouseTables tables, LakehouseTable table, MaintenanceConfig config) {
        TableLoader loader = tables.tableLoader(table);
        String lockId = tables.identifier(table).toString();
        TableMaintenance.Builder builder = config.lock().type() == MaintenanceConfig.LockType.JDBC
                ? jdbcLocked(env, loader, JdbcMaintenanceLock.factory(config.lock(), lockId))
                : TableMaintenance.forTable(env, loader);
        builder.uidSuffix(uidSuffix(table))
                .rateLimit(config.rateLimit())
                // A waiting task is re-checked this often; the rate limit is already the pace of everything else.
                .lockCheckDelay(config.rateLimit())
                .parallelism(config.parallelism())
                .add(MaintenanceTasks.forTable(config, uidSuffix(table)));
        if (config.slotSharingGroup() != null) {
            builder.slotSharingGroup(config.slotSharingGroup());
        }

        int before = env.getTransformations().size();
        try {
            builder.append();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot set up maintenance of " + lockId, e);
        }
        nameAfterTable(
                env.getTransformations()
                        .subList(before, env.getTransformations().size()),
                lockId);
    }

    /**
     * In Iceberg 1.11 the overloads that take a lock factory are marked deprecated (Iceberg's own IcebergSink still
     * calls them for its external locks); the undeprecated {@code forTable} always uses the coordination lock.
     */
    @SuppressWarnings("deprecation")
    private static TableMaintenance.Builder jdbcLocked(
            StreamExecutionEnvironment env, TableLoader loader, TriggerLockFactory lock) {
        return TableMaintenance.forTable(env, loader, lock);
    }

    /**
     * Iceberg names the operators the same for every table ("Trigger manager", "Rewrite commit[0]", ...). Seven
     * tables would give seven indistinguishable operators in the web UI and operator metric scopes that collide,
     * so each gets its table's name in front. Only names change; uids are what state is matched by.
     */
    private static void nameAfterTable(List<Transformation<?>> added, String tableName) {
        for (Transformation<?> transformation : added) {
            transformation.setName(tableName + ": " + transformation.getName());
        }
    }
}
