package org.requestslakehouse.bench;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.TableEnvironment;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.config.ParseSettings;

/**
 * The SQL peer's pipeline: what a Flink user who knows Flink SQL and Iceberg, but not this project, would write to
 * get the same tables from the same topic. A Kafka table with the JSON format; parsing and normalisation in SQL;
 * bronze appended, silver upserted by case; gold as grouped aggregations over the latest version of each case (the
 * planner retracts a case's old contribution when a newer version moves it), upserted by window and dimensions.
 * Nothing here is tuned for the benchmark beyond what Flink's own performance-tuning page recommends for grouped
 * aggregations (see {@link #sessionSettings}).
 *
 * <p>What it leaves out compared with the job is listed in docs/performance.md.
 */
public final class SqlPeerPipeline {
    /** The catalog the Iceberg tables are created in; the Kafka table is a temporary table of Flink's default one. */
    static final String CATALOG = "lake";

    static final String BRONZE = "bronze.raw_events";
    static final String SILVER = "silver.service_requests";
    static final String GOLD_HOURLY = "gold.requests_hourly";
    static final String GOLD_DAILY = "gold.sla_daily";

    /** Every table it writes, as {@code database.table}, in the order {@link #statementSet} inserts into them. */
    static final List<String> TABLES = List.of(BRONZE, SILVER, GOLD_HOURLY, GOLD_DAILY);

    /**
     * The city's local time, the job's own default: the exports' timestamps are Boston wall-clock times, and
     * sla_daily's days are.
     */
    static final ZoneId CITY_ZONE = ZoneId.of(ParseSettings.TIME_ZONE.defaultValue());

    /** The keys of an event's JSON, all strings as the city publishes them, except the envelope's time. */
    static final List<String> EVENT_FIELDS = List.of(
            "case_enquiry_id",
            "open_dt",
            "sla_target_dt",
            "closed_dt",
            "on_time",
            "case_status",
            "closure_reason",
            "case_title",
            "subject",
            "reason",
            "type",
            "queue",
            "department",
            "submitted_photo",
            "closed_photo",
            "location",
            "fire_district",
            "pwd_district",
            "city_council_district",
            "police_district",
            "neighborhood",
            "neighborhood_services_district",
            "ward",
            "precinct",
            "location_street_name",
            "location_zipcode",
            "latitude",
            "longitude",
            "geom_4326",
            "source",
            "event_type");

    /** The envelope's event time, ISO-8601 in UTC, which the JSON format parses itself. */
    static final String EMITTED_AT = "emitted_at";

    /** Silver's columns, as named in {@code parsed_events} and in the table. */
    private static final List<String> SILVER_COLUMNS = List.of(
            "case_enquiry_id",
            "event_type",
            "emitted_at",
            "open_ts",
            "sla_target_ts",
            "closed_ts",
            "case_status",
            "on_time_status",
            "closed_on_time",
            "resolution_hours",
            "closure_reason",
            "case_title",
            "subject",
            "reason",
            "`type`",
            "queue",
            "department",
            "neighborhood",
            "location",
            "location_street_name",
            "location_zipcode",
            "ward",
            "precinct",
            "fire_district",
            "pwd_district",
            "city_council_district",
            "police_district",
            "neighborhood_services_district",
            "latitude",
            "longitude",
            "`source`",
            "submitted_photo",
            "closed_photo");

    private static final String GOLD_MEASURES =
            "opened BIGINT, closed BIGINT, closed_on_time BIGINT, closed_overdue BIGINT, on_time_rate DOUBLE, "
                    + "mean_resolution_hours DOUBLE";

    private SqlPeerPipeline() {}

    /**
     * Where the pipeline reads and writes.
     *
     * @param warehouse the Hadoop catalog's warehouse directory (the catalog type every part of the bench uses)
     */
    public record Endpoints(String bootstrapServers, String topic, String groupId, String warehouse) {

        /** The broker, topics (the Kafka table takes several separated by ';'), group and warehouse of a run. */
        static Endpoints of(JobConfig config) {
            return new Endpoints(
                    config.kafka().bootstrapServers(),
                    String.join(";", config.kafka().topics()),
                    config.kafka().groupId(),
                    config.catalog().warehouse());
        }
    }

    /**
     * The session's settings (what the SQL client's {@code SET} statements would say): the city's zone, and
     * mini-batch, which Flink's tuning guide advises for grouped aggregations (it also enables the local-global
     * split).
     */
    static Map<String, String> sessionSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("table.local-time-zone", CITY_ZONE.getId());
        settings.put("table.exec.mini-batch.enabled", "true");
        settings.put("table.exec.mini-batch.allow-latency", "1 s");
        settings.put("table.exec.mini-batch.size", "5000");
        return settings;
    }

    /** The catalog, the Kafka table, the Iceberg tables and the views, in the order they run. */
    static List<String> setup(Endpoints endpoints) {
        List<String> sql = new ArrayList<>();
        sql.add("CREATE CATALOG " + CATALOG + " WITH ('type' = 'iceberg', 'catalog-type' = 'hadoop', 'warehouse' = "
                + literal(endpoints.warehouse()) + ")");
        sql.add(kafkaTable(endpoints));
        for (String database : List.of("bronze", "silver", "gold")) {
            sql.add("CREATE DATABASE IF NOT EXISTS " + CATALOG + "." + database);
        }
        sql.add(bronzeTable());
        sql.add(silverTable());
        sql.add(goldHourlyTable());
        sql.add(goldDailyTable());
        sql.add(parsedView());
        sql.add(currentCasesView());
        return sql;
    }

    /** The four inserts, one job. */
    static List<String> inserts() {
        return List.of(
                "INSERT INTO " + CATALOG + "." + BRONZE + " SELECT kafka_partition, kafka_offset, kafka_ts, "
                        + EVENT_FIELDS.stream().map(SqlPeerPipeline::name).collect(Collectors.joining(", "))
                        + ", " + name(EMITTED_AT) + " FROM request_events",
                "INSERT INTO " + CATALOG + "." + SILVER + " SELECT " + String.join(", ", SILVER_COLUMNS)
                        + " FROM parsed_events WHERE case_enquiry_id IS NOT NULL AND open_ts IS NOT NULL",
                goldInsert(
                        GOLD_HOURLY,
                        "FLOOR(open_ts TO HOUR)",
                        "FLOOR(closed_ts TO HOUR)",
                        List.of("neighborhood"),
                        "window_start"),
                goldInsert(
                        GOLD_DAILY,
                        "CAST(open_ts AS DATE)",
                        "CAST(closed_ts AS DATE)",
                        List.of("department", "type"),
                        "day"));
    }

    /** Runs the setup statements and returns the inserts as one statement set (one Flink job). */
    public static StatementSet statementSet(TableEnvironment tables, Endpoints endpoints) {
        sessionSettings().forEach(tables.getConfig()::set);
        for (String statement : setup(endpoints)) {
            tables.executeSql(statement);
        }
        StatementSet set = tables.createStatementSet();
        for (String insert : inserts()) {
            set.addInsertSql(insert);
        }
        return set;
    }

    private static String kafkaTable(Endpoints e) {
        return "CREATE TEMPORARY TABLE request_events ("
                + EVENT_FIELDS.stream().map(f -> name(f) + " STRING").collect(Collectors.joining(", "))
                + ", " + name(EMITTED_AT) + " TIMESTAMP_LTZ(3)"
                + ", kafka_partition INT METADATA FROM 'partition' VIRTUAL"
                + ", kafka_offset BIGINT METADATA FROM 'offset' VIRTUAL"
                + ", kafka_ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL"
                + ", proc_time AS PROCTIME()"
                + ") WITH ("
                + "'connector' = 'kafka'"
                + ", 'topic' = " + literal(e.topic())
                + ", 'properties.bootstrap.servers' = " + literal(e.bootstrapServers())
                + ", 'properties.group.id' = " + literal(e.groupId())
                + ", 'scan.startup.mode' = 'earliest-offset'"
                + ", 'scan.bounded.mode' = 'latest-offset'"
                + ", 'format' = 'json'"
                + ", 'json.timestamp-format.standard' = 'ISO-8601'"
                + ", 'json.fail-on-missing-field' = 'false'"
                + ", 'json.ignore-parse-errors' = 'true'"
                + ")";
    }

    /** The job's tables are Parquet with zstd, format version 2; so are these. */
    private static String tableProperties(boolean upsert) {
        return " WITH ('format-version' = '2', 'write.parquet.compression-codec' = 'zstd'"
                + (upsert ? ", 'write.upsert.enabled' = 'true'" : "")
                + ")";
    }

    private static String bronzeTable() {
        return "CREATE TABLE IF NOT EXISTS " + CATALOG + "." + BRONZE
                + " (source_partition INT, source_offset BIGINT, source_ts TIMESTAMP_LTZ(3), "
                + EVENT_FIELDS.stream().map(f -> name(f) + " STRING").collect(Collectors.joining(", "))
                + ", " + name(EMITTED_AT) + " TIMESTAMP_LTZ(3))" + tableProperties(false);
    }

    private static String silverTable() {
        return "CREATE TABLE IF NOT EXISTS " + CATALOG + "." + SILVER + " ("
                + "case_enquiry_id BIGINT NOT NULL, event_type STRING, emitted_at TIMESTAMP_LTZ(3), "
                + "open_ts TIMESTAMP_LTZ(3), sla_target_ts TIMESTAMP_LTZ(3), closed_ts TIMESTAMP_LTZ(3), "
                + "case_status STRING, on_time_status STRING, closed_on_time BOOLEAN, resolution_hours DOUBLE, "
                + "closure_reason STRING, case_title STRING, subject STRING, reason STRING, `type` STRING, "
                + "queue STRING, department STRING, neighborhood STRING, location STRING, "
                + "location_street_name STRING, location_zipcode STRING, ward STRING, precinct STRING, "
                + "fire_district STRING, pwd_district STRING, city_council_district STRING, police_district STRING, "
                + "neighborhood_services_district STRING, latitude DOUBLE, longitude DOUBLE, `source` STRING, "
                + "submitted_photo STRING, closed_photo STRING, "
                + "PRIMARY KEY (case_enquiry_id) NOT ENFORCED)" + tableProperties(true);
    }

    private static String goldHourlyTable() {
        return "CREATE TABLE IF NOT EXISTS " + CATALOG + "." + GOLD_HOURLY
                + " (window_start TIMESTAMP_LTZ(3) NOT NULL, neighborhood STRING NOT NULL, " + GOLD_MEASURES
                + ", PRIMARY KEY (window_start, neighborhood) NOT ENFORCED)" + tableProperties(true);
    }

    private static String goldDailyTable() {
        return "CREATE TABLE IF NOT EXISTS " + CATALOG + "." + GOLD_DAILY
                + " (`day` DATE NOT NULL, department STRING NOT NULL, `type` STRING NOT NULL, " + GOLD_MEASURES
                + ", PRIMARY KEY (`day`, department, `type`) NOT ENFORCED)" + tableProperties(true);
    }

    /**
     * Parsing and normalisation: Boston wall-clock times to instants (the session's zone), blanks to nulls, the
     * zip code's first digits padded to five (exports carry {@code 2127.0}), statuses upper-cased, dimension text
     * trimmed and whitespace-collapsed with blanks as UNKNOWN (as the job's gold does). A value that does not
     * parse becomes null.
     */
    private static String parsedView() {
        return "CREATE TEMPORARY VIEW parsed_events AS SELECT *, "
                + "CASE WHEN closed_ts IS NOT NULL AND sla_target_ts IS NOT NULL THEN closed_ts <= sla_target_ts END"
                + " AS closed_on_time, "
                + "CASE WHEN closed_ts >= open_ts THEN CAST(TIMESTAMPDIFF(SECOND, open_ts, closed_ts) AS DOUBLE) / 3600 END"
                + " AS resolution_hours "
                + "FROM (SELECT "
                + "TRY_CAST(TRIM(case_enquiry_id) AS BIGINT) AS case_enquiry_id, "
                + "UPPER(TRIM(event_type)) AS event_type, "
                + "emitted_at, "
                + "proc_time, "
                + localTime("open_dt") + " AS open_ts, "
                + localTime("sla_target_dt") + " AS sla_target_ts, "
                + localTime("closed_dt") + " AS closed_ts, "
                + "UPPER(" + blankToNull("case_status") + ") AS case_status, "
                + "UPPER(" + blankToNull("on_time") + ") AS on_time_status, "
                + blankToNull("closure_reason") + " AS closure_reason, "
                + blankToNull("case_title") + " AS case_title, "
                + blankToNull("subject") + " AS subject, "
                + blankToNull("reason") + " AS reason, "
                + dimension("`type`") + " AS `type`, "
                + blankToNull("queue") + " AS queue, "
                + dimension("department") + " AS department, "
                + dimension("neighborhood") + " AS neighborhood, "
                + blankToNull("location") + " AS location, "
                + blankToNull("location_street_name") + " AS location_street_name, "
                + "LPAD(REGEXP_EXTRACT(TRIM(location_zipcode), '^([0-9]{1,5})', 1), 5, '0') AS location_zipcode, "
                + blankToNull("ward") + " AS ward, "
                + blankToNull("precinct") + " AS precinct, "
                + blankToNull("fire_district") + " AS fire_district, "
                + blankToNull("pwd_district") + " AS pwd_district, "
                + blankToNull("city_council_district") + " AS city_council_district, "
                + blankToNull("police_district") + " AS police_district, "
                + blankToNull("neighborhood_services_district") + " AS neighborhood_services_district, "
                + "TRY_CAST(TRIM(latitude) AS DOUBLE) AS latitude, "
                + "TRY_CAST(TRIM(longitude) AS DOUBLE) AS longitude, "
                + blankToNull("`source`") + " AS `source`, "
                + blankToNull("submitted_photo") + " AS submitted_photo, "
                + blankToNull("closed_photo") + " AS closed_photo "
                + "FROM request_events)";
    }

    /**
     * Each case's latest version: Flink's deduplication pattern (keep the last row by processing time; one case's
     * events share a partition key, so they arrive in order). A newer version retracts the older one downstream.
     */
    private static String currentCasesView() {
        return "CREATE TEMPORARY VIEW current_cases AS SELECT * FROM ("
                + "SELECT *, ROW_NUMBER() OVER (PARTITION BY case_enquiry_id ORDER BY proc_time DESC) AS version_rank"
                + " FROM parsed_events WHERE case_enquiry_id IS NOT NULL AND open_ts IS NOT NULL"
                + ") WHERE version_rank = 1";
    }

    /**
     * A case counts as opened in the window of its open time and as closed (on time or overdue when it had a
     * target) in the window of its close time: one row per contribution, summed per window and dimensions.
     */
    private static String goldInsert(
            String table, String openWindow, String closeWindow, List<String> dimensions, String windowColumn) {
        String window = name(windowColumn);
        String dims = dimensions.stream().map(SqlPeerPipeline::name).collect(Collectors.joining(", "));
        return "INSERT INTO " + CATALOG + "." + table + " SELECT " + window + ", " + dims
                + ", SUM(opened), SUM(closed), SUM(closed_on_time), SUM(closed_overdue)"
                + ", CAST(SUM(closed_on_time) AS DOUBLE) / NULLIF(SUM(closed_on_time) + SUM(closed_overdue), 0)"
                + ", AVG(resolution_hours)"
                + " FROM ("
                + "SELECT " + openWindow + " AS " + window + ", " + dims
                + ", CAST(1 AS BIGINT) AS opened, CAST(0 AS BIGINT) AS closed"
                + ", CAST(0 AS BIGINT) AS closed_on_time, CAST(0 AS BIGINT) AS closed_overdue"
                + ", CAST(NULL AS DOUBLE) AS resolution_hours"
                + " FROM current_cases"
                + " UNION ALL "
                + "SELECT " + closeWindow + ", " + dims
                + ", CAST(0 AS BIGINT), CAST(1 AS BIGINT)"
                + ", CAST(CASE WHEN closed_on_time THEN 1 ELSE 0 END AS BIGINT)"
                + ", CAST(CASE WHEN NOT closed_on_time THEN 1 ELSE 0 END AS BIGINT)"
                + ", resolution_hours"
                + " FROM current_cases WHERE closed_ts IS NOT NULL"
                + ") GROUP BY " + window + ", " + dims;
    }

    private static String localTime(String column) {
        return "CAST(TO_TIMESTAMP(" + blankToNull(column) + ") AS TIMESTAMP_LTZ(3))";
    }

    private static String blankToNull(String column) {
        return "NULLIF(TRIM(" + column + "), '')";
    }

    private static String dimension(String column) {
        return "COALESCE(NULLIF(REGEXP_REPLACE(TRIM(" + column + "), '\\s+', ' '), ''), 'UNKNOWN')";
    }

    /** A back-quoted identifier: several of the city's keys (type, source, location) are SQL keywords. */
    static String name(String column) {
        return "`" + column.replace("`", "``") + "`";
    }

    /** A SQL string literal. */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
