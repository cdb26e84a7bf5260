package org.requestslakehouse.sinks.iceberg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;

/**
 * Reads the current snapshot of a table into memory, with row-level deletes applied. Meant for tests, the
 * {@code verify} command and small gold tables on the dashboard, not for scanning silver in production.
 *
 * <p>Values come in Iceberg's generic representation: timestamptz as {@link java.time.OffsetDateTime} (UTC),
 * date as {@link java.time.LocalDate}, binary as {@link java.nio.ByteBuffer}, list as {@link List}.
 */
public final class IcebergTableReader {
    private IcebergTableReader() {}

    public static List<Record> readAll(Catalog catalog, TableIdentifier table) {
        return readAll(catalog.loadTable(table));
    }

    public static List<Record> readAll(Table table) {
        return read(table, Expressions.alwaysTrue());
    }

    /** Rows matching {@code filter}; files whose partition or column bounds exclude it are not opened. */
    public static List<Record> read(Table table, Expression filter) {
        return read(table, filter, table.schema());
    }

    /**
     * Only {@code columns} of the rows matching {@code filter}: Parquet skips the other column chunks, which is
     * what makes a wide table such as silver cheap to read for a few dimensions.
     */
    public static List<Record> read(Table table, Expression filter, Collection<String> columns) {
        return read(table, filter, table.schema().select(columns));
    }

    private static List<Record> read(Table table, Expression filter, Schema schema) {
        List<Record> rows = new ArrayList<>();
        try (CloseableIterable<Record> records =
                IcebergGenerics.read(table).where(filter).project(schema).build()) {
            for (Record record : records) {
                rows.add(inTableSchema(record, schema));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + table.name(), e);
        }
        return rows;
    }

    /**
     * Rows from files that have row-level deletes come back with the extra columns the delete filter needed
     * (such as {@code _pos}); callers expect exactly the table's columns.
     */
    private static Record inTableSchema(Record record, Schema schema) {
        if (record.struct().equals(schema.asStruct())) {
            return record;
        }
        GenericRecord copy = GenericRecord.create(schema);
        for (Types.NestedField column : schema.columns()) {
            copy.setField(column.name(), record.getField(column.name()));
        }
        return copy;
    }
}
