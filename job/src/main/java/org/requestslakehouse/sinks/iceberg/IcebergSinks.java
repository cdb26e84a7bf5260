package org.requestslakehouse.sinks.iceberg;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.flink.CatalogLoader;
import org.apache.iceberg.flink.sink.FlinkSink;
import org.requestslakehouse.catalog.CatalogFactory;
import org.requestslakehouse.config.CatalogConfig;
import org.requestslakehouse.gold.GoldRow;
import org.requestslakehouse.gold.GoldTable;
import org.requestslakehouse.gold.GoldWatermark;
import org.requestslakehouse.gold.LateCorrection;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.model.RejectedEvent;
import org.requestslakehouse.model.ServiceRequest;
import org.requestslakehouse.pipeline.LakehouseSinks;

/**
 * Writes every pipeline output to its Iceberg table through {@link FlinkSink}, committing on each checkpoint.
 * Tables with identifier fields are written in upsert mode, the rest append.
 *
 * <p>By default each table has a single writer. With several writers and a bounded input, Iceberg 1.11's committer
 * loses data: every writer tags its last files with the same end-of-input checkpoint id, and when a checkpoint falls
 * between two writers finishing, the committer stores the first writer's files under that id in its checkpoint state
 * and then overwrites the entry with the second writer's files at end of input. A single writer sends its last files
 * and its end-of-data marker on one channel, so no checkpoint can fall in between. (Iceberg's Sink V2
 * {@code IcebergSink} is no way out with Flink 1.20.3: its aggregator tags end-of-input files with
 * {@code Long.MAX_VALUE}, which Flink's committer never commits.) Unbounded inputs never reach end of input, so
 * {@link #withParallelWriters()} is safe, and needed for throughput, there.
 *
 * <p>Operator uids are {@code sink-<layer>-<table>} plus {@code -rowdata}, {@code -writer}, {@code -committer} and
 * {@code -dummysink}; the committer's state holds not-yet-committed files, so these must never change.
 */
public final class IcebergSinks implements LakehouseSinks {
    private final CatalogLoader catalogLoader;
    private final LakehouseTables tables;
    /** False: one writer per table. True: each table's writers run at the parallelism of the stream they write. */
    private final boolean parallelWriters;

    private IcebergSinks(CatalogLoader catalogLoader, LakehouseTables tables, boolean parallelWriters) {
        this.catalogLoader = catalogLoader;
        this.tables = tables;
        this.parallelWriters = parallelWriters;
    }

    /**
     * Connects to the catalog and creates missing databases and tables before the job graph is built. The sinks have
     * one writer per table; see {@link #withParallelWriters()}.
     */
    public static IcebergSinks create(CatalogConfig config) {
        CatalogLoader loader = CatalogFactory.loader(config);
        LakehouseTables tables = new LakehouseTables(config);
        Catalog catalog = loader.loadCatalog();
        try {
            tables.createMissing(catalog);
        } finally {
            CatalogFactory.close(catalog);
        }
        return new IcebergSinks(loader, tables, false);
    }

    /**
     * Same tables, with each table's writers at the parallelism of the stream they write (the committer is always
     * 1). Only for unbounded inputs: see the class comment for what goes wrong at the end of a bounded one.
     */
    public IcebergSinks withParallelWriters() {
        return new IcebergSinks(catalogLoader, tables, true);
    }

    public LakehouseTables tables() {
        return tables;
    }

    @Override
    public void bronze(DataStream<RawEvent> events, String city) {
        write(events, new RawEventConverter(city));
    }

    @Override
    public void silver(DataStream<ServiceRequest> versions) {
        write(versions, new ServiceRequestConverter());
    }

    @Override
    public void rejected(DataStream<RejectedEvent> rejected) {
        write(rejected, new RejectedEventConverter());
    }

    @Override
    public <R extends GoldRow> void gold(GoldTable<?, R> table, DataStream<R> rows) {
        write(rows, new GoldRowConverter<>(table));
    }

    @Override
    public void watermarks(DataStream<GoldWatermark> rows) {
        write(rows, new GoldWatermarkConverter());
    }

    @Override
    public void lateCorrections(DataStream<LateCorrection> rows) {
        write(rows, new LateCorrectionConverter());
    }

    private <T> void write(DataStream<T> input, RowDataConverter<T> converter) {
        LakehouseTable table = converter.table();
        String uid = table.sinkUid();
        // Same parallelism as the input keeps the hop a forward one: a rebalance here could reorder two versions
        // of one case before the sink re-keys them, and the older one would win.
        DataStream<RowData> rows = input.map(converter)
                .name(uid + "-rowdata")
                .uid(uid + "-rowdata")
                .setParallelism(input.getParallelism());

        TableDefinition definition = table.definition();
        FlinkSink.Builder builder = FlinkSink.forRowData(rows)
                .tableLoader(tables.tableLoader(catalogLoader, table))
                .uidPrefix(uid);
        if (definition.upsert()) {
            builder.upsert(true).equalityFieldColumns(definition.equalityColumns());
        }
        builder.writeParallelism(parallelWriters ? rows.getParallelism() : 1);
        builder.append();
    }
}
