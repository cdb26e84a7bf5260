package org.requestslakehouse.verify;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.Record;
import org.requestslakehouse.catalog.CatalogFactory;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.gold.GoldComparison;
import org.requestslakehouse.gold.GoldRecomputation;
import org.requestslakehouse.gold.RecomputedGold;
import org.requestslakehouse.model.DailySla;
import org.requestslakehouse.model.HourlyRequests;
import org.requestslakehouse.model.ServiceRequest;
import org.requestslakehouse.sinks.iceberg.IcebergTableReader;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;
import org.requestslakehouse.sinks.iceberg.LakehouseTables;

/**
 * Recomputes both gold tables in batch from {@code silver.service_requests} and compares them with what the
 * streaming job wrote: counts exactly, quantiles within the sketch's stated error. Also reports corrections the
 * job could only log as late, because those are the one documented way gold can fall behind silver.
 */
public final class GoldVerifier {
    /** What {@link #verify} reads. */
    public static final Set<LakehouseTable> TABLES_READ = EnumSet.of(
            LakehouseTable.SERVICE_REQUESTS,
            LakehouseTable.REQUESTS_HOURLY,
            LakehouseTable.SLA_DAILY,
            LakehouseTable.LATE_CORRECTIONS);

    private GoldVerifier() {}

    /** @return true when streaming gold equals the recomputation */
    public static boolean verify(JobConfig config, PrintStream out) {
        Catalog catalog = CatalogFactory.open(config.catalog());
        try {
            LakehouseTables tables = new LakehouseTables(config.catalog());
            List<ServiceRequest> silver = new ArrayList<>();
            for (Record r : IcebergTableReader.readAll(catalog, tables.identifier(LakehouseTable.SERVICE_REQUESTS))) {
                silver.add(TableRows.silver(r));
            }
            List<HourlyRequests> hourly = new ArrayList<>();
            for (Record r : IcebergTableReader.readAll(catalog, tables.identifier(LakehouseTable.REQUESTS_HOURLY))) {
                hourly.add(TableRows.hourly(r));
            }
            List<DailySla> daily = new ArrayList<>();
            for (Record r : IcebergTableReader.readAll(catalog, tables.identifier(LakehouseTable.SLA_DAILY))) {
                daily.add(TableRows.daily(r));
            }
            int late = IcebergTableReader.readAll(catalog, tables.identifier(LakehouseTable.LATE_CORRECTIONS))
                    .size();

            RecomputedGold expected = new GoldRecomputation(config.parse().zoneId()).recompute(silver);
            List<String> differences = GoldComparison.compare(expected, hourly, daily);

            out.printf(Locale.ROOT, "silver.service_requests: %,d cases%n", silver.size());
            out.printf(
                    Locale.ROOT,
                    "gold.requests_hourly:    %,d rows streamed, %,d recomputed%n",
                    hourly.size(),
                    expected.hourlyRows().size());
            out.printf(
                    Locale.ROOT,
                    "gold.sla_daily:          %,d rows streamed, %,d recomputed%n",
                    daily.size(),
                    expected.dailyRows().size());
            out.printf(
                    Locale.ROOT,
                    "gold.late_corrections:   %,d%s%n",
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
}
