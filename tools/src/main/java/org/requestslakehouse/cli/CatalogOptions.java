package org.requestslakehouse.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.requestslakehouse.config.CatalogSettings;
import picocli.CommandLine.Option;

/**
 * Catalog flags shared by every subcommand that touches the tables. Each flag is a shorthand for a
 * {@code catalog.*} setting, so the same values can come from a config file or MSF property groups.
 */
public class CatalogOptions {

    @Option(
            names = "--warehouse",
            paramLabel = "DIR_OR_URI",
            description =
                    "Warehouse location: a local directory (default ./warehouse) or s3://bucket/prefix (catalog.warehouse).")
    String warehouse;

    @Option(
            names = "--catalog-type",
            paramLabel = "TYPE",
            description = "hadoop (default), jdbc, glue or rest (catalog.type).")
    String catalogType;

    @Option(
            names = "--jdbc-uri",
            paramLabel = "URL",
            description = "JDBC catalog URL, e.g. jdbc:sqlite:warehouse/catalog.db (catalog.jdbc.uri).")
    String jdbcUri;

    /** The {@code catalog.*} overrides these flags stand for, keyed {@code group.key}. */
    public Map<String, String> overrides() {
        Map<String, String> out = new LinkedHashMap<>();
        if (warehouse != null) out.put(CatalogSettings.WAREHOUSE.qualified(), warehouse);
        if (catalogType != null) out.put(CatalogSettings.TYPE.qualified(), catalogType);
        if (jdbcUri != null) out.put(CatalogSettings.JDBC_URI.qualified(), jdbcUri);
        return out;
    }
}
