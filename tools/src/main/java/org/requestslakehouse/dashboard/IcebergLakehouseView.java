package org.requestslakehouse.dashboard;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expressions;
import org.requestslakehouse.catalog.CatalogFactory;
import org.requestslakehouse.config.CatalogConfig;
import org.requestslakehouse.gold.GoldWatermark;
import org.requestslakehouse.gold.tables.DailyByDepartmentAndType;
import org.requestslakehouse.gold.tables.HourlyByNeighborhood;
import org.requestslakehouse.sinks.iceberg.IcebergTableReader;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;
import org.requestslakehouse.sinks.iceberg.LakehouseTables;
import org.requestslakehouse.verify.TableRows;

/**
 * The tables read through the catalog with Iceberg's generic reader, each cached per snapshot. Gold tables are
 * small (one row per hour and neighborhood, per day, department and type) and read whole; silver is read for
 * the twelve columns gold is computed from, not its forty.
 */
public final class IcebergLakehouseView implements LakehouseView, AutoCloseable {
    static final List<String> SILVER_COLUMNS = List.of(
            "city",
            "request_id",
            "case_enquiry_id",
            "open_ts",
            "closed_ts",
            "sla_target_ts",
            "case_status",
            "closed_on_time",
            "resolution_hours",
            "neighborhood",
            "department",
            "type");

    private final Catalog catalog;
    private final SnapshotCache<List<HourlyByNeighborhood.Row>> hourly;
    private final SnapshotCache<List<DailyByDepartmentAndType.Row>> daily;
    private final SnapshotCache<List<GoldWatermark>> watermarks;
    private final SnapshotCache<List<SilverCase>> silver;

    public IcebergLakehouseView(CatalogConfig config) {
        this.catalog = CatalogFactory.open(config);
        LakehouseTables tables = new LakehouseTables(config);
        hourly = new SnapshotCache<>(
                catalog,
                tables.identifier(LakehouseTable.REQUESTS_HOURLY),
                table -> readAll(table, new HourlyByNeighborhood()::fromRecord),
                List.of());
        daily = new SnapshotCache<>(
                catalog,
                tables.identifier(LakehouseTable.SLA_DAILY),
                // Reading a row does not depend on the zone its days were counted in.
                table -> readAll(table, new DailyByDepartmentAndType(ZoneOffset.UTC)::fromRecord),
                List.of());
        watermarks = new SnapshotCache<>(
                catalog,
                tables.identifier(LakehouseTable.WATERMARKS),
                table -> readAll(table, IcebergLakehouseView::watermark),
                List.of());
        silver = new SnapshotCache<>(
                catalog,
                tables.identifier(LakehouseTable.SERVICE_REQUESTS),
                IcebergLakehouseView::readSilver,
                List.of());
    }

    @Override
    public List<HourlyByNeighborhood.Row> hourlyRows() {
        return hourly.get();
    }

    @Override
    public List<DailyByDepartmentAndType.Row> dailyRows() {
        return daily.get();
    }

    @Override
    public List<GoldWatermark> watermarks() {
        return watermarks.get();
    }

    @Override
    public List<SilverCase> silverCases() {
        return silver.get();
    }

    /** The catalog, for the case lookup, which reads silver by key instead of caching it. */
    Catalog catalog() {
        return catalog;
    }

    @Override
    public void close() {
        CatalogFactory.close(catalog);
    }

    private static <T> List<T> readAll(Table table, Function<Record, T> convert) {
        List<T> rows = new ArrayList<>();
        for (Record r : IcebergTableReader.readAll(table)) {
            rows.add(convert.apply(r));
        }
        return List.copyOf(rows);
    }

    private static List<SilverCase> readSilver(Table table) {
        List<SilverCase> cases = new ArrayList<>();
        for (Record r : IcebergTableReader.read(table, Expressions.alwaysTrue(), SILVER_COLUMNS)) {
            cases.add(SilverCase.of(TableRows.silver(r)));
        }
        return List.copyOf(cases);
    }

    private static GoldWatermark watermark(Record r) {
        return new GoldWatermark(
                (String) r.getField("table_name"),
                TableRows.instant(r.getField("complete_through")),
                TableRows.instant(r.getField("updated_at")));
    }
}
