package org.requestslakehouse.sinks.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.catalog.CatalogFactory;
import org.requestslakehouse.config.CatalogConfig;
import org.requestslakehouse.config.PropertyGroup;

class LakehouseTablesTest {

    @TempDir
    Path warehouse;

    private CatalogConfig config;
    private HadoopCatalog catalog;

    @BeforeEach
    void openCatalog() {
        config = CatalogConfig.from(new PropertyGroup(
                "catalog",
                Map.of(
                        "warehouse",
                        warehouse.toString(),
                        "silver-database",
                        "silver_test",
                        "gold-database",
                        "gold_test")));
        catalog = (HadoopCatalog) CatalogFactory.open(config);
    }

    @AfterEach
    void closeCatalog() throws Exception {
        catalog.close();
    }

    @Test
    void identifiersUseTheConfiguredDatabases() {
        LakehouseTables tables = new LakehouseTables(config);
        assertThat(tables.identifier(LakehouseTable.RAW_EVENTS)).isEqualTo(TableIdentifier.of("bronze", "raw_events"));
        assertThat(tables.identifier(LakehouseTable.SERVICE_REQUESTS))
                .isEqualTo(TableIdentifier.of("silver_test", "service_requests"));
        assertThat(tables.identifier(LakehouseTable.REJECTED_EVENTS))
                .isEqualTo(TableIdentifier.of("silver_test", "rejected_events"));
        assertThat(tables.identifier(LakehouseTable.REQUESTS_HOURLY))
                .isEqualTo(TableIdentifier.of("gold_test", "requests_hourly"));
        assertThat(tables.identifier(LakehouseTable.SLA_DAILY)).isEqualTo(TableIdentifier.of("gold_test", "sla_daily"));
        assertThat(tables.identifier(LakehouseTable.WATERMARKS))
                .isEqualTo(TableIdentifier.of("gold_test", "watermarks"));
        assertThat(tables.identifier(LakehouseTable.LATE_CORRECTIONS))
                .isEqualTo(TableIdentifier.of("gold_test", "late_corrections"));
    }

    @Test
    void createsEveryTableOnceAndLeavesThemAloneAfterwards() {
        LakehouseTables tables = new LakehouseTables(config);
        tables.createMissing(catalog);
        Table silver = catalog.loadTable(tables.identifier(LakehouseTable.SERVICE_REQUESTS));
        String locationAfterCreate = silver.location();
        long schemaId = silver.schema().schemaId();

        tables.createMissing(catalog);

        assertThat(catalog.listNamespaces())
                .containsExactlyInAnyOrder(
                        Namespace.of("bronze"), Namespace.of("silver_test"), Namespace.of("gold_test"));
        assertThat(catalog.listTables(Namespace.of("gold_test"))).hasSize(4);
        Table reloaded = catalog.loadTable(tables.identifier(LakehouseTable.SERVICE_REQUESTS));
        assertThat(reloaded.location()).isEqualTo(locationAfterCreate);
        assertThat(reloaded.schema().schemaId()).isEqualTo(schemaId);
        assertThat(reloaded.schema().identifierFieldNames()).containsExactlyInAnyOrder("open_ts", "city", "request_id");
        assertThat(reloaded.spec().fields()).singleElement().satisfies(f -> {
            assertThat(f.transform().toString()).isEqualTo("month");
            assertThat(reloaded.schema().findColumnName(f.sourceId())).isEqualTo("open_ts");
        });
        assertThat(reloaded.properties())
                .containsEntry(TableProperties.UPSERT_ENABLED, "true")
                .containsEntry(TableProperties.PARQUET_COMPRESSION, "zstd");
        assertThat(((org.apache.iceberg.BaseTable) reloaded)
                        .operations()
                        .current()
                        .formatVersion())
                .isEqualTo(2);
    }

    @Test
    void refusesAnExistingTableWithOtherColumns() {
        TableIdentifier id = TableIdentifier.of("gold_test", "watermarks");
        catalog.createTable(
                id,
                new Schema(Types.NestedField.required(1, "table_name", Types.StringType.get())),
                PartitionSpec.unpartitioned());

        assertThatThrownBy(() -> new LakehouseTables(config).createMissing(catalog))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(
                        "Table gold_test.watermarks exists with columns ROW<`table_name` STRING NOT NULL>")
                .hasMessageEndingWith("; migrate or drop the table");
    }

    @Test
    void refusesAnExistingTableWithAnotherKey() {
        TableDefinition watermarks = TableSchemas.watermarks();
        Schema withoutKey = new Schema(watermarks.schema().columns());
        catalog.createTable(TableIdentifier.of("gold_test", "watermarks"), withoutKey, PartitionSpec.unpartitioned());

        assertThatThrownBy(() -> new LakehouseTables(config).createMissing(catalog))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Table gold_test.watermarks exists with identifier fields [] but this job upserts on"
                        + " [table_name]; migrate or drop the table");
    }
}
