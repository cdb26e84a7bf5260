package org.requestslakehouse.bench;

import java.io.IOException;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.RowDelta;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.flink.sink.RowDataTaskWriterFactory;
import org.apache.iceberg.io.TaskWriter;
import org.apache.iceberg.io.WriteResult;
import org.apache.iceberg.util.PropertyUtil;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;
import org.requestslakehouse.sinks.iceberg.LakehouseTables;
import org.requestslakehouse.sinks.iceberg.RowDataConverter;

/**
 * One lakehouse table written the way the job's Iceberg sink writes it, without Flink around it: the job's own
 * converter to RowData, Iceberg's Flink task writer with the table's properties (Parquet, zstd, target file
 * size), upserts by the table's key when it has one, and a single commit at the end.
 */
final class FloorTableWriter<T> {
    private final Table table;
    private final RowDataConverter<T> converter;
    private final TaskWriter<RowData> writer;

    FloorTableWriter(Catalog catalog, LakehouseTables tables, RowDataConverter<T> converter) {
        LakehouseTable definition = converter.table();
        this.table = catalog.loadTable(tables.identifier(definition));
        this.converter = converter;
        RowDataTaskWriterFactory factory = new RowDataTaskWriterFactory(
                table,
                converter.rowType(),
                PropertyUtil.propertyAsLong(
                        table.properties(),
                        TableProperties.WRITE_TARGET_FILE_SIZE_BYTES,
                        TableProperties.WRITE_TARGET_FILE_SIZE_BYTES_DEFAULT),
                FileFormat.PARQUET,
                table.properties(),
                table.schema().identifierFieldIds(),
                definition.definition().upsert());
        factory.initialize(0, 0);
        this.writer = factory.create();
    }

    void write(T record) throws Exception {
        writer.write(converter.map(record));
    }

    /** Closes the open files and commits them, with their delete files, as one snapshot. */
    void commit() throws IOException {
        WriteResult result = writer.complete();
        RowDelta delta = table.newRowDelta();
        for (var file : result.dataFiles()) {
            delta.addRows(file);
        }
        for (var file : result.deleteFiles()) {
            delta.addDeletes(file);
        }
        delta.commit();
    }
}
