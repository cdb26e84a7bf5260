package org.requestslakehouse.sinks.iceberg;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.iceberg.catalog.Catalog;
import org.requestslakehouse.catalog.CatalogFactory;
import org.requestslakehouse.catalog.CatalogPreflight;
import org.requestslakehouse.config.CatalogConfig;
import org.requestslakehouse.config.CatalogConfig.CatalogType;
import org.requestslakehouse.config.CatalogSettings;
import org.requestslakehouse.config.NotFoundException;

/**
 * Which lakehouse tables a catalog holds, for the commands that only read them ({@code verify}, {@code sql},
 * {@code dashboard}): a wrong {@code --warehouse} or a job that never ran becomes one message naming the warehouse
 * and what to do, instead of Iceberg's "Table does not exist" deep in a stack trace.
 */
public final class ExistingTables {
    private ExistingTables() {}

    /** The lakehouse tables present in the catalog, in declaration order. */
    public static List<LakehouseTable> in(CatalogConfig config, Duration timeout) {
        CatalogPreflight.check(config, timeout);
        LakehouseTables names = new LakehouseTables(config);
        Catalog catalog = CatalogFactory.open(config);
        try {
            List<LakehouseTable> present = new ArrayList<>();
            for (LakehouseTable table : LakehouseTable.values()) {
                if (catalog.tableExists(names.identifier(table))) {
                    present.add(table);
                }
            }
            return present;
        } finally {
            CatalogFactory.close(catalog);
        }
    }

    /** @throws NotFoundException unless every one of {@code needed} exists */
    public static void requireAll(CatalogConfig config, Collection<LakehouseTable> needed, Duration timeout) {
        List<LakehouseTable> present = in(config, timeout);
        List<String> missing = needed.stream()
                .filter(t -> !present.contains(t))
                .map(t -> new LakehouseTables(config).identifier(t).toString())
                .toList();
        if (present.isEmpty()) {
            throw noTables(config);
        }
        if (!missing.isEmpty()) {
            throw new NotFoundException("Table" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " missing from " + describe(config)
                    + ": run the job there first (run or demo creates every table), or check --warehouse.");
        }
    }

    /** @throws NotFoundException if the catalog holds none of the lakehouse tables */
    public static List<LakehouseTable> requireAny(CatalogConfig config, Duration timeout) {
        List<LakehouseTable> present = in(config, timeout);
        if (present.isEmpty()) {
            throw noTables(config);
        }
        return present;
    }

    private static NotFoundException noTables(CatalogConfig config) {
        if (isLocal(config) && !Files.isDirectory(Paths.get(config.warehouse()))) {
            return new NotFoundException("The warehouse directory " + config.warehouse() + " (--warehouse, "
                    + CatalogSettings.WAREHOUSE.qualified() + ")"
                    + " does not exist: check the path, or run the job first (run or demo creates it and the tables).");
        }
        return new NotFoundException("No lakehouse tables in " + describe(config)
                + ": check --warehouse, or run the job there first (run or demo creates the tables).");
    }

    /** Where the tables were looked for, without credentials (a JDBC URI may carry some). */
    public static String describe(CatalogConfig config) {
        return config.type() == CatalogType.REST
                ? "the REST catalog at " + CatalogSettings.REST_URI.is(config.restUri())
                : "the warehouse at " + CatalogSettings.WAREHOUSE.is(config.warehouse()) + " ("
                        + CatalogSettings.TYPE.is(config.type()) + ")";
    }

    private static boolean isLocal(CatalogConfig config) {
        return config.type() == CatalogType.HADOOP
                && config.warehouse() != null
                && !config.warehouse().matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*");
    }
}
