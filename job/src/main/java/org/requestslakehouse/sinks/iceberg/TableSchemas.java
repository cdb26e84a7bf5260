package org.requestslakehouse.sinks.iceberg;

import java.util.ArrayList;
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

    private TableSchemas() {}

    public static TableDefinition rawEvents() {
        Columns c = new Columns();
        c.required("source_type", Types.StringType.get(), "csv, kafka or kinesis");
        c.required("source_name", Types.StringType.get(), "file path, topic or stream");
        c.optional("source_partition", Types.StringType.get(), "Kafka partition or Kinesis shard; null for files");
        c.optional("source_position", Types.StringType.get(), "Kafka offset, Kinesis sequence number or CSV record number");
        c.optional("source_ts", Types.TimestampType.withZone(), "broker or stream timestamp");
        c.required("ingested_at", Types.TimestampType.withZone(), "when the job read the message");
        c.optional("payload", Types.BinaryType.get(), "the message bytes exactly as received; null for a null Kafka value");
        c.optional("payload_size", Types.IntegerType.get(), "payload length in bytes");
        Schema schema = c.schema();
        return new TableDefinition(schema, PartitionSpec.builderFor(schema).day("ingested_at").build(),
                appendProperties(DistributionMode.SPREAD, "payload"));
    }

    public static TableDefinition serviceRequests() {
        Columns c = new Columns();
        c.required("case_enquiry_id", Types.LongType.get(), null);
        c.required("open_ts", Types.TimestampType.withZone(), null);
        c.optional("sla_target_ts", Types.TimestampType.withZone(), null);
        c.optional("closed_ts", Types.TimestampType.withZone(), null);
        c.optional("case_status", Types.StringType.get(), "OPEN or CLOSED");
        c.optional("on_time_status", Types.StringType.get(), "published on-time status, upper case");
        c.optional("closed_on_time", Types.BooleanType.get(), "closed_ts <= sla_target_ts");
        c.optional("resolution_hours", Types.DoubleType.get(), null);
        c.optional("sla_hours", Types.DoubleType.get(), null);
        c.optional("closure_reason", Types.StringType.get(), null);
        c.optional("closure_category", Types.StringType.get(), null);
        c.optional("closure_reported_ts", Types.TimestampType.withZone(), "closed date quoted inside closure_reason");
        c.optional("case_title", Types.StringType.get(), null);
        c.optional("subject", Types.StringType.get(), null);
        c.optional("reason", Types.StringType.get(), null);
        c.optional("type", Types.StringType.get(), null);
        c.optional("queue", Types.StringType.get(), null);
        c.optional("department", Types.StringType.get(), null);
        c.optionalStringList("submitted_photos", "photo URLs");
        c.optionalStringList("closed_photos", "photo URLs");
        c.optional("location", Types.StringType.get(), null);
        c.optional("location_street_name", Types.StringType.get(), null);
        c.optional("zipcode", Types.StringType.get(), "five digits with leading zero");
        c.optional("fire_district", Types.StringType.get(), null);
        c.optional("pwd_district", Types.StringType.get(), null);
        c.optional("city_council_district", Types.StringType.get(), null);
        c.optional("police_district", Types.StringType.get(), null);
        c.optional("neighborhood", Types.StringType.get(), null);
        c.optional("neighborhood_services_district", Types.StringType.get(), null);
        c.optional("ward", Types.IntegerType.get(), null);
        c.optional("precinct", Types.StringType.get(), null);
        c.optional("land_usage", Types.StringType.get(), null);
        c.optional("property_type", Types.StringType.get(), null);
        c.optional("property_id", Types.StringType.get(), null);
        c.optional("latitude", Types.DoubleType.get(), null);
        c.optional("longitude", Types.DoubleType.get(), null);
        c.optional("source", Types.StringType.get(), "intake channel as published");
        c.optional("open_date_local", Types.DateType.get(), "Boston-local calendar date of open_ts");
        c.optional("source_layout", Types.StringType.get(), "which of the city's column layouts the row came in");
        c.optional("event_type", Types.StringType.get(), "OPENED, UPDATED, CLOSED or SNAPSHOT");
        c.optional("emitted_at", Types.TimestampType.withZone(), "envelope emission time, if any");
        c.optional("event_ts", Types.TimestampType.withZone(), "version time used for latest-version-wins");
        c.optionalStringList("dq_flags", "data-quality observations about the source row");
        c.optional("extra_fields", Types.StringType.get(), "JSON object of input keys that matched no column");
        c.required("ingested_at", Types.TimestampType.withZone(), null);
        c.optional("source_ref", Types.StringType.get(), "bronze coordinates of the message");
        // open_ts is part of the key so month(open_ts) partitioning is legal for upserts: a row never needs
        // deleting from a partition its new version does not live in (a moved open_ts arrives as a tombstone).
        Schema schema = c.schema("case_enquiry_id", "open_ts");
        return new TableDefinition(schema, PartitionSpec.builderFor(schema).month("open_ts").build(),
                upsertProperties("extra_fields"));
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
        Schema schema = c.schema();
        // Low volume: one writer per day partition keeps the file count down.
        return new TableDefinition(schema, PartitionSpec.builderFor(schema).day("rejected_at").build(),
                appendProperties(DistributionMode.BY_PARTITION, "payload"));
    }

    public static TableDefinition requestsHourly() {
        Columns c = new Columns();
        c.required("window_start", Types.TimestampType.withZone(), "start of the UTC hour");
        c.required("neighborhood", Types.StringType.get(), null);
        c.required("opened", Types.LongType.get(), null);
        c.required("closed", Types.LongType.get(), null);
        c.required("closed_on_time", Types.LongType.get(), null);
        c.required("closed_overdue", Types.LongType.get(), null);
        c.optional("resolution_hours_p50", Types.DoubleType.get(), null);
        c.optional("resolution_hours_p90", Types.DoubleType.get(), null);
        c.optional("updated_at", Types.TimestampType.withZone(), null);
        Schema schema = c.schema("window_start", "neighborhood");
        return new TableDefinition(schema, PartitionSpec.builderFor(schema).month("window_start").build(),
                upsertProperties());
    }

    public static TableDefinition slaDaily() {
        Columns c = new Columns();
        c.required("day", Types.DateType.get(), "Boston-local calendar date");
        c.required("department", Types.StringType.get(), null);
        c.required("type", Types.StringType.get(), null);
        c.required("opened", Types.LongType.get(), null);
        c.required("closed", Types.LongType.get(), null);
        c.required("closed_on_time", Types.LongType.get(), null);
        c.required("closed_overdue", Types.LongType.get(), null);
        c.optional("on_time_rate", Types.DoubleType.get(), "closed_on_time / (closed_on_time + closed_overdue)");
        c.optional("mean_resolution_hours", Types.DoubleType.get(), null);
        c.optional("resolution_hours_p50", Types.DoubleType.get(), null);
        c.optional("resolution_hours_p90", Types.DoubleType.get(), null);
        c.optional("updated_at", Types.TimestampType.withZone(), null);
        Schema schema = c.schema("day", "department", "type");
        return new TableDefinition(schema, PartitionSpec.builderFor(schema).month("day").build(), upsertProperties());
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
        c.required("case_enquiry_id", Types.LongType.get(), null);
        c.optional("measure", Types.StringType.get(), "OPENED or CLOSED");
        c.required("delta", Types.IntegerType.get(), "+1 or -1");
        c.optional("event_ts", Types.TimestampType.withZone(), null);
        c.optional("watermark", Types.TimestampType.withZone(), null);
        c.optional("detected_at", Types.TimestampType.withZone(), null);
        // Expected to stay tiny (it only grows when data is later than the allowed lateness): no partitioning.
        return new TableDefinition(c.schema(), PartitionSpec.unpartitioned(), appendProperties(DistributionMode.SPREAD));
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
        p.put(TableProperties.METADATA_DELETE_AFTER_COMMIT_ENABLED, "true");
        p.put(TableProperties.METADATA_PREVIOUS_VERSIONS_MAX, Integer.toString(PREVIOUS_METADATA_VERSIONS));
        return p;
    }

    private static Map<String, String> appendProperties(DistributionMode mode, String... opaqueColumns) {
        Map<String, String> p = commonProperties();
        p.put(TableProperties.WRITE_DISTRIBUTION_MODE, mode == DistributionMode.SPREAD
                ? TableProperties.WRITE_DISTRIBUTION_MODE_NONE : TableProperties.WRITE_DISTRIBUTION_MODE_HASH);
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

        void optionalStringList(String name, String doc) {
            int fieldId = nextId++;
            int elementId = nextId++;
            fields.add(Types.NestedField.optional(fieldId, name, Types.ListType.ofOptional(elementId, Types.StringType.get()), doc));
        }

        Schema schema(String... identifierColumns) {
            Set<Integer> ids = new HashSet<>();
            for (String column : identifierColumns) {
                ids.add(fields.stream().filter(f -> f.name().equals(column)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("No column " + column)).fieldId());
            }
            return new Schema(fields, ids);
        }
    }
}
