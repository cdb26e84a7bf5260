package org.requestslakehouse.verify;

import java.io.PrintStream;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.Record;
import org.requestslakehouse.catalog.CatalogFactory;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.gold.GoldComparison;
import org.requestslakehouse.gold.GoldRecomputation;
import org.requestslakehouse.gold.GoldRow;
import org.requestslakehouse.gold.GoldTable;
import org.requestslakehouse.gold.RecomputedGold;
import org.requestslakehouse.model.ServiceRequest;
import org.requestslakehouse.sinks.iceberg.IcebergTableReader;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;
import org.requestslakehouse.sinks.iceberg.LakehouseTables;

/**
 * Recomputes every gold table in batch from {@code silver.service_requests} and compares them with what the
 * streaming job wrote: counts exactly, quantiles within the sketch's stated error. Also reports corrections the
 * job could only log as late, because those are the one documented way gold can fall behind silver.
 */
public final class GoldVerifier {
    /** What {@link #verify} reads. */
    public static final Set<LakehouseTable> TABLES_READ = tablesRead();

    private GoldVerifier() {}

    private static Set<LakehouseTable> tablesRead() {
        Set<LakehouseTable> read = EnumSet.of(LakehouseTable.SERVICE_REQUESTS, LakehouseTable.LATE_CORRECTIONS);
        LakehouseTable.goldTables(ZoneOffset.UTC).forEach(table -> read.add(LakehouseTable.of(table)));
        return Collections.unmodifiableSet(read);
    }

    /** @return true when streaming gold equals the recomputation */
    public static boolean verify(JobConfig config, PrintStream out) {
        Catalog catalog = CatalogFactory.open(config.catalog());
        try {
            LakehouseTables tables = new LakehouseTables(config.catalog());
            List<ServiceRequest> silver = new ArrayList<>();
            for (Record r : IcebergTableReader.readAll(catalog, tables.identifier(LakehouseTable.SERVICE_REQUESTS))) {
                silver.add(TableRows.silver(r));
            }
            int late = IcebergTableReader.readAll(catalog, tables.identifier(LakehouseTable.LATE_CORRECTIONS))
                    .size();

            RecomputedGold expected = new GoldRecomputation(config.parse().zoneId()).recompute(silver);
            out.printf(Locale.ROOT, "%-25s%,d cases%n", "silver.service_requests:", silver.size());
            Map<String, Long> byCity = silver.stream()
                    .collect(Collectors.groupingBy(r -> String.valueOf(r.city), TreeMap::new, Collectors.counting()));
            if (byCity.size() > 1) {
                out.printf(
                        Locale.ROOT,
                        "%-25sby city: %s%n",
                        "",
                        byCity.entrySet().stream()
                                .map(e -> e.getKey() + " " + e.getValue())
                                .collect(Collectors.joining(", ")));
            }
            List<String> differences = new ArrayList<>();
            for (GoldTable<?, ?> table :
                    LakehouseTable.goldTables(config.parse().zoneId())) {
                differences.addAll(compare(table, expected, catalog, tables, out));
            }
            out.printf(
                    Locale.ROOT,
                    "%-25s%,d%s%n",
                    "gold.late_corrections:",
                    late,
                    late == 0
                            ? ""
                            : " (changes that arrived after their window closed; gold differs from silver by these)");
            if (differences.isEmpty()) {
                out.println("OK: streaming gold equals the batch recomputation from silver.");
                return true;
            }
            out.printf(Locale.ROOT, "MISMATCH: %,d differing rows:%n", differences.size());
            differences.forEach(d -> out.println("  " + d));
            return false;
        } finally {
            CatalogFactory.close(catalog);
        }
    }

    private static <K, R extends GoldRow> List<String> compare(
            GoldTable<K, R> table, RecomputedGold expected, Catalog catalog, LakehouseTables tables, PrintStream out) {
        List<R> streamed = new ArrayList<>();
        for (Record r : IcebergTableReader.readAll(catalog, tables.identifier(LakehouseTable.of(table)))) {
            streamed.add(table.fromRecord(r));
        }
        out.printf(
                Locale.ROOT,
                "%-25s%,d rows streamed, %,d recomputed%n",
                "gold." + table.tableName() + ":",
                streamed.size(),
                expected.rows(table).size());
        return GoldComparison.compare(table, expected, streamed);
    }
}
