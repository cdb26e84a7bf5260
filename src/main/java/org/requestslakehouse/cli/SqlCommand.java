package org.requestslakehouse.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.ExceptionUtils;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.flink.FlinkCatalog;
import org.apache.iceberg.flink.FlinkConfigOptions;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.requestslakehouse.catalog.CatalogFactory;
import org.requestslakehouse.config.CatalogConfig;
import org.requestslakehouse.config.ConfigException;
import org.requestslakehouse.config.PropertyGroup;

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
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Run one batch Flink SQL statement against the lakehouse tables and print the result.",
                "Tables are database.table (unqualified: the silver database). Quote Flink SQL keywords with"
                        + " backticks, e.g. gold.`watermarks`."})
public class SqlCommand implements Callable<Integer> {

    @Mixin
    CatalogOptions catalog;

    @Parameters(index = "0", paramLabel = "STATEMENT", description = "The SQL statement, quoted as one argument.")
    String statement;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", converter = SqlResultFormat.Converter.class,
            description = "table (default), csv (RFC 4180 with header) or json (one object per line).")
    SqlResultFormat format;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "1",
            description = "Parallelism of the query, and the cap on inferred source parallelism (default ${DEFAULT-VALUE}).")
    int parallelism;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // The output is the result or a one-line error; Flink's and Hadoop's INFO/WARN chatter would bury it.
        Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.ERROR);
        CatalogConfig config = CatalogConfig.from(new PropertyGroup(CatalogConfig.GROUP, keysWithoutCatalogPrefix(catalog.overrides())));
        FlinkCatalog flinkCatalog = null;
        try {
            flinkCatalog = new FlinkCatalog(config.name(), config.silverDatabase(), Namespace.empty(),
                    CatalogFactory.loader(config), CatalogFactory.properties(config), false, -1);
            TableResult result = batchEnvironment(config.name(), flinkCatalog).executeSql(statement);
            try (CloseableIterator<Row> rows = result.collect()) {
                format.write(result.getResolvedSchema().getColumnNames(), rows, out);
            }
            // An INSERT's result row is available before its job ends; leaving early would kill the local job.
            result.await();
            out.flush();
            return 0;
        } catch (ConfigException e) {
            // Main reports configuration mistakes the same way for every subcommand.
            throw e;
        } catch (Exception e) {
            err.println("sql: " + oneLine(e));
            err.flush();
            return 1;
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
        String prefix = CatalogConfig.GROUP + ".";
        Map<String, String> out = new LinkedHashMap<>();
        overrides.forEach((key, value) -> out.put(key.startsWith(prefix) ? key.substring(prefix.length()) : key, value));
        return out;
    }

    /**
     * Flink's messages for bad SQL put the useful part on the first line and a list of expected tokens after it.
     * Job failures wrap the real reason, so the root cause is appended when it says something new.
     */
    static String oneLine(Throwable e) {
        String message = firstLine(e.getMessage(), e.getClass().getSimpleName());
        Throwable root = ExceptionUtils.findThrowable(e, t -> t.getCause() == null).orElse(e);
        if (root != e && root.getMessage() != null) {
            String rootMessage = firstLine(root.getMessage(), root.getClass().getSimpleName());
            if (!message.contains(rootMessage)) {
                message += " (caused by " + rootMessage + ")";
            }
        }
        return message;
    }

    private static String firstLine(String message, String fallback) {
        if (message == null || message.isBlank()) {
            return fallback;
        }
        return message.strip().lines().findFirst().orElse(fallback);
    }
}
