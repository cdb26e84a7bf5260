package org.requestslakehouse.job;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.requestslakehouse.catalog.CatalogFactory;
import org.requestslakehouse.config.CatalogConfig;
import org.requestslakehouse.model.ServiceRequestColumn;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;
import org.requestslakehouse.sinks.iceberg.LakehouseTables;

/** What a finished run left in the tables: row counts, a few silver rows, and how to query them. */
public final class LakehouseSummary {
    private static final String[] SAMPLE_COLUMNS = Stream.of(
                    ServiceRequestColumn.CITY,
                    ServiceRequestColumn.REQUEST_ID,
                    ServiceRequestColumn.OPEN_TS,
                    ServiceRequestColumn.CASE_STATUS,
                    ServiceRequestColumn.TYPE,
                    ServiceRequestColumn.NEIGHBORHOOD,
                    ServiceRequestColumn.RESOLUTION_HOURS)
            .map(ServiceRequestColumn::column)
            .toArray(String[]::new);

    private LakehouseSummary() {}

    public static long print(CatalogConfig config, double wallSeconds, PrintStream out) {
        Catalog catalog = CatalogFactory.open(config);
        try {
            LakehouseTables tables = new LakehouseTables(config);
            out.println();
            out.printf(
                    Locale.ROOT,
                    "Landed in %s (%s catalog) after %.1f s:%n",
                    config.warehouse(),
                    config.type().name().toLowerCase(Locale.ROOT),
                    wallSeconds);
            long bronzeRows = 0;
            for (LakehouseTable t : LakehouseTable.values()) {
                Table table = catalog.loadTable(tables.identifier(t));
                long rows = count(table);
                if (t == LakehouseTable.RAW_EVENTS) {
                    bronzeRows = rows;
                }
                out.printf(Locale.ROOT, "  %-28s %,12d rows%n", tables.identifier(t), rows);
            }
            if (wallSeconds > 0) {
                out.printf(
                        Locale.ROOT,
                        "Throughput: %,.0f events/s (bronze rows / wall time, job start-up included)%n",
                        bronzeRows / wallSeconds);
            }
            out.println();
            out.println("A few silver rows:");
            printSample(catalog.loadTable(tables.identifier(LakehouseTable.SERVICE_REQUESTS)), out);
            out.println();
            out.println("Query them (Flink SQL, batch):");
            String warehouse = config.warehouse();
            out.printf(
                    "  java -jar tools/target/requests-lakehouse.jar sql --warehouse %s \"SELECT neighborhood, count(*) AS cases FROM %s.service_requests GROUP BY neighborhood ORDER BY cases DESC LIMIT 5\"%n",
                    warehouse, config.silverDatabase());
            out.printf(
                    "  java -jar tools/target/requests-lakehouse.jar sql --warehouse %s \"SELECT * FROM %s.sla_daily ORDER BY `day` DESC LIMIT 10\"%n",
                    warehouse, config.goldDatabase());
            out.printf("  java -jar tools/target/requests-lakehouse.jar verify --warehouse %s%n", warehouse);
            return bronzeRows;
        } finally {
            CatalogFactory.close(catalog);
        }
    }

    static long count(Table table) {
        long rows = 0;
        try (CloseableIterable<Record> records =
                IcebergGenerics.read(table).select("*").build()) {
            for (Record ignored : records) {
                rows++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not count " + table.name(), e);
        }
        return rows;
    }

    private static void printSample(Table table, PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        try (CloseableIterable<Record> records =
                IcebergGenerics.read(table).select(SAMPLE_COLUMNS).build()) {
            for (Record r : records) {
                String[] row = new String[SAMPLE_COLUMNS.length];
                for (int i = 0; i < SAMPLE_COLUMNS.length; i++) {
                    row[i] = String.valueOf(r.getField(SAMPLE_COLUMNS[i]));
                }
                rows.add(row);
                if (rows.size() == 5) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println("  " + String.join(" | ", SAMPLE_COLUMNS));
        for (String[] row : rows) {
            out.println("  " + String.join(" | ", row));
        }
    }
}
