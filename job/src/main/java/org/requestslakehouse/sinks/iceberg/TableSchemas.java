package org.requestslakehouse.sinks.iceberg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.requestslakehouse.gold.GoldMeasure;
import org.requestslakehouse.gold.GoldTable;
import org.requestslakehouse.gold.KeyColumn;
import org.requestslakehouse.model.ServiceRequestColumn;
import org.requestslakehouse.model.ServiceRequestColumn.Kind;
import org.requestslakehouse.model.ServiceRequestColumn.Role;

/**
 * Schemas, partition specs, keys and table properties of every lakehouse table. Column order here is the order
 * the converters fill {@code RowData} in.
 *
 * <p>Only columns the job itself always fills are required; anything derived from the city's data is optional,
 * because a null in a required column fails the Parquet writer and would put the job in a restart loop.
 */
public final class TableSchemas {

    /** Streaming commits rarely reach this; it is the size compaction aims for, comfortable for Athena splits. */
    static final long TARGET_FILE_SIZE_BYTES = 128L * 1024 * 1024;

    /**
     * Every checkpoint writes a new metadata.json per table; old ones are only needed for forensic rollback
     * (time travel uses snapshots, not metadata files), so keep a short tail.
     */
    static final int PREVIOUS_METADATA_VERSIONS = 20;

    /**
     * Parquet's dictionary budget per column chunk, well below Iceberg's default. The categories (status, type,
     * department, neighborhood, district) fit in it many times over and keep their dictionaries; ids, timestamps,
     * coordinates, addresses and payloads outgrow it within a few thousand rows and fall back to plain encoding,
     * instead of hashing every value into a dictionary that grows too large to stay in cache and is then
     * abandoned. docs/performance.md has the measured difference in CPU and file size.
     */
    static final int PARQUET_DICTIONARY_BYTES = 64 * 1024;

    /** The city column of bronze, rejected and late corrections, named as silver's. */
    static final String CITY = ServiceRequestColumn.CITY.column();

    private TableSchemas() {}

    public static TableDefinition rawEvents() {
        Columns c = new Columns();
        c.required("source_type", Types.StringType.get(), "csv, kafka or kinesis");
        c.required("source_name", Types.StringType.get(), "file path, topic or stream");
        c.optional("source_partition", Types.StringType.get(), "Kafka partition or Kinesis shard; null for files");
        c.optional(
                "source_position",
                Types.StringType.get(),
                "Kafka offset, Kinesis sequence number or CSV record number");
        c.optional("source_ts", Types.TimestampType.withZone(), "broker or stream timestamp");
        c.required("ingested_at", Types.TimestampType.withZone(), "when the job read the message");
        c.optional(
                "payload",
                Types.BinaryType.get(),
                "the message bytes exactly as received; null for a null Kafka value");
        c.optional("payload_size", Types.IntegerType.get(), "payload length in bytes");
        c.optional(
                CITY,
                Types.StringType.get(),
                "the city every message of the run is from; null when detected per message");
        Schema schema = c.schema();
        return new TableDefinition(
                schema,
                PartitionSpec.builderFor(schema).day("ingested_at").build(),
                appendProperties(DistributionMode.SPREAD, "payload"));
    }

    /** Derived from {@link ServiceRequestColumn}, in its order; the key is its {@link Role#key() key} columns. */
    public static TableDefinition serviceRequests() {
        Columns c = new Columns();
        for (ServiceRequestColumn column : ServiceRequestColumn.values()) {
            c.add(column.column(), column.required(), column.kind(), column.doc());
        }
        // open_ts is part of the key so month(open_ts) partitioning is legal for upserts: a row never needs
        // deleting from a partition its new version does not live in (a moved open_ts arrives as a tombstone).
        Schema schema = c.schema(Arrays.stream(ServiceRequestColumn.values())
                .filter(column -> column.role().key())
                .map(ServiceRequestColumn::column)
                .toArray(String[]::new));
        return new TableDefinition(
                schema,
                PartitionSpec.builderFor(schema)
                        .month(ServiceRequestColumn.OPEN_TS.column())
                        .build(),
                upsertProperties(ServiceRequestColumn.EXTRA_FIELDS.column()));
    }

    public static TableDefinition rejectedEvents() {
        Columns c = new Columns();
        c.required("reason_code", Types.StringType.get(), "stable RejectReason code");
        c.optional("detail", Types.StringType.get(), null);
        c.required("source_type", Types.StringType.get(), null);
        c.required("source_name", Types.StringType.get(), null);
        c.optional("source_partition", Types.StringType.get(), null);
        c.optional("source_position", Types.StringType.get(), null);
        c.required("ingested_at", Types.TimestampType.withZone(), null);
        c.required("rejected_at", Types.TimestampType.withZone(), null);
        c.optional("payload", Types.BinaryType.get(), "the message bytes, kept for fix-and-replay");
        c.optional(CITY, Types.StringType.get(), "city of the message when parsing got far enough to know it");
        Schema schema = c.schema();
        // Low volume: one writer per day partition keeps the file count down.
        return new TableDefinition(
                schema,
                PartitionSpec.builderFor(schema).day("rejected_at").build(),
                appendProperties(DistributionMode.BY_PARTITION, "payload"));
    }

    /**
     * A gold table: its key columns (upsert key; the first is the window, by whose month the table is partitioned), its
     * measures, then updated_at.
     */
    public static TableDefinition gold(GoldTable<?, ?> table) {
        Columns c = new Columns();
        List<String> key = new ArrayList<>();
        for (KeyColumn<?> column : table.keyColumns()) {
            c.required(column.name(), column.kind().icebergType(), column.doc());
            key.add(column.name());
        }
        for (GoldMeasure measure : table.measures()) {
            if (measure.required()) {
                c.required(measure.column(), measure.icebergType(), measure.doc());
            } else {
                c.optional(measure.column(), measure.icebergType(), measure.doc());
            }
        }
        c.optional(GoldTable.UPDATED_AT, Types.TimestampType.withZone(), null);
        Schema schema = c.schema(key.toArray(String[]::new));
        return new TableDefinition(
                schema, PartitionSpec.builderFor(schema).month(key.get(0)).build(), upsertProperties());
    }

    public static TableDefinition watermarks() {
        Columns c = new Columns();
        c.required("table_name", Types.StringType.get(), "gold table name without database");
        c.optional("complete_through", Types.TimestampType.withZone(), "event time up to which the table is final");
        c.optional("updated_at", Types.TimestampType.withZone(), null);
        Schema schema = c.schema("table_name");
        return new TableDefinition(schema, PartitionSpec.unpartitioned(), upsertProperties());
    }

    public static TableDefinition lateCorrections() {
        Columns c = new Columns();
        c.required("table_name", Types.StringType.get(), "gold table the correction was meant for");
        c.optional("window_start", Types.TimestampType.withZone(), null);
        c.optional("window_key", Types.StringType.get(), "dim=value pairs joined by '|'");
        c.optional("case_enquiry_id", Types.LongType.get(), "the request id when it is a positive whole number");
        c.optional("measure", Types.StringType.get(), "OPENED or CLOSED");
        c.required("delta", Types.IntegerType.get(), "+1 or -1");
        c.optional("event_ts", Types.TimestampType.withZone(), null);
        c.optional("watermark", Types.TimestampType.withZone(), null);
        c.optional("detected_at", Types.TimestampType.withZone(), null);
        c.optional(CITY, Types.StringType.get(), null);
        c.optional(ServiceRequestColumn.REQUEST_ID.column(), Types.StringType.get(), "the request id as published");
        // Expected to stay tiny (it only grows when data is later than the allowed lateness): no partitioning.
        return new TableDefinition(
                c.schema(), PartitionSpec.unpartitioned(), appendProperties(DistributionMode.SPREAD));
    }

    private enum DistributionMode {
        /** Each writer writes its own files: no shuffle, no single hot writer for the current partition. */
        SPREAD,
        /** Rows of one partition go to one writer: fewer files, fine when the volume is small. */
        BY_PARTITION
    }

    private static Map<String, String> commonProperties() {
        Map<String, String> p = new HashMap<>();
        p.put(TableProperties.FORMAT_VERSION, "2");
        p.put(TableProperties.WRITE_TARGET_FILE_SIZE_BYTES, Long.toString(TARGET_FILE_SIZE_BYTES));
        p.put(TableProperties.PARQUET_COMPRESSION, "zstd");
        p.put(TableProperties.PARQUET_DICT_SIZE_BYTES, Integer.toString(PARQUET_DICTIONARY_BYTES));
        p.put(TableProperties.METADATA_DELETE_AFTER_COMMIT_ENABLED, "true");
        p.put(TableProperties.METADATA_PREVIOUS_VERSIONS_MAX, Integer.toString(PREVIOUS_METADATA_VERSIONS));
        return p;
    }

    private static Map<String, String> appendProperties(DistributionMode mode, String... opaqueColumns) {
        Map<String, String> p = commonProperties();
        p.put(
                TableProperties.WRITE_DISTRIBUTION_MODE,
                mode == DistributionMode.SPREAD
                        ? TableProperties.WRITE_DISTRIBUTION_MODE_NONE
                        : TableProperties.WRITE_DISTRIBUTION_MODE_HASH);
        withoutBounds(p, opaqueColumns);
        return p;
    }

    private static Map<String, String> upsertProperties(String... opaqueColumns) {
        Map<String, String> p = commonProperties();
        // With equality fields, 'none' makes FlinkSink key rows by the equality fields: every version of a key
        // reaches the same writer in order, and writers share the load. 'hash' would key by partition instead and
        // funnel the whole current month into one writer.
        p.put(TableProperties.WRITE_DISTRIBUTION_MODE, TableProperties.WRITE_DISTRIBUTION_MODE_NONE);
        // Records the write semantics in the table itself, so SQL INSERTs from other Flink jobs upsert as well.
        p.put(TableProperties.UPSERT_ENABLED, "true");
        withoutBounds(p, opaqueColumns);
        return p;
    }

    /** Min/max bounds of opaque blobs never prune a scan; counts are all that is worth keeping in manifests. */
    private static void withoutBounds(Map<String, String> p, String... columns) {
        for (String column : columns) {
            p.put(TableProperties.METRICS_MODE_COLUMN_CONF_PREFIX + column, "counts");
        }
    }

    /** Assigns field ids in declaration order; Iceberg reassigns fresh ids on create, only uniqueness matters. */
    private static final class Columns {
        private final List<Types.NestedField> fields = new ArrayList<>();
        private int nextId = 1;

        void required(String name, Type type, String doc) {
            fields.add(Types.NestedField.required(nextId++, name, type, doc));
        }

        void optional(String name, Type type, String doc) {
            fields.add(Types.NestedField.optional(nextId++, name, type, doc));
        }

        /** A list takes the id after its field's for its element. */
        void add(String name, boolean required, Kind kind, String doc) {
            int fieldId = nextId++;
            Type type = kind == Kind.STRING_LIST
                    ? Types.ListType.ofOptional(nextId++, Types.StringType.get())
                    : icebergType(kind);
            fields.add(Types.NestedField.of(fieldId, !required, name, type, doc));
        }

        private static Type icebergType(Kind kind) {
            return switch (kind) {
                case LONG -> Types.LongType.get();
                case INTEGER -> Types.IntegerType.get();
                case DOUBLE -> Types.DoubleType.get();
                case BOOLEAN -> Types.BooleanType.get();
                case STRING -> Types.StringType.get();
                case TIMESTAMP, EPOCH_MILLIS -> Types.TimestampType.withZone();
                case DATE -> Types.DateType.get();
                case STRING_LIST -> throw new IllegalArgumentException("a list is built with its element id");
            };
        }

        Schema schema(String... identifierColumns) {
            Set<Integer> ids = new HashSet<>();
            for (String column : identifierColumns) {
                ids.add(fields.stream()
                        .filter(f -> f.name().equals(column))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("No column " + column))
                        .fieldId());
            }
            return new Schema(fields, ids);
        }
    }
}
