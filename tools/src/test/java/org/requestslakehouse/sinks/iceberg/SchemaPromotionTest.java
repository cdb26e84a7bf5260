package org.requestslakehouse.sinks.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.catalog.CatalogFactory;
import org.requestslakehouse.cli.SqlCommand;
import org.requestslakehouse.config.CatalogConfig;
import org.requestslakehouse.config.CatalogSettings;
import org.requestslakehouse.config.PropertyGroup;
import picocli.CommandLine;

/**
 * The first step of promoting a column out of extra_fields, as docs/reliability.md describes it: one SQL statement
 * adds an optional column at the end of the silver table, without rewriting data. A job built for the old schema
 * then refuses to start instead of writing rows positionally into the wrong columns, which is why the column is
 * added while the job is stopped and the new version, declaring the column last with the same comment, is started
 * right after.
 */
class SchemaPromotionTest {

    @Test
    void addingAColumnBySqlAppendsItAndAJobOfTheOldSchemaRefusesToStart(@TempDir Path warehouse) {
        CatalogConfig config =
                CatalogConfig.from(new PropertyGroup(CatalogSettings.GROUP, Map.of("warehouse", warehouse.toString())));
        IcebergSinks.create(config);
        int before = TableSchemas.serviceRequests().schema().columns().size();

        StringWriter err = new StringWriter();
        int exitCode = new CommandLine(new SqlCommand())
                .setOut(new PrintWriter(new StringWriter(), true))
                .setErr(new PrintWriter(err, true))
                .execute(
                        "--warehouse",
                        warehouse.toString(),
                        "ALTER TABLE silver.service_requests ADD (council_term STRING COMMENT 'promoted from extra_fields')");

        assertThat(exitCode).as(err.toString()).isZero();
        List<Types.NestedField> columns = silverTable(config).schema().columns();
        assertThat(columns).hasSize(before + 1);
        Types.NestedField added = columns.get(columns.size() - 1);
        assertThat(added.name()).isEqualTo("council_term");
        assertThat(added.isOptional()).isTrue();
        assertThat(added.type()).isEqualTo(Types.StringType.get());
        assertThat(silverTable(config).schema().identifierFieldNames())
                .containsExactlyInAnyOrder("open_ts", "city", "request_id");

        // The comment counts: the start-up check compares column comments too, so TableSchemas must repeat it.
        assertThatCode(() -> LakehouseTables.checkCompatible(
                        TableIdentifier.of("silver", "service_requests"),
                        silverTable(config),
                        promoted(TableSchemas.serviceRequests(), "council_term", "promoted from extra_fields")))
                .as("the new version, declaring the column last with the same comment, starts")
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> IcebergSinks.create(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Table silver.service_requests exists with columns")
                .hasMessageContaining("council_term")
                .hasMessageEndingWith("; migrate or drop the table");
    }

    /** {@code definition} with one optional string column appended, as the next version's TableSchemas would declare it. */
    private static TableDefinition promoted(TableDefinition definition, String column, String doc) {
        Schema schema = definition.schema();
        List<Types.NestedField> columns = new ArrayList<>(schema.columns());
        columns.add(Types.NestedField.optional(schema.highestFieldId() + 1, column, Types.StringType.get(), doc));
        return new TableDefinition(
                new Schema(columns, schema.identifierFieldIds()), definition.spec(), definition.properties());
    }

    private static Table silverTable(CatalogConfig config) {
        Catalog catalog = CatalogFactory.open(config);
        try {
            return catalog.loadTable(new LakehouseTables(config).identifier(LakehouseTable.SERVICE_REQUESTS));
        } finally {
            CatalogFactory.close(catalog);
        }
    }
}
