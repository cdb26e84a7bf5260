package org.requestslakehouse.sinks.iceberg;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.Schema;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.flink.FlinkSchemaUtil;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.requestslakehouse.model.ServiceRequest;

class TableSchemasTest {

    @Test
    void serviceRequestsHasTheColumnsOtherToolsQuery() {
        Schema schema = TableSchemas.serviceRequests().schema();
        assertThat(schema.columns().stream().map(Types.NestedField::name))
                .contains(
                        "case_enquiry_id",
                        "open_ts",
                        "sla_target_ts",
                        "closed_ts",
                        "case_status",
                        "closed_on_time",
                        "resolution_hours",
                        "department",
                        "type",
                        "neighborhood",
                        "ward",
                        "precinct",
                        "zipcode",
                        "latitude",
                        "longitude",
                        "source_layout",
                        "dq_flags",
                        "extra_fields");
        assertThat(schema.findType("case_enquiry_id")).isEqualTo(Types.LongType.get());
        assertThat(schema.findType("open_ts")).isEqualTo(Types.TimestampType.withZone());
        assertThat(schema.findType("open_date_local")).isEqualTo(Types.DateType.get());
        assertThat(schema.findType("ward")).isEqualTo(Types.IntegerType.get());
        assertThat(schema.findType("latitude")).isEqualTo(Types.DoubleType.get());
        assertThat(schema.findField("dq_flags").type().asListType().elementType())
                .isEqualTo(Types.StringType.get());
        assertThat(schema.findField("tombstone")).isNull();
    }

    /** Every ServiceRequest field but the tombstone marker has a column, in declaration order. */
    @Test
    void serviceRequestsMapsEveryModelFieldToASnakeCaseColumn() {
        List<String> expected = Arrays.stream(ServiceRequest.class.getFields())
                .map(f -> f.getName())
                .filter(name -> !name.equals("tombstone"))
                .map(name -> name.equals("ingestedAtMillis") ? "ingestedAt" : name)
                .map(TableSchemasTest::snakeCase)
                .toList();
        List<String> columns = TableSchemas.serviceRequests().schema().columns().stream()
                .map(Types.NestedField::name)
                .toList();
        assertThat(columns).containsExactlyElementsOf(expected);
    }

    /**
     * silver.service_requests as the tables on disk have it, written out once here and nowhere else: the schema
     * derived from ServiceRequestColumn must stay exactly this (field ids, names, types, order, required-ness,
     * comments, key), or every existing table fails the start-up check. A new column is appended here too.
     */
    @Test
    void serviceRequestsKeepsTheSchemaOfExistingTables() {
        Type timestamptz = Types.TimestampType.withZone();
        Type string = Types.StringType.get();
        Schema onDisk = new Schema(
                List.of(
                        optional(
                                1,
                                "case_enquiry_id",
                                Types.LongType.get(),
                                "the request id when it is a positive whole number"),
                        required(2, "open_ts", timestamptz, null),
                        optional(3, "sla_target_ts", timestamptz, null),
                        optional(4, "closed_ts", timestamptz, null),
                        optional(5, "case_status", string, "OPEN or CLOSED"),
                        optional(6, "on_time_status", string, "published on-time status, upper case"),
                        optional(7, "closed_on_time", Types.BooleanType.get(), "closed_ts <= sla_target_ts"),
                        optional(8, "resolution_hours", Types.DoubleType.get(), null),
                        optional(9, "sla_hours", Types.DoubleType.get(), null),
                        optional(10, "closure_reason", string, null),
                        optional(11, "closure_category", string, null),
                        optional(12, "closure_reported_ts", timestamptz, "closed date quoted inside closure_reason"),
                        optional(13, "case_title", string, null),
                        optional(14, "subject", string, null),
                        optional(15, "reason", string, null),
                        optional(16, "type", string, null),
                        optional(17, "queue", string, null),
                        optional(18, "department", string, null),
                        optional(19, "submitted_photos", Types.ListType.ofOptional(20, string), "photo URLs"),
                        optional(21, "closed_photos", Types.ListType.ofOptional(22, string), "photo URLs"),
                        optional(23, "location", string, null),
                        optional(24, "location_street_name", string, null),
                        optional(25, "zipcode", string, "five digits with leading zero"),
                        optional(26, "fire_district", string, null),
                        optional(27, "pwd_district", string, null),
                        optional(28, "city_council_district", string, null),
                        optional(29, "police_district", string, null),
                        optional(30, "neighborhood", string, null),
                        optional(31, "neighborhood_services_district", string, null),
                        optional(32, "ward", Types.IntegerType.get(), null),
                        optional(33, "precinct", string, null),
                        optional(34, "land_usage", string, null),
                        optional(35, "property_type", string, null),
                        optional(36, "property_id", string, null),
                        optional(37, "latitude", Types.DoubleType.get(), null),
                        optional(38, "longitude", Types.DoubleType.get(), null),
                        optional(39, "source", string, "intake channel as published"),
                        optional(40, "open_date_local", Types.DateType.get(), "Boston-local calendar date of open_ts"),
                        optional(41, "source_layout", string, "which of the city's column layouts the row came in"),
                        optional(42, "event_type", string, "OPENED, UPDATED, CLOSED or SNAPSHOT"),
                        optional(43, "emitted_at", timestamptz, "envelope emission time, if any"),
                        optional(44, "event_ts", timestamptz, "version time used for latest-version-wins"),
                        optional(
                                45,
                                "dq_flags",
                                Types.ListType.ofOptional(46, string),
                                "data-quality observations about the source row"),
                        optional(47, "extra_fields", string, "JSON object of input keys that matched no column"),
                        required(48, "ingested_at", timestamptz, null),
                        optional(49, "source_ref", string, "bronze coordinates of the message"),
                        required(50, "city", string, "the city the request belongs to"),
                        required(
                                51,
                                "request_id",
                                string,
                                "the request id as the city publishes it; whole numbers in canonical digits")),
                Set.of(2, 50, 51));

        Schema derived = TableSchemas.serviceRequests().schema();
        assertThat(derived.columns()).containsExactlyElementsOf(onDisk.columns());
        assertThat(derived.identifierFieldIds()).isEqualTo(onDisk.identifierFieldIds());
        assertThat(FlinkSchemaUtil.convert(derived)).isEqualTo(FlinkSchemaUtil.convert(onDisk));
    }

    /** Gold schemas are derived from each GoldTable's key columns and measures; these are the schemas users have. */
    @Test
    void goldSchemasAreTheOnesOnDisk() {
        Type timestamptz = Types.TimestampType.withZone();
        Type string = Types.StringType.get();
        Type count = Types.LongType.get();
        Type hours = Types.DoubleType.get();
        Schema hourly = new Schema(
                List.of(
                        required(1, "window_start", timestamptz, "start of the UTC hour"),
                        required(2, "city", string, "the city the requests belong to"),
                        required(3, "neighborhood", string, null),
                        required(4, "opened", count, null),
                        required(5, "closed", count, null),
                        required(6, "closed_on_time", count, null),
                        required(7, "closed_overdue", count, null),
                        optional(8, "resolution_hours_p50", hours, null),
                        optional(9, "resolution_hours_p90", hours, null),
                        optional(10, "updated_at", timestamptz, null)),
                Set.of(1, 2, 3));
        Schema daily = new Schema(
                List.of(
                        required(1, "day", Types.DateType.get(), "Boston-local calendar date"),
                        required(2, "city", string, "the city the requests belong to"),
                        required(3, "department", string, null),
                        required(4, "type", string, null),
                        required(5, "opened", count, null),
                        required(6, "closed", count, null),
                        required(7, "closed_on_time", count, null),
                        required(8, "closed_overdue", count, null),
                        optional(9, "on_time_rate", hours, "closed_on_time / (closed_on_time + closed_overdue)"),
                        optional(10, "mean_resolution_hours", hours, null),
                        optional(11, "resolution_hours_p50", hours, null),
                        optional(12, "resolution_hours_p90", hours, null),
                        optional(13, "updated_at", timestamptz, null)),
                Set.of(1, 2, 3, 4));
        for (Map.Entry<LakehouseTable, Schema> table : Map.of(
                        LakehouseTable.REQUESTS_HOURLY, hourly, LakehouseTable.SLA_DAILY, daily)
                .entrySet()) {
            Schema derived = table.getKey().definition().schema();
            assertThat(derived.columns())
                    .as(table.getKey().tableName())
                    .containsExactlyElementsOf(table.getValue().columns());
            assertThat(derived.identifierFieldIds()).isEqualTo(table.getValue().identifierFieldIds());
            assertThat(table.getKey().definition().properties())
                    .isEqualTo(LakehouseTable.WATERMARKS.definition().properties());
        }
    }

    @Test
    void keysAndPartitions() {
        assertThat(TableSchemas.serviceRequests().equalityColumns()).containsExactly("open_ts", "city", "request_id");
        assertThat(LakehouseTable.REQUESTS_HOURLY.definition().equalityColumns())
                .containsExactly("window_start", "city", "neighborhood");
        assertThat(LakehouseTable.SLA_DAILY.definition().equalityColumns())
                .containsExactly("day", "city", "department", "type");
        assertThat(TableSchemas.watermarks().equalityColumns()).containsExactly("table_name");
        assertThat(TableSchemas.rawEvents().upsert()).isFalse();
        assertThat(TableSchemas.rejectedEvents().upsert()).isFalse();
        assertThat(TableSchemas.lateCorrections().upsert()).isFalse();

        assertThat(partitioning(TableSchemas.rawEvents())).isEqualTo("day(ingested_at)");
        assertThat(partitioning(TableSchemas.serviceRequests())).isEqualTo("month(open_ts)");
        assertThat(partitioning(TableSchemas.rejectedEvents())).isEqualTo("day(rejected_at)");
        assertThat(partitioning(LakehouseTable.REQUESTS_HOURLY.definition())).isEqualTo("month(window_start)");
        assertThat(partitioning(LakehouseTable.SLA_DAILY.definition())).isEqualTo("month(day)");
        assertThat(partitioning(TableSchemas.watermarks())).isEmpty();
        assertThat(partitioning(TableSchemas.lateCorrections())).isEmpty();
    }

    /** Iceberg rejects upserts into a partition whose source column is not part of the key. */
    @ParameterizedTest
    @EnumSource(LakehouseTable.class)
    void upsertTablesPartitionOnlyByKeyColumns(LakehouseTable table) {
        TableDefinition definition = table.definition();
        if (!definition.upsert()) {
            return;
        }
        for (PartitionField field : definition.spec().fields()) {
            assertThat(definition.schema().identifierFieldIds()).contains(field.sourceId());
        }
        for (int id : definition.schema().identifierFieldIds()) {
            assertThat(definition.schema().findField(id).isRequired()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(LakehouseTable.class)
    void tablePropertiesAreSetForStreamingWrites(LakehouseTable table) {
        Map<String, String> p = table.definition().properties();
        assertThat(p)
                .containsEntry(TableProperties.FORMAT_VERSION, "2")
                .containsEntry(TableProperties.PARQUET_COMPRESSION, "zstd")
                .containsEntry(TableProperties.PARQUET_DICT_SIZE_BYTES, "65536")
                .containsEntry(TableProperties.WRITE_TARGET_FILE_SIZE_BYTES, "134217728")
                .containsEntry(TableProperties.METADATA_DELETE_AFTER_COMMIT_ENABLED, "true")
                .containsEntry(TableProperties.METADATA_PREVIOUS_VERSIONS_MAX, "20")
                .containsKey(TableProperties.WRITE_DISTRIBUTION_MODE);
        if (table.definition().upsert()) {
            assertThat(p)
                    .containsEntry(TableProperties.UPSERT_ENABLED, "true")
                    .containsEntry(TableProperties.WRITE_DISTRIBUTION_MODE, "none");
        } else {
            assertThat(p).doesNotContainKey(TableProperties.UPSERT_ENABLED);
        }
    }

    @Test
    void bronzeKeepsPayloadAsBinaryWithoutBounds() {
        TableDefinition bronze = TableSchemas.rawEvents();
        assertThat(bronze.schema().findType("payload")).isEqualTo(Types.BinaryType.get());
        assertThat(bronze.schema().findField("source_ts").isOptional()).isTrue();
        assertThat(bronze.properties())
                .containsEntry("write.metadata.metrics.column.payload", "counts")
                .containsEntry(TableProperties.WRITE_DISTRIBUTION_MODE, "none");
        assertThat(TableSchemas.rejectedEvents().properties())
                .containsEntry(TableProperties.WRITE_DISTRIBUTION_MODE, "hash");
    }

    @Test
    void sinkUidsAreStableAndUnique() {
        assertThat(Arrays.stream(LakehouseTable.values()).map(LakehouseTable::sinkUid))
                .containsExactly(
                        "sink-bronze-raw-events",
                        "sink-silver-service-requests",
                        "sink-silver-rejected-events",
                        "sink-gold-requests-hourly",
                        "sink-gold-sla-daily",
                        "sink-gold-watermarks",
                        "sink-gold-late-corrections");
    }

    private static String partitioning(TableDefinition definition) {
        return definition.spec().fields().stream()
                .map(f -> f.transform() + "(" + definition.schema().findColumnName(f.sourceId()) + ")")
                .collect(Collectors.joining(","));
    }

    private static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
