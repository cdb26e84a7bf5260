package org.requestslakehouse.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.config.ConfigLoader;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.job.LakehouseJob;
import org.requestslakehouse.sinks.iceberg.IcebergSinks;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;
import org.requestslakehouse.sinks.iceberg.LakehouseTables;
import org.requestslakehouse.testing.Real311;

/** The maintenance sub-topologies as Flink sees them: stable uids, names that say which table, the configured parallelism. */
class TableMaintenancePlanTest {
    @TempDir
    static Path warehouse;

    private static JobConfig config;

    @BeforeAll
    static void tables() {
        config = ConfigLoader.load(
                null,
                Map.of(
                        "source.csv.paths", Real311.file(Real311.CKAN_2022).toString(),
                        "catalog.warehouse", warehouse.toString(),
                        "maintenance.parallelism", "3"));
        IcebergSinks.create(config.catalog());
    }

    private static StreamGraph maintenanceOnly(JobConfig jobConfig) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        TableMaintenancePlan.attach(env, new LakehouseTables(jobConfig.catalog()), jobConfig.maintenance());
        return env.getStreamGraph();
    }

    private static List<StreamNode> nodesOf(StreamGraph graph, String uidSuffix) {
        return graph.getStreamNodes().stream()
                .filter(n -> n.getTransformationUID().contains(uidSuffix))
                .collect(Collectors.toList());
    }

    @Test
    void everyOperatorHasAUidThatNamesItsTableAndNeverChanges() {
        StreamGraph graph = maintenanceOnly(config);

        List<String> uids = graph.getStreamNodes().stream()
                .map(StreamNode::getTransformationUID)
                .collect(Collectors.toList());
        assertThat(uids).doesNotContainNull().doesNotHaveDuplicates().hasSize(7 * 21);
        for (LakehouseTable table : LakehouseTable.values()) {
            assertThat(nodesOf(graph, TableMaintenancePlan.uidSuffix(table))).hasSize(21);
        }
        // Pinned: these uids hold the trigger times and counters in every checkpoint and savepoint.
        assertThat(nodesOf(graph, "-maintenance-silver-service-requests").stream()
                        .map(StreamNode::getTransformationUID)
                        .sorted())
                .containsExactly(
                        "Delete File-maintenance-silver-service-requests-delete-orphan-files",
                        "Delete file-maintenance-silver-service-requests-expire-snapshots",
                        "Expire Snapshot-maintenance-silver-service-requests-expire-snapshots",
                        "Files Reader-maintenance-silver-service-requests-delete-orphan-files",
                        "Filesystem Files-maintenance-silver-service-requests-delete-orphan-files",
                        "Filter 0--maintenance-silver-service-requests",
                        "Filter 1--maintenance-silver-service-requests",
                        "Filter 2--maintenance-silver-service-requests",
                        "Filter File-maintenance-silver-service-requests-delete-orphan-files",
                        "List metadata Files-maintenance-silver-service-requests-delete-orphan-files",
                        "Monitor source for -maintenance-silver-service-requests",
                        "Orphan Files Aggregator-maintenance-silver-service-requests-delete-orphan-files",
                        "RDF Planner-maintenance-silver-service-requests-rewrite",
                        "Rewrite aggregator-maintenance-silver-service-requests-rewrite",
                        "Rewrite commit-maintenance-silver-service-requests-rewrite",
                        "Rewrite-maintenance-silver-service-requests-rewrite",
                        "Skip On Error-maintenance-silver-service-requests-delete-orphan-files",
                        "Table Planner-maintenance-silver-service-requests-delete-orphan-files",
                        "Trigger manager-maintenance-silver-service-requests",
                        "Watermark Assigner-maintenance-silver-service-requests",
                        "lock-remover--maintenance-silver-service-requests");
        assertThat(maintenanceOnly(config).getStreamNodes().stream().map(StreamNode::getTransformationUID))
                .containsExactlyInAnyOrderElementsOf(uids);
    }

    @Test
    void operatorsAreNamedAfterTheirTable() {
        StreamGraph graph = maintenanceOnly(config);

        for (LakehouseTable table : LakehouseTable.values()) {
            String name =
                    new LakehouseTables(config.catalog()).identifier(table).toString();
            assertThat(nodesOf(graph, TableMaintenancePlan.uidSuffix(table)))
                    .allSatisfy(node -> assertThat(node.getOperatorName()).contains(name));
        }
    }

    @Test
    void theParallelPartsRunAtTheConfiguredParallelismAndTheRestAsOne() {
        StreamGraph graph = maintenanceOnly(config);

        Map<String, Integer> parallelism = nodesOf(graph, "-maintenance-gold-sla-daily").stream()
                .collect(Collectors.toMap(StreamNode::getTransformationUID, StreamNode::getParallelism));
        assertThat(parallelism)
                .containsEntry("Rewrite-maintenance-gold-sla-daily-rewrite", 3)
                .containsEntry("Delete file-maintenance-gold-sla-daily-expire-snapshots", 3)
                .containsEntry("Rewrite commit-maintenance-gold-sla-daily-rewrite", 1)
                .containsEntry("Trigger manager-maintenance-gold-sla-daily", 1);
    }

    @Test
    void disabledMaintenanceAddsNothing() {
        JobConfig disabled = ConfigLoader.load(
                null,
                Map.of(
                        "source.csv.paths",
                        "x.csv",
                        "catalog.warehouse",
                        warehouse.toString(),
                        "maintenance.enabled",
                        "false"));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

        TableMaintenancePlan.attach(env, new LakehouseTables(disabled.catalog()), disabled.maintenance());

        assertThat(env.getTransformations()).isEmpty();
    }

    @Test
    void aBoundedRunHasNoMaintenanceBecauseItWouldNeverEnd() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

        LakehouseJob.define(env, config);

        assertThat(env.getStreamGraph().getStreamNodes())
                .isNotEmpty()
                .noneMatch(node -> node.getTransformationUID() != null
                        && node.getTransformationUID().contains("-maintenance-"));
    }
}
