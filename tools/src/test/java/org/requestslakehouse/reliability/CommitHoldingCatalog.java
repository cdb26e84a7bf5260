package org.requestslakehouse.reliability;

import java.util.Map;
import org.apache.iceberg.TableOperations;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.hadoop.HadoopCatalog;

/**
 * The local Hadoop catalog, except that the commit which brings one table to a given number of records is held
 * forever, after writing a marker file: a run that reaches this point has read everything and has not made its
 * last commit, and stays so until it is killed. Chosen with the ordinary setting
 * {@code catalog.property.catalog-impl}; the other settings are catalog properties as well, so a child JVM gets
 * them from its command line.
 */
public class CommitHoldingCatalog extends HadoopCatalog {
    static final String TABLE = "hold-commit.table";
    static final String TOTAL_RECORDS = "hold-commit.total-records";
    static final String MARKER = "hold-commit.marker";

    private String table;
    private long totalRecords;
    private String marker;

    @Override
    public void initialize(String name, Map<String, String> properties) {
        super.initialize(name, properties);
        table = require(properties, TABLE);
        totalRecords = Long.parseLong(require(properties, TOTAL_RECORDS));
        marker = require(properties, MARKER);
    }

    private static String require(Map<String, String> properties, String key) {
        String value = properties.get(key);
        if (value == null) {
            throw new IllegalArgumentException(
                    CommitHoldingCatalog.class.getSimpleName() + " needs catalog property " + key);
        }
        return value;
    }

    @Override
    protected TableOperations newTableOps(TableIdentifier identifier) {
        TableOperations operations = super.newTableOps(identifier);
        return identifier.name().equals(table)
                ? new HoldingTableOperations(operations, totalRecords, marker)
                : operations;
    }

    /** Catalog properties that make {@code run} hold the commit completing {@code table} at {@code totalRecords}. */
    static Map<String, String> settings(String table, long totalRecords, java.nio.file.Path marker) {
        return Map.of(
                "catalog.property.catalog-impl",
                CommitHoldingCatalog.class.getName(),
                "catalog.property." + TABLE,
                table,
                "catalog.property." + TOTAL_RECORDS,
                String.valueOf(totalRecords),
                "catalog.property." + MARKER,
                marker.toString());
    }
}
