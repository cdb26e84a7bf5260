package org.requestslakehouse.sinks.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Closeable;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.catalog.CatalogFactory;
import org.requestslakehouse.config.CatalogConfig;
import org.requestslakehouse.config.PropertyGroup;
import org.requestslakehouse.gold.GoldWatermark;
import org.requestslakehouse.gold.LateCorrection;
import org.requestslakehouse.gold.tables.DailyByDepartmentAndType;
import org.requestslakehouse.gold.tables.HourlyByNeighborhood;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.model.RejectReason;
import org.requestslakehouse.model.RejectedEvent;
import org.requestslakehouse.model.ServiceRequest;
import org.requestslakehouse.testing.BostonGold;
import org.requestslakehouse.testing.ServiceRequests;
import org.requestslakehouse.testing.TestJobs;

/** Real Flink jobs on a mini cluster writing through {@link IcebergSinks} into a temp-dir Hadoop catalog. */
class IcebergSinksTest {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = TestJobs.miniCluster();

    private static final Instant JAN_19 = Instant.parse("2022-01-19T14:02:33.123456Z");
    private static final Instant FEB_02 = Instant.parse("2022-02-02T08:00:00Z");

    @TempDir
    Path warehouse;

    private CatalogConfig config;
    private IcebergSinks sinks;
    private Catalog catalog;

    @BeforeEach
    void createTables() {
        config = CatalogConfig.from(new PropertyGroup("catalog", Map.of("warehouse", warehouse.toString())));
        sinks = IcebergSinks.create(config);
        catalog = CatalogFactory.open(config);
    }

    @AfterEach
    void closeCatalog() throws Exception {
        ((HadoopCatalog) catalog).close();
    }

    @Test
    void silverUpsertsReplaceVersionsAndTombstonesDeleteMovedKeys() throws Exception {
        ServiceRequest case1Opened = version(1L, JAN_19, "OPEN", null);
        ServiceRequest case2Opened = version(2L, JAN_19, "OPEN", null);
        ServiceRequest case3Opened = version(3L, JAN_19, "OPEN", null);
        runSilver(case1Opened, case2Opened, case3Opened);

        // Second job, second snapshot: the deletes must apply to files committed earlier (equality deletes).
        ServiceRequest case1Closed = version(1L, JAN_19, "CLOSED", Instant.parse("2022-01-20T09:30:00Z"));
        ServiceRequest case2Moved = version(2L, FEB_02, "OPEN", null);
        ServiceRequest case2Tombstone = tombstone(2L, JAN_19);
        // Two versions of a key in one commit: the writer must drop the first itself (position delete).
        ServiceRequest case4Opened = version(4L, FEB_02, "OPEN", null);
        ServiceRequest case4Closed = version(4L, FEB_02, "CLOSED", Instant.parse("2022-02-03T08:00:00Z"));
        runSilver(case1Closed, case2Tombstone, case2Moved, case4Opened, case4Closed);

        Table table = catalog.loadTable(sinks.tables().identifier(LakehouseTable.SERVICE_REQUESTS));
        List<Record> rows = sortedBy(IcebergTableReader.readAll(table), "case_enquiry_id");
        assertThat(rows)
                .containsExactly(
                        expectedSilverRow(table, case1Closed),
                        expectedSilverRow(table, case2Moved),
                        expectedSilverRow(table, case3Opened),
                        expectedSilverRow(table, case4Closed));
        assertThat(table.snapshots()).hasSize(2);
    }

    @Test
    void bronzeAppendsEveryMessageWithItsExactBytes() throws Exception {
        byte[] notUtf8 = {'{', (byte) 0xC3, (byte) 0x28, '}'};
        RawEvent fromKafka =
                new RawEvent("kafka", "boston311", "0", "17", 1_642_600_953_000L, 1_642_600_954_000L, notUtf8);
        RawEvent fromCsv =
                new RawEvent("csv", "/data/b.csv", null, "2", null, 1_642_600_955_000L, "{\"a\":1}".getBytes());
        RawEvent duplicate =
                new RawEvent("csv", "/data/b.csv", null, "2", null, 1_642_600_955_000L, "{\"a\":1}".getBytes());
        StreamExecutionEnvironment env = TestJobs.environment();
        sinks.bronze(env.fromData(TypeInformation.of(RawEvent.class), fromKafka, fromCsv, duplicate), null);
        env.execute("bronze");

        List<Record> rows = sortedBy(
                IcebergTableReader.readAll(catalog, sinks.tables().identifier(LakehouseTable.RAW_EVENTS)),
                "source_type");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(2).getField("source_type")).isEqualTo("kafka");
        assertThat(rows.get(2).getField("source_name")).isEqualTo("boston311");
        assertThat(rows.get(2).getField("source_partition")).isEqualTo("0");
        assertThat(rows.get(2).getField("source_position")).isEqualTo("17");
        assertThat(rows.get(2).getField("source_ts")).isEqualTo(utc("2022-01-19T14:02:33Z"));
        assertThat(rows.get(2).getField("ingested_at")).isEqualTo(utc("2022-01-19T14:02:34Z"));
        assertThat(rows.get(2).getField("payload")).isEqualTo(ByteBuffer.wrap(notUtf8));
        assertThat(rows.get(2).getField("payload_size")).isEqualTo(4);
        for (Record csvRow : rows.subList(0, 2)) {
            assertThat(csvRow.getField("source_partition")).isNull();
            assertThat(csvRow.getField("source_ts")).isNull();
            assertThat(csvRow.getField("payload")).isEqualTo(ByteBuffer.wrap("{\"a\":1}".getBytes()));
        }
    }

    @Test
    void goldTablesUpsertOnTheirKeysAndSideTablesAppend() throws Exception {
        writeAndCheckGoldAndRejected(sinks, catalog);
    }

    /** Five committers commit to one SQLite file at the same moments; SQLite must serialise them, not fail. */
    @Test
    void sqliteJdbcCatalogTakesConcurrentCommits() throws Exception {
        CatalogConfig jdbc = CatalogConfig.from(new PropertyGroup(
                "catalog",
                Map.of(
                        "type",
                        "jdbc",
                        "jdbc.uri",
                        "jdbc:sqlite:" + warehouse.resolve("catalog.db"),
                        "warehouse",
                        warehouse.resolve("jdbc").toString())));
        Catalog jdbcCatalog = CatalogFactory.open(jdbc);
        try {
            writeAndCheckGoldAndRejected(IcebergSinks.create(jdbc), jdbcCatalog);
        } finally {
            ((Closeable) jdbcCatalog).close();
        }
    }

    private static void writeAndCheckGoldAndRejected(IcebergSinks sinks, Catalog catalog) throws Exception {
        StreamExecutionEnvironment env = TestJobs.environment();
        sinks.gold(
                BostonGold.HOURLY,
                env.fromData(
                        TypeInformation.of(HourlyByNeighborhood.Row.class),
                        hourly("Roxbury", 1, 0),
                        hourly("Dorchester", 1, 0),
                        hourly("Roxbury", 2, 1)));
        sinks.gold(
                BostonGold.DAILY,
                env.fromData(TypeInformation.of(DailyByDepartmentAndType.Row.class), daily(1, 0), daily(3, 2)));
        sinks.watermarks(env.fromData(
                TypeInformation.of(GoldWatermark.class),
                new GoldWatermark(
                        "requests_hourly",
                        Instant.parse("2022-01-19T13:00:00Z"),
                        Instant.parse("2022-01-19T14:00:00Z")),
                new GoldWatermark(
                        "requests_hourly",
                        Instant.parse("2022-01-19T14:00:00Z"),
                        Instant.parse("2022-01-19T15:00:00Z"))));
        sinks.lateCorrections(env.fromData(TypeInformation.of(LateCorrection.class), late(1), late(-1)));
        RawEvent raw = new RawEvent("csv", "/data/c.csv", null, "9", null, 1_000L, new byte[] {'x'});
        sinks.rejected(env.fromData(
                TypeInformation.of(RejectedEvent.class),
                RejectedEvent.of(raw, RejectReason.MALFORMED_JSON, "Unrecognized token 'x'", 2_000L)));
        env.execute("gold");

        List<Record> hourly = sortedBy(read(sinks, catalog, LakehouseTable.REQUESTS_HOURLY), "neighborhood");
        assertThat(hourly)
                .extracting(r -> r.getField("neighborhood") + " opened=" + r.getField("opened") + " closed="
                        + r.getField("closed"))
                .containsExactly("Dorchester opened=1 closed=0", "Roxbury opened=2 closed=1");
        assertThat(hourly.get(1).getField("window_start")).isEqualTo(utc("2022-01-19T14:00:00Z"));

        assertThat(read(sinks, catalog, LakehouseTable.SLA_DAILY))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.getField("day")).isEqualTo(LocalDate.of(2022, 1, 19));
                    assertThat(r.getField("department")).isEqualTo("PWDx");
                    assertThat(r.getField("type")).isEqualTo("Pothole");
                    assertThat(r.getField("opened")).isEqualTo(3L);
                    assertThat(r.getField("closed")).isEqualTo(2L);
                    assertThat(r.getField("on_time_rate")).isEqualTo(0.5);
                });
        assertThat(read(sinks, catalog, LakehouseTable.WATERMARKS))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.getField("table_name")).isEqualTo("requests_hourly");
                    assertThat(r.getField("complete_through")).isEqualTo(utc("2022-01-19T14:00:00Z"));
                });
        assertThat(read(sinks, catalog, LakehouseTable.LATE_CORRECTIONS))
                .extracting(r -> r.getField("delta"))
                .containsExactlyInAnyOrder(1, -1);
        assertThat(read(sinks, catalog, LakehouseTable.REJECTED_EVENTS))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.getField("reason_code")).isEqualTo("MALFORMED_JSON");
                    assertThat(r.getField("detail")).isEqualTo("Unrecognized token 'x'");
                    assertThat(r.getField("source_position")).isEqualTo("9");
                    assertThat(r.getField("ingested_at")).isEqualTo(utc("1970-01-01T00:00:01Z"));
                    assertThat(r.getField("rejected_at")).isEqualTo(utc("1970-01-01T00:00:02Z"));
                    assertThat(r.getField("payload")).isEqualTo(ByteBuffer.wrap(new byte[] {'x'}));
                });
    }

    private void runSilver(ServiceRequest... versions) throws Exception {
        StreamExecutionEnvironment env = TestJobs.environment();
        sinks.silver(env.fromData(TypeInformation.of(ServiceRequest.class), versions));
        env.execute("silver");
    }

    private static List<Record> read(IcebergSinks sinks, Catalog catalog, LakehouseTable table) {
        return IcebergTableReader.readAll(catalog, sinks.tables().identifier(table));
    }

    private static List<Record> sortedBy(List<Record> rows, String column) {
        return rows.stream()
                .sorted(Comparator.comparing(r -> String.valueOf(r.getField(column))))
                .toList();
    }

    private static OffsetDateTime utc(String instant) {
        return Instant.parse(instant).atOffset(ZoneOffset.UTC);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static ServiceRequest version(long caseId, Instant openTs, String status, Instant closedTs) {
        ServiceRequest r = ServiceRequests.identify(ServiceRequests.closedCase(), caseId);
        r.openTs = openTs;
        r.caseStatus = status;
        r.closedTs = closedTs;
        r.closedOnTime = closedTs == null ? null : Boolean.TRUE;
        r.openDateLocal = openTs.atZone(ZoneOffset.UTC).toLocalDate();
        r.eventTs = closedTs == null ? openTs : closedTs;
        r.sourceRef = "kafka:boston311/0@" + caseId + status;
        return r;
    }

    private static ServiceRequest tombstone(long caseId, Instant openTs) {
        ServiceRequest r = ServiceRequests.identify(new ServiceRequest(), caseId);
        r.openTs = openTs;
        r.tombstone = true;
        return r;
    }

    /** Built from the POJO independently of the converter, in Iceberg's generic representation. */
    private static Record expectedSilverRow(Table table, ServiceRequest r) {
        GenericRecord e = GenericRecord.create(table.schema());
        e.setField("case_enquiry_id", r.caseEnquiryId);
        e.setField("open_ts", utc(r.openTs));
        e.setField("sla_target_ts", utc(r.slaTargetTs));
        e.setField("closed_ts", utc(r.closedTs));
        e.setField("case_status", r.caseStatus);
        e.setField("on_time_status", r.onTimeStatus);
        e.setField("closed_on_time", r.closedOnTime);
        e.setField("resolution_hours", r.resolutionHours);
        e.setField("sla_hours", r.slaHours);
        e.setField("closure_reason", r.closureReason);
        e.setField("closure_category", r.closureCategory);
        e.setField("closure_reported_ts", utc(r.closureReportedTs));
        e.setField("case_title", r.caseTitle);
        e.setField("subject", r.subject);
        e.setField("reason", r.reason);
        e.setField("type", r.type);
        e.setField("queue", r.queue);
        e.setField("department", r.department);
        e.setField("submitted_photos", Arrays.asList(r.submittedPhotos));
        e.setField("closed_photos", Arrays.asList(r.closedPhotos));
        e.setField("location", r.location);
        e.setField("location_street_name", r.locationStreetName);
        e.setField("zipcode", r.zipcode);
        e.setField("fire_district", r.fireDistrict);
        e.setField("pwd_district", r.pwdDistrict);
        e.setField("city_council_district", r.cityCouncilDistrict);
        e.setField("police_district", r.policeDistrict);
        e.setField("neighborhood", r.neighborhood);
        e.setField("neighborhood_services_district", r.neighborhoodServicesDistrict);
        e.setField("ward", r.ward);
        e.setField("precinct", r.precinct);
        e.setField("land_usage", r.landUsage);
        e.setField("property_type", r.propertyType);
        e.setField("property_id", r.propertyId);
        e.setField("latitude", r.latitude);
        e.setField("longitude", r.longitude);
        e.setField("source", r.source);
        e.setField("open_date_local", r.openDateLocal);
        e.setField("source_layout", r.sourceLayout);
        e.setField("event_type", r.eventType);
        e.setField("emitted_at", utc(r.emittedAt));
        e.setField("event_ts", utc(r.eventTs));
        e.setField("dq_flags", Arrays.asList(r.dqFlags));
        e.setField("extra_fields", r.extraFields);
        e.setField("ingested_at", utc(Instant.ofEpochMilli(r.ingestedAtMillis)));
        e.setField("source_ref", r.sourceRef);
        e.setField("city", r.city);
        e.setField("request_id", r.requestId);
        return e;
    }

    private static HourlyByNeighborhood.Row hourly(String neighborhood, long opened, long closed) {
        HourlyByNeighborhood.Row h = new HourlyByNeighborhood.Row();
        h.windowStart = Instant.parse("2022-01-19T14:00:00Z");
        h.city = ServiceRequests.CITY;
        h.neighborhood = neighborhood;
        h.opened = opened;
        h.closed = closed;
        h.updatedAt = Instant.parse("2022-01-19T15:00:00Z");
        return h;
    }

    private static DailyByDepartmentAndType.Row daily(long opened, long closed) {
        DailyByDepartmentAndType.Row d = new DailyByDepartmentAndType.Row();
        d.day = LocalDate.of(2022, 1, 19);
        d.city = ServiceRequests.CITY;
        d.department = "PWDx";
        d.type = "Pothole";
        d.opened = opened;
        d.closed = closed;
        d.closedOnTime = closed / 2;
        d.closedOverdue = closed - closed / 2;
        d.onTimeRate = closed == 0 ? null : 0.5;
        return d;
    }

    private static LateCorrection late(int delta) {
        LateCorrection c = new LateCorrection();
        c.tableName = "requests_hourly";
        c.windowStart = Instant.parse("2022-01-19T14:00:00Z");
        c.windowKey = "city=boston|neighborhood=Roxbury";
        c.city = ServiceRequests.CITY;
        c.requestId = "7";
        c.caseEnquiryId = 7L;
        c.measure = "OPENED";
        c.delta = delta;
        return c;
    }
}
