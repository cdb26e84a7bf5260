package org.requestslakehouse.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.catalog.CatalogFactory;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.config.RuntimeConfig;
import org.requestslakehouse.job.JobEnvironments;
import org.requestslakehouse.testing.KafkaBrokerExtension;
import org.requestslakehouse.testing.KafkaTestClient.Message;

/**
 * The SQL peer's statements, run as {@link SqlPeerMain} runs them (same environment, bounded Kafka table) on a few
 * hand-made events whose every table row is known: what the benchmark's SQL peer computes, and that it computes
 * what the docs say (normalisation, upserts, retraction of a case's opened-only version, Boston days, UTC hours).
 */
class SqlPeerPipelineTest {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private static final String TOPIC = "sql-peer-events";

    @Test
    void parsesUpsertsAndAggregatesTheEvents(@TempDir Path dir) throws Exception {
        KAFKA.createTopic(TOPIC, 2);
        KAFKA.produce(
                TOPIC,
                List.of(
                        // 2024-03-11 is EDT (UTC-4): 09:15 in Boston is 13:15 UTC.
                        event("101", "OPENED", "2024-03-11 09:15:00", "", "2024-03-12 09:00:00", "Open", "2119.0"),
                        event("102", "OPENED", "2024-03-11 09:40:00", "", "2024-03-11 10:00:00", "Open", "02119"),
                        event("103", "OPENED", "2024-03-11 22:05:00", "", "", "open", ""),
                        message("104", "not json"),
                        event(
                                "101",
                                "CLOSED",
                                "2024-03-11 09:15:00",
                                "2024-03-11 17:45:00",
                                "2024-03-12 09:00:00",
                                "closed",
                                "2119.0"),
                        event(
                                "102",
                                "CLOSED",
                                "2024-03-11 09:40:00",
                                "2024-03-11 23:30:00",
                                "2024-03-11 10:00:00",
                                "Closed",
                                "02119")));
        Path warehouse = dir.resolve("warehouse");

        JobConfig config = BenchConfigs.kafkaToWarehouse(KAFKA.bootstrapServers(), TOPIC, warehouse);
        // A short interval: each commit waits for a checkpoint, the last one included.
        RuntimeConfig runtime = new RuntimeConfig(
                Duration.ofSeconds(1),
                dir.resolve("checkpoints").toString(),
                null,
                2,
                config.runtime().stateTtl());
        StreamExecutionEnvironment env = JobEnvironments.selfManaged(runtime, null);
        StreamTableEnvironment tables = StreamTableEnvironment.create(env, EnvironmentSettings.inStreamingMode());
        SqlPeerPipeline.statementSet(tables, SqlPeerPipeline.Endpoints.of(config))
                .execute()
                .await(5, TimeUnit.MINUTES);

        Catalog catalog = CatalogFactory.open(BenchConfigs.catalog(warehouse));
        try {
            // The message that is not JSON is skipped by the format: the peer has no quarantine.
            assertThat(read(catalog, SqlPeerPipeline.BRONZE, "case_enquiry_id"))
                    .extracting(r -> r.getField("case_enquiry_id"))
                    .containsExactly("101", "101", "102", "102", "103");

            List<Record> silver = read(catalog, SqlPeerPipeline.SILVER, "case_enquiry_id");
            assertThat(silver).extracting(r -> r.getField("case_enquiry_id")).containsExactly(101L, 102L, 103L);
            assertThat(fields(silver.get(0)))
                    .contains(
                            entry("event_type", "CLOSED"),
                            entry("case_status", "CLOSED"),
                            entry("on_time_status", "ONTIME"),
                            entry("open_ts", utc("2024-03-11T13:15:00")),
                            entry("closed_ts", utc("2024-03-11T21:45:00")),
                            entry("sla_target_ts", utc("2024-03-12T13:00:00")),
                            entry("closed_on_time", true),
                            entry("resolution_hours", 8.5),
                            entry("neighborhood", "Roxbury"),
                            entry("type", "Pothole Repair"),
                            entry("location_zipcode", "02119"),
                            entry("latitude", 42.3118));
            assertThat(fields(silver.get(1)))
                    .contains(entry("closed_on_time", false), entry("location_zipcode", "02119"));
            assertThat(fields(silver.get(2)))
                    .contains(
                            entry("case_status", "OPEN"),
                            entry("closed_ts", null),
                            entry("closed_on_time", null),
                            entry("neighborhood", "UNKNOWN"),
                            entry("location_zipcode", null));

            // window, neighborhood: opened, closed, on time, overdue
            assertThat(read(catalog, SqlPeerPipeline.GOLD_HOURLY, "window_start"))
                    .extracting(r -> r.getField("window_start") + " " + r.getField("neighborhood") + ": "
                            + r.getField("opened") + " " + r.getField("closed") + " " + r.getField("closed_on_time")
                            + " " + r.getField("closed_overdue"))
                    .containsExactly(
                            "2024-03-11T13:00Z Roxbury: 2 0 0 0",
                            "2024-03-11T21:00Z Roxbury: 0 1 1 0",
                            "2024-03-12T02:00Z UNKNOWN: 1 0 0 0",
                            "2024-03-12T03:00Z Roxbury: 0 1 0 1");

            List<Record> daily = read(catalog, SqlPeerPipeline.GOLD_DAILY, "department");
            assertThat(daily)
                    .extracting(r -> r.getField("day") + " " + r.getField("department") + " " + r.getField("type")
                            + ": " + r.getField("opened") + " " + r.getField("closed") + " "
                            + r.getField("closed_on_time") + " " + r.getField("closed_overdue") + " "
                            + r.getField("on_time_rate"))
                    .containsExactly(
                            "2024-03-11 BTDT Parking Enforcement: 1 0 0 0 null",
                            "2024-03-11 PWDx Pothole Repair: 2 2 1 1 0.5");
            // 101 took 8.5 h, 102 took 13 h 50 min.
            assertThat((Double) daily.get(1).getField("mean_resolution_hours"))
                    .isCloseTo((8.5 + 13.0 + 50.0 / 60) / 2, within(1e-9));
            assertThat(daily.get(0).getField("day")).isEqualTo(LocalDate.of(2024, 3, 11));
        } finally {
            CatalogFactory.close(catalog);
        }
    }

    @Test
    void quotesIdentifiersAndLiterals() {
        assertThat(SqlPeerPipeline.name("type")).isEqualTo("`type`");
        assertThat(SqlPeerPipeline.name("a`b")).isEqualTo("`a``b`");
        assertThat(SqlPeerPipeline.literal("/tmp/it's here")).isEqualTo("'/tmp/it''s here'");
        assertThat(SqlPeerPipeline.setup(new SqlPeerPipeline.Endpoints("host:9092", "t", "g", "/tmp/o'w")))
                .anyMatch(statement -> statement.contains("'warehouse' = '/tmp/o''w'"));
    }

    /** Case 103 is a parking case elsewhere; 101 and 102 are potholes in Roxbury, spelt loosely. */
    private static Message event(
            String id, String type, String open, String closed, String target, String status, String zip) {
        boolean parking = id.equals("103");
        String emitted = (type.equals("OPENED") ? open : closed).replace(' ', 'T');
        String json = "{\"case_enquiry_id\":\"" + id + "\",\"open_dt\":\"" + open + "\",\"sla_target_dt\":\"" + target
                + "\",\"closed_dt\":\"" + closed + "\",\"on_time\":\"" + (parking ? "" : "ontime")
                + "\",\"case_status\":\"" + status + "\",\"closure_reason\":\"\",\"case_title\":\"Pothole\""
                + ",\"subject\":\"Public Works Department\",\"reason\":\"Street Cleaning\",\"type\":\""
                + (parking ? "Parking Enforcement" : " Pothole   Repair ") + "\",\"queue\":\"PWDx_District 10B\""
                + ",\"department\":\"" + (parking ? "BTDT" : "PWDx") + "\",\"submitted_photo\":\"\""
                + ",\"closed_photo\":\"\",\"location\":\"1 Warren St\",\"fire_district\":\"9\""
                + ",\"pwd_district\":\"10B\",\"city_council_district\":\"7\",\"police_district\":\"B2\""
                + ",\"neighborhood\":\"" + (parking ? " " : "  Roxbury ")
                + "\",\"neighborhood_services_district\":\"13\""
                + ",\"ward\":\"Ward 12\",\"precinct\":\"1204\",\"location_street_name\":\"1 Warren St\""
                + ",\"location_zipcode\":\"" + zip + "\",\"latitude\":\"42.3118\",\"longitude\":\"-71.0846\""
                + ",\"geom_4326\":\"\",\"source\":\"Citizens Connect App\",\"event_type\":\"" + type + "\""
                // emitted_at is UTC; these events' Boston times are four hours behind it.
                + ",\"emitted_at\":\"" + bostonToUtc(emitted) + "Z\"}";
        return message(id, json);
    }

    private static String bostonToUtc(String local) {
        return LocalDateTime.parse(local)
                .atZone(SqlPeerPipeline.CITY_ZONE)
                .withZoneSameInstant(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"));
    }

    private static Message message(String key, String value) {
        return new Message(key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
    }

    private static OffsetDateTime utc(String time) {
        return LocalDateTime.parse(time).atOffset(ZoneOffset.UTC);
    }

    private static Map<String, Object> fields(Record record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        record.struct().fields().forEach(f -> fields.put(f.name(), record.getField(f.name())));
        return fields;
    }

    /** Every row of the table's current snapshot (deletes applied), ordered by {@code orderBy} then as text. */
    private static List<Record> read(Catalog catalog, String table, String orderBy) throws Exception {
        List<Record> rows = new ArrayList<>();
        try (CloseableIterable<Record> records = IcebergGenerics.read(catalog.loadTable(TableIdentifier.parse(table)))
                .build()) {
            records.forEach(r -> rows.add(r.copy()));
        }
        rows.sort(Comparator.comparing((Record r) -> String.valueOf(r.getField(orderBy)))
                .thenComparing(Record::toString));
        return rows;
    }
}
