package org.requestslakehouse.sinks.iceberg;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.apache.flink.table.types.logical.RowType;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.flink.CatalogLoader;
import org.apache.iceberg.flink.FlinkSchemaUtil;
import org.apache.iceberg.flink.TableLoader;
import org.requestslakehouse.catalog.CatalogFactory;
import org.requestslakehouse.config.CatalogConfig;

/** Names, creates and checks the lakehouse tables of one catalog. */
public final class LakehouseTables {
    private final CatalogConfig config;

    public LakehouseTables(CatalogConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public TableIdentifier identifier(LakehouseTable table) {
        return TableIdentifier.of(Namespace.of(table.database(config)), table.tableName());
    }

    /** A loader the Flink sink can ship to its writers and committer; each sink needs its own. */
    public TableLoader tableLoader(LakehouseTable table) {
        return tableLoader(CatalogFactory.loader(config), table);
    }

    public TableLoader tableLoader(CatalogLoader catalogLoader, LakehouseTable table) {
        return TableLoader.fromCatalog(catalogLoader, identifier(table));
    }

    /**
     * Creates the databases and tables that do not exist yet and checks that the ones that do have the columns
     * and keys this job writes. Safe to run concurrently from several processes: losing a creation race is
     * the same as finding the table.
     *
     * @throws IllegalStateException if an existing table's columns or key differ from {@link TableSchemas}
     */
    public void createMissing(Catalog catalog) {
        createNamespaces(catalog);
        for (LakehouseTable table : LakehouseTable.values()) {
            TableIdentifier id = identifier(table);
            TableDefinition definition = table.definition();
            if (!catalog.tableExists(id)) {
                try {
                    catalog.createTable(id, definition.schema(), definition.spec(), definition.properties());
                    continue;
                } catch (AlreadyExistsException createdConcurrently) {
                    // fall through to the compatibility check
                }
            }
            checkCompatible(id, catalog.loadTable(id), definition);
        }
    }

    private void createNamespaces(Catalog catalog) {
        if (!(catalog instanceof SupportsNamespaces namespaces)) {
            return;
        }
        Set<Namespace> wanted = new LinkedHashSet<>();
        for (LakehouseTable table : LakehouseTable.values()) {
            wanted.add(identifier(table).namespace());
        }
        for (Namespace namespace : wanted) {
            if (!namespaces.namespaceExists(namespace)) {
                try {
                    namespaces.createNamespace(namespace);
                } catch (AlreadyExistsException createdConcurrently) {
                    // another process got there first, which is all we wanted
                }
            }
        }
    }

    /**
     * The converters write RowData positionally against {@link TableSchemas}; a table with other columns would
     * get values in the wrong places, and one with another key would upsert wrongly. Fail before the job starts.
     */
    static void checkCompatible(TableIdentifier id, Table existing, TableDefinition expected) {
        RowType actualRow = FlinkSchemaUtil.convert(existing.schema());
        RowType expectedRow = FlinkSchemaUtil.convert(expected.schema());
        if (!actualRow.equals(expectedRow)) {
            throw new IllegalStateException("Table " + id + " exists with columns " + actualRow.asSummaryString()
                    + " but this job writes " + expectedRow.asSummaryString() + "; migrate or drop the table");
        }
        Set<String> actualKey = existing.schema().identifierFieldNames();
        Set<String> expectedKey = expected.schema().identifierFieldNames();
        if (!actualKey.equals(expectedKey)) {
            throw new IllegalStateException("Table " + id + " exists with identifier fields " + actualKey
                    + " but this job upserts on " + expectedKey + "; migrate or drop the table");
        }
    }
}
