package org.requestslakehouse.sinks.iceberg;

import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import org.requestslakehouse.config.CatalogConfig;

/** The tables the job writes. Table names are fixed; the database of each layer comes from {@link CatalogConfig}. */
public enum LakehouseTable {
    RAW_EVENTS(Layer.BRONZE, "raw_events", TableSchemas::rawEvents),
    SERVICE_REQUESTS(Layer.SILVER, "service_requests", TableSchemas::serviceRequests),
    REJECTED_EVENTS(Layer.SILVER, "rejected_events", TableSchemas::rejectedEvents),
    REQUESTS_HOURLY(Layer.GOLD, "requests_hourly", TableSchemas::requestsHourly),
    SLA_DAILY(Layer.GOLD, "sla_daily", TableSchemas::slaDaily),
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

    LakehouseTable(Layer layer, String tableName, Supplier<TableDefinition> definition) {
        this.layer = layer;
        this.tableName = tableName;
        this.definition = definition.get();
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
