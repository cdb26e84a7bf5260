package org.requestslakehouse.sinks.iceberg;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import org.requestslakehouse.config.CatalogConfig;
import org.requestslakehouse.gold.GoldTable;
import org.requestslakehouse.gold.tables.DailyByDepartmentAndType;
import org.requestslakehouse.gold.tables.HourlyByNeighborhood;

/** The tables the job writes. Table names are fixed; the database of each layer comes from {@link CatalogConfig}. */
public enum LakehouseTable {
    RAW_EVENTS(Layer.BRONZE, "raw_events", TableSchemas::rawEvents),
    SERVICE_REQUESTS(Layer.SILVER, "service_requests", TableSchemas::serviceRequests),
    REJECTED_EVENTS(Layer.SILVER, "rejected_events", TableSchemas::rejectedEvents),
    // The gold tables the job aggregates into: one line registers a GoldTable for the job, verify and the dashboard.
    REQUESTS_HOURLY(zone -> new HourlyByNeighborhood()),
    SLA_DAILY(DailyByDepartmentAndType::new),
    WATERMARKS(Layer.GOLD, "watermarks", TableSchemas::watermarks),
    LATE_CORRECTIONS(Layer.GOLD, "late_corrections", TableSchemas::lateCorrections);

    public enum Layer {
        BRONZE(CatalogConfig::bronzeDatabase),
        SILVER(CatalogConfig::silverDatabase),
        GOLD(CatalogConfig::goldDatabase);

        private final Function<CatalogConfig, String> database;

        Layer(Function<CatalogConfig, String> database) {
            this.database = database;
        }

        public String database(CatalogConfig config) {
            return database.apply(config);
        }
    }

    private final Layer layer;
    private final String tableName;
    private final TableDefinition definition;
    /** Null for the tables that are not windowed aggregates. */
    private final Function<ZoneId, GoldTable<?, ?>> gold;

    LakehouseTable(Layer layer, String tableName, Supplier<TableDefinition> definition) {
        this.layer = layer;
        this.tableName = tableName;
        this.definition = definition.get();
        this.gold = null;
    }

    /** A table's schema does not depend on the zone its days are counted in, so any zone gives the definition. */
    LakehouseTable(Function<ZoneId, GoldTable<?, ?>> gold) {
        GoldTable<?, ?> table = gold.apply(ZoneOffset.UTC);
        this.layer = Layer.GOLD;
        this.tableName = table.tableName();
        this.definition = TableSchemas.gold(table);
        this.gold = gold;
    }

    /** The registered gold tables in declaration order, counting local days in {@code zone}. */
    public static List<GoldTable<?, ?>> goldTables(ZoneId zone) {
        return Arrays.stream(values())
                .filter(table -> table.gold != null)
                .<GoldTable<?, ?>>map(table -> table.gold.apply(zone))
                .toList();
    }

    /** The registration of {@code gold}, found by table name. */
    public static LakehouseTable of(GoldTable<?, ?> gold) {
        return Arrays.stream(values())
                .filter(table -> table.gold != null && table.tableName.equals(gold.tableName()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Gold table " + gold + " is not registered"));
    }

    public Layer layer() {
        return layer;
    }

    public String database(CatalogConfig config) {
        return layer.database(config);
    }

    /**
     * Prefix of the uids of this table's sink operators. Built from the layer, not the configured database, so
     * renaming a database does not orphan the committer state in a savepoint.
     */
    public String sinkUid() {
        return "sink-" + layer.name().toLowerCase(Locale.ROOT) + "-" + tableName.replace('_', '-');
    }

    public String tableName() {
        return tableName;
    }

    public TableDefinition definition() {
        return definition;
    }
}
