package org.requestslakehouse.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.flink.FlinkCatalog;
import org.apache.iceberg.flink.FlinkConfigOptions;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.requestslakehouse.catalog.CatalogFactory;
import org.requestslakehouse.config.CatalogConfig;
import org.requestslakehouse.config.CatalogSettings;
import org.requestslakehouse.config.ConfigException;
import org.requestslakehouse.config.PropertyGroup;
import org.requestslakehouse.job.LakehouseJob;
import org.requestslakehouse.sinks.iceberg.ExistingTables;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;
import org.requestslakehouse.sinks.iceberg.LakehouseTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Runs one Flink SQL statement in batch mode against the lakehouse catalog, e.g.
 * {@code sql "SELECT count(*) FROM silver.service_requests"}. The catalog is the current one, so tables are
 * addressed as {@code database.table}; unqualified names resolve in the silver database.
 */
@Command(
        name = "sql",
        mixinStandardHelpOptions = true,
        description = {
            "Run one batch Flink SQL statement against the lakehouse tables and print the result.",
            "Tables are database.table (unqualified: the silver database). Quote Flink SQL keywords with"
                    + " backticks, e.g. gold.`watermarks`."
        })
public class SqlCommand implements Callable<Integer> {
    /** Flink's validation message for a table (or database) the catalog does not have. */
    private static final Pattern OBJECT_NOT_FOUND =
            Pattern.compile("Object '[^']*' not found|Table '[^']*' not found|does not exist");

    @Mixin
    CatalogOptions catalog;

    @Parameters(index = "0", paramLabel = "STATEMENT", description = "The SQL statement, quoted as one argument.")
    String statement;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "table",
            converter = SqlResultFormat.Converter.class,
            description = "table (default), csv (RFC 4180 with header) or json (one object per line).")
    SqlResultFormat format;

    @Option(
            names = "--parallelism",
            paramLabel = "N",
            defaultValue = "1",
            description =
                    "Parallelism of the query, and the cap on inferred source parallelism (default ${DEFAULT-VALUE}).")
    int parallelism;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!ConsoleLogging.verboseRequested(spec.commandLine())) {
            // The output is the result or a one-line error; Flink's and Hadoop's INFO/WARN chatter would bury it.
            Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.ERROR);
        }
        CatalogConfig config = CatalogConfig.from(
                new PropertyGroup(CatalogSettings.GROUP, keysWithoutCatalogPrefix(catalog.overrides())));
        List<LakehouseTable> present = ExistingTables.requireAny(config, LakehouseJob.PREFLIGHT_TIMEOUT);
        FlinkCatalog flinkCatalog = null;
        try {
            flinkCatalog = new FlinkCatalog(
                    config.name(),
                    config.silverDatabase(),
                    Namespace.empty(),
                    CatalogFactory.loader(config),
                    CatalogFactory.properties(config),
                    false,
                    -1);
            TableResult result = batchEnvironment(config.name(), flinkCatalog).executeSql(statement);
            try (CloseableIterator<Row> rows = result.collect()) {
                format.write(result.getResolvedSchema().getColumnNames(), rows, out);
            }
            // An INSERT's result row is available before its job ends; leaving early would kill the local job.
            result.await();
            out.flush();
            return ExitCodes.OK;
        } catch (ConfigException e) {
            // Main reports configuration mistakes the same way for every subcommand.
            throw e;
        } catch (Exception e) {
            String message = CommandFailure.oneLine(e);
            if (OBJECT_NOT_FOUND.matcher(message).find()) {
                LakehouseTables names = new LakehouseTables(config);
                err.println("sql: " + message + "; " + ExistingTables.describe(config) + " has "
                        + present.stream()
                                .map(t -> names.identifier(t).toString())
                                .collect(Collectors.joining(", ")));
                err.flush();
                return ExitCodes.NOT_FOUND;
            }
            err.println("sql: " + message);
            err.flush();
            return ExitCodes.FAILED;
        } finally {
            if (flinkCatalog != null) {
                flinkCatalog.close();
            }
        }
    }

    private TableEnvironment batchEnvironment(String catalogName, FlinkCatalog flinkCatalog) {
        Configuration conf = new Configuration();
        conf.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        conf.set(FlinkConfigOptions.TABLE_EXEC_ICEBERG_INFER_SOURCE_PARALLELISM_MAX, parallelism);
        TableEnvironment tables = TableEnvironment.create(EnvironmentSettings.newInstance()
                .inBatchMode()
                .withConfiguration(conf)
                .build());
        tables.registerCatalog(catalogName, flinkCatalog);
        tables.useCatalog(catalogName);
        return tables;
    }

    /** {@code catalog.warehouse} becomes {@code warehouse}: the keys {@link CatalogConfig#from} reads. */
    static Map<String, String> keysWithoutCatalogPrefix(Map<String, String> overrides) {
        String prefix = CatalogSettings.GROUP + ".";
        Map<String, String> out = new LinkedHashMap<>();
        overrides.forEach(
                (key, value) -> out.put(key.startsWith(prefix) ? key.substring(prefix.length()) : key, value));
        return out;
    }
}
