package org.requestslakehouse.sinks.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.types.RowKind;
import org.junit.jupiter.api.Test;
import org.requestslakehouse.gold.GoldWatermark;
import org.requestslakehouse.gold.LateCorrection;
import org.requestslakehouse.gold.tables.DailyByDepartmentAndType;
import org.requestslakehouse.gold.tables.HourlyByNeighborhood;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.model.RejectReason;
import org.requestslakehouse.model.RejectedEvent;
import org.requestslakehouse.model.ServiceRequest;
import org.requestslakehouse.model.ServiceRequestColumn;
import org.requestslakehouse.testing.BostonGold;
import org.requestslakehouse.testing.ServiceRequests;

class ConvertersTest {
    private static final Instant OPEN = Instant.parse("2022-01-19T14:02:33.123456Z");
    private static final Instant CLOSED = Instant.parse("2022-01-20T09:30:00Z");

    @Test
    void rawEventKeepsBytesAndSourceCoordinates() throws Exception {
        byte[] payload = {'{', (byte) 0xC3, (byte) 0x28, '}'};
        RawEvent raw = new RawEvent("kafka", "boston311", "3", "1042", 1_700_000_000_123L, 1_700_000_001_000L, payload);
        RawEventConverter converter = new RawEventConverter();
        Fields row = new Fields(converter.map(raw), converter.rowType());

        assertThat(row.kind()).isEqualTo(RowKind.INSERT);
        assertThat(row.string("source_type")).isEqualTo("kafka");
        assertThat(row.string("source_name")).isEqualTo("boston311");
        assertThat(row.string("source_partition")).isEqualTo("3");
        assertThat(row.string("source_position")).isEqualTo("1042");
        assertThat(row.instant("source_ts")).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
        assertThat(row.instant("ingested_at")).isEqualTo(Instant.ofEpochMilli(1_700_000_001_000L));
        assertThat(row.binary("payload")).containsExactly(payload);
        assertThat(row.integer("payload_size")).isEqualTo(4);
        assertThat(row.isNull("city")).isTrue();
    }

    /** Bronze is written before parsing: its city is the run's forced city, on every row alike. */
    @Test
    void rawEventCarriesTheForcedCity() throws Exception {
        RawEvent raw = new RawEvent("csv", "/data/a.csv", null, "7", null, 5L, new byte[] {'{', '}'});
        RawEventConverter converter = new RawEventConverter("nyc");
        assertThat(new Fields(converter.map(raw), converter.rowType()).string("city"))
                .isEqualTo("nyc");
    }

    @Test
    void rawEventWithoutSourceTimestampOrPayload() throws Exception {
        RawEvent raw = new RawEvent("csv", "/data/a.csv", null, "7", null, 5L, null);
        RawEventConverter converter = new RawEventConverter();
        Fields row = new Fields(converter.map(raw), converter.rowType());
        assertThat(row.isNull("source_partition")).isTrue();
        assertThat(row.isNull("source_ts")).isTrue();
        assertThat(row.isNull("payload")).isTrue();
        assertThat(row.isNull("payload_size")).isTrue();
    }

    @Test
    void rawEventWithoutSourceNameIsABug() {
        RawEvent raw = new RawEvent("csv", null, null, "7", null, 5L, new byte[0]);
        assertThatThrownBy(() -> new RawEventConverter().map(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("raw_events.source_name is required but null in RawEvent{csv:null/null@7");
    }

    @Test
    void serviceRequestBecomesAnInsertWithEveryColumn() throws Exception {
        ServiceRequestConverter converter = new ServiceRequestConverter();
        Fields row = new Fields(converter.map(ServiceRequests.closedCase()), converter.rowType());

        assertThat(row.kind()).isEqualTo(RowKind.INSERT);
        assertThat(row.arity()).isEqualTo(ServiceRequestColumn.values().length);
        assertThat(row.longValue("case_enquiry_id")).isEqualTo(101004125189L);
        assertThat(row.instant("open_ts")).isEqualTo(OPEN);
        assertThat(row.instant("sla_target_ts")).isEqualTo(Instant.parse("2022-01-21T14:02:33Z"));
        assertThat(row.instant("closed_ts")).isEqualTo(CLOSED);
        assertThat(row.string("case_status")).isEqualTo("CLOSED");
        assertThat(row.string("on_time_status")).isEqualTo("ONTIME");
        assertThat(row.bool("closed_on_time")).isTrue();
        assertThat(row.doubleValue("resolution_hours")).isEqualTo(19.46);
        assertThat(row.doubleValue("sla_hours")).isEqualTo(48.0);
        assertThat(row.string("closure_reason")).isEqualTo("Case Closed. Case Resolved.");
        assertThat(row.string("closure_category")).isEqualTo("RESOLVED");
        assertThat(row.instant("closure_reported_ts")).isEqualTo(Instant.parse("2022-01-20T09:29:00Z"));
        assertThat(row.string("case_title")).isEqualTo("Request for Pothole Repair");
        assertThat(row.string("subject")).isEqualTo("Public Works Department");
        assertThat(row.string("reason")).isEqualTo("Highway Maintenance");
        assertThat(row.string("type")).isEqualTo("Request for Pothole Repair");
        assertThat(row.string("queue")).isEqualTo("PWDx_District 10B: West Roxbury");
        assertThat(row.string("department")).isEqualTo("PWDx");
        assertThat(row.strings("submitted_photos")).containsExactly("https://a/1.jpg", "https://a/2.jpg");
        assertThat(row.strings("closed_photos")).isEmpty();
        assertThat(row.string("location")).isEqualTo("INTERSECTION of Centre St & Maple St, West Roxbury, MA");
        assertThat(row.string("location_street_name")).isEqualTo("Centre St");
        assertThat(row.string("zipcode")).isEqualTo("02132");
        assertThat(row.string("fire_district")).isEqualTo("12");
        assertThat(row.string("pwd_district")).isEqualTo("10B");
        assertThat(row.string("city_council_district")).isEqualTo("6");
        assertThat(row.string("police_district")).isEqualTo("E5");
        assertThat(row.string("neighborhood")).isEqualTo("West Roxbury");
        assertThat(row.string("neighborhood_services_district")).isEqualTo("12");
        assertThat(row.integer("ward")).isEqualTo(20);
        assertThat(row.string("precinct")).isEqualTo("2008");
        assertThat(row.string("land_usage")).isEqualTo("R1");
        assertThat(row.string("property_type")).isEqualTo("Intersection");
        assertThat(row.string("property_id")).isEqualTo("12345");
        assertThat(row.doubleValue("latitude")).isEqualTo(42.2866);
        assertThat(row.doubleValue("longitude")).isEqualTo(-71.1496);
        assertThat(row.string("source")).isEqualTo("Citizens Connect App");
        assertThat(row.date("open_date_local")).isEqualTo(LocalDate.of(2022, 1, 19));
        assertThat(row.string("source_layout")).isEqualTo("CKAN_2019");
        assertThat(row.string("event_type")).isEqualTo("CLOSED");
        assertThat(row.instant("emitted_at")).isEqualTo(Instant.parse("2022-01-20T09:31:00Z"));
        assertThat(row.instant("event_ts")).isEqualTo(Instant.parse("2022-01-20T09:31:00Z"));
        assertThat(row.strings("dq_flags")).containsExactly("ZIP_LEADING_ZERO_RESTORED", "WARD_PREFIX_STRIPPED");
        assertThat(row.string("extra_fields")).isEqualTo("{\"_id\":\"7\"}");
        assertThat(row.instant("ingested_at")).isEqualTo(Instant.ofEpochMilli(1_650_000_000_000L));
        assertThat(row.string("source_ref")).isEqualTo("kafka:boston311/0@17");
    }

    @Test
    void serviceRequestNullsStayNull() throws Exception {
        ServiceRequest open = new ServiceRequest();
        open.city = "boston";
        open.requestId = "SR-1";
        open.openTs = OPEN;
        open.ingestedAtMillis = 1L;
        ServiceRequestConverter converter = new ServiceRequestConverter();
        RowData row = converter.map(open);
        for (int i = 0; i < row.getArity(); i++) {
            String column = converter.rowType().getFieldNames().get(i);
            boolean alwaysSet = column.equals("open_ts")
                    || column.equals("ingested_at")
                    || column.equals("city")
                    || column.equals("request_id");
            assertThat(row.isNullAt(i)).as(column).isEqualTo(!alwaysSet);
        }
    }

    @Test
    void serviceRequestWithoutOpenTsIsABugAsAVersionAndAsATombstone() {
        ServiceRequest r = ServiceRequests.closedCase();
        r.openTs = null;
        ServiceRequestConverter converter = new ServiceRequestConverter();
        assertThatThrownBy(() -> converter.map(r))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("service_requests.open_ts is required but null in ServiceRequest{101004125189");
        r.tombstone = true;
        assertThatThrownBy(() -> converter.map(r))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("service_requests.open_ts is required but null in ServiceRequest{101004125189");
    }

    @Test
    void textOutsideAsciiIsEncodedAsUtf8() throws Exception {
        ServiceRequest request = ServiceRequests.closedCase();
        request.neighborhood = "Caf\u00e9 \u2014 \uD83D\uDE00";
        request.submittedPhotos = new String[] {"https://a/\u00fc.jpg"};
        ServiceRequestConverter converter = new ServiceRequestConverter();
        Fields row = new Fields(converter.map(request), converter.rowType());

        assertThat(row.row().getString(row.type().getFieldIndex("neighborhood")).toBytes())
                .isEqualTo(request.neighborhood.getBytes(StandardCharsets.UTF_8));
        assertThat(row.string("neighborhood")).isEqualTo(request.neighborhood);
        assertThat(row.strings("submitted_photos")).containsExactly("https://a/\u00fc.jpg");
    }

    @Test
    void tombstoneBecomesAKeyOnlyDelete() throws Exception {
        ServiceRequest tombstone = ServiceRequests.closedCase();
        tombstone.tombstone = true;
        ServiceRequestConverter converter = new ServiceRequestConverter();
        Fields row = new Fields(converter.map(tombstone), converter.rowType());

        assertThat(row.kind()).isEqualTo(RowKind.DELETE);
        assertThat(row.arity()).isEqualTo(ServiceRequestColumn.values().length);
        assertThat(row.instant("open_ts")).isEqualTo(OPEN);
        assertThat(row.string("city")).isEqualTo("boston");
        assertThat(row.string("request_id")).isEqualTo("101004125189");
        for (String column : converter.rowType().getFieldNames()) {
            if (!Set.of("open_ts", "city", "request_id").contains(column)) {
                assertThat(row.isNull(column)).as(column).isTrue();
            }
        }
    }

    @Test
    void rejectedEvent() throws Exception {
        RawEvent raw =
                new RawEvent("kinesis", "requests", "shardId-000000000001", "4960", null, 10L, new byte[] {'[', ']'});
        RejectedEvent rejected = RejectedEvent.of(raw, RejectReason.NOT_AN_OBJECT, "top-level value is an array", 20L);
        RejectedEventConverter converter = new RejectedEventConverter();
        Fields row = new Fields(converter.map(rejected), converter.rowType());

        assertThat(row.kind()).isEqualTo(RowKind.INSERT);
        assertThat(row.string("reason_code")).isEqualTo("NOT_AN_OBJECT");
        assertThat(row.string("detail")).isEqualTo("top-level value is an array");
        assertThat(row.string("source_type")).isEqualTo("kinesis");
        assertThat(row.string("source_name")).isEqualTo("requests");
        assertThat(row.string("source_partition")).isEqualTo("shardId-000000000001");
        assertThat(row.string("source_position")).isEqualTo("4960");
        assertThat(row.instant("ingested_at")).isEqualTo(Instant.ofEpochMilli(10L));
        assertThat(row.instant("rejected_at")).isEqualTo(Instant.ofEpochMilli(20L));
        assertThat(row.binary("payload")).containsExactly('[', ']');
        assertThat(row.isNull("city")).isTrue();

        RejectedEvent inCity = RejectedEvent.of(raw, RejectReason.MISSING_OPEN_TS, "no open timestamp", "boston", 20L);
        assertThat(new Fields(converter.map(inCity), converter.rowType()).string("city"))
                .isEqualTo("boston");
    }

    @Test
    void hourlyRequests() throws Exception {
        HourlyByNeighborhood.Row h = new HourlyByNeighborhood.Row();
        h.windowStart = Instant.parse("2022-01-19T14:00:00Z");
        h.city = "boston";
        h.neighborhood = "Roxbury";
        h.opened = 5;
        h.closed = 3;
        h.closedOnTime = 2;
        h.closedOverdue = 1;
        h.resolutionHoursP50 = 4.5;
        h.updatedAt = Instant.parse("2022-01-19T15:00:01Z");
        GoldRowConverter<HourlyByNeighborhood.Row> converter = new GoldRowConverter<>(BostonGold.HOURLY);
        Fields row = new Fields(converter.map(h), converter.rowType());

        assertThat(row.kind()).isEqualTo(RowKind.INSERT);
        assertThat(row.instant("window_start")).isEqualTo(h.windowStart);
        assertThat(row.string("city")).isEqualTo("boston");
        assertThat(row.string("neighborhood")).isEqualTo("Roxbury");
        assertThat(row.longValue("opened")).isEqualTo(5L);
        assertThat(row.longValue("closed")).isEqualTo(3L);
        assertThat(row.longValue("closed_on_time")).isEqualTo(2L);
        assertThat(row.longValue("closed_overdue")).isEqualTo(1L);
        assertThat(row.doubleValue("resolution_hours_p50")).isEqualTo(4.5);
        assertThat(row.isNull("resolution_hours_p90")).isTrue();
        assertThat(row.instant("updated_at")).isEqualTo(h.updatedAt);
    }

    @Test
    void hourlyRequestsWithoutNeighborhoodIsABug() {
        HourlyByNeighborhood.Row h = new HourlyByNeighborhood.Row();
        h.windowStart = Instant.parse("2022-01-19T14:00:00Z");
        h.city = "boston";
        assertThatThrownBy(() -> new GoldRowConverter<>(BostonGold.HOURLY).map(h))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("requests_hourly.neighborhood is required but null");
    }

    @Test
    void dailySla() throws Exception {
        DailyByDepartmentAndType.Row d = new DailyByDepartmentAndType.Row();
        d.day = LocalDate.of(2022, 1, 19);
        d.city = "boston";
        d.department = "PWDx";
        d.type = "Request for Pothole Repair";
        d.opened = 10;
        d.closed = 8;
        d.closedOnTime = 6;
        d.closedOverdue = 2;
        d.onTimeRate = 0.75;
        d.meanResolutionHours = 12.25;
        d.resolutionHoursP50 = 10.0;
        d.resolutionHoursP90 = 30.0;
        d.updatedAt = Instant.parse("2022-01-20T05:00:00Z");
        GoldRowConverter<DailyByDepartmentAndType.Row> converter = new GoldRowConverter<>(BostonGold.DAILY);
        Fields row = new Fields(converter.map(d), converter.rowType());

        assertThat(row.date("day")).isEqualTo(LocalDate.of(2022, 1, 19));
        assertThat(row.string("city")).isEqualTo("boston");
        assertThat(row.string("department")).isEqualTo("PWDx");
        assertThat(row.string("type")).isEqualTo("Request for Pothole Repair");
        assertThat(row.longValue("opened")).isEqualTo(10L);
        assertThat(row.longValue("closed")).isEqualTo(8L);
        assertThat(row.longValue("closed_on_time")).isEqualTo(6L);
        assertThat(row.longValue("closed_overdue")).isEqualTo(2L);
        assertThat(row.doubleValue("on_time_rate")).isEqualTo(0.75);
        assertThat(row.doubleValue("mean_resolution_hours")).isEqualTo(12.25);
        assertThat(row.doubleValue("resolution_hours_p50")).isEqualTo(10.0);
        assertThat(row.doubleValue("resolution_hours_p90")).isEqualTo(30.0);
        assertThat(row.instant("updated_at")).isEqualTo(d.updatedAt);
    }

    @Test
    void goldWatermark() throws Exception {
        GoldWatermark w = new GoldWatermark(
                "requests_hourly", Instant.parse("2022-01-19T14:00:00Z"), Instant.parse("2022-01-19T14:05:00Z"));
        GoldWatermarkConverter converter = new GoldWatermarkConverter();
        Fields row = new Fields(converter.map(w), converter.rowType());
        assertThat(row.string("table_name")).isEqualTo("requests_hourly");
        assertThat(row.instant("complete_through")).isEqualTo(w.completeThrough);
        assertThat(row.instant("updated_at")).isEqualTo(w.updatedAt);
    }

    @Test
    void lateCorrection() throws Exception {
        LateCorrection c = new LateCorrection();
        c.tableName = "sla_daily";
        c.windowStart = Instant.parse("2022-01-19T05:00:00Z");
        c.windowKey = "department=PWDx|type=Pothole";
        c.city = "boston";
        c.requestId = "42";
        c.caseEnquiryId = 42L;
        c.measure = "CLOSED";
        c.delta = -1;
        c.eventTs = Instant.parse("2022-01-19T06:00:00Z");
        c.watermark = Instant.parse("2022-01-25T00:00:00Z");
        c.detectedAt = Instant.parse("2022-01-25T00:00:01Z");
        LateCorrectionConverter converter = new LateCorrectionConverter();
        Fields row = new Fields(converter.map(c), converter.rowType());
        assertThat(row.string("table_name")).isEqualTo("sla_daily");
        assertThat(row.instant("window_start")).isEqualTo(c.windowStart);
        assertThat(row.string("window_key")).isEqualTo("department=PWDx|type=Pothole");
        assertThat(row.longValue("case_enquiry_id")).isEqualTo(42L);
        assertThat(row.string("city")).isEqualTo("boston");
        assertThat(row.string("request_id")).isEqualTo("42");
        assertThat(row.string("measure")).isEqualTo("CLOSED");
        assertThat(row.integer("delta")).isEqualTo(-1);
        assertThat(row.instant("event_ts")).isEqualTo(c.eventTs);
        assertThat(row.instant("watermark")).isEqualTo(c.watermark);
        assertThat(row.instant("detected_at")).isEqualTo(c.detectedAt);
    }

    @Test
    void producedTypeIsTheTablesInternalRowType() {
        ServiceRequestConverter converter = new ServiceRequestConverter();
        assertThat(converter.getProducedType()).isEqualTo(InternalTypeInfo.of(converter.rowType()));
        assertThat(converter.rowType().getFieldNames())
                .containsExactlyElementsOf(Arrays.stream(ServiceRequestColumn.values())
                        .map(ServiceRequestColumn::column)
                        .toList())
                .startsWith("case_enquiry_id", "open_ts");
    }

    /** Reads a converted row by column name, so a column-order slip in a converter fails here by name. */
    private record Fields(RowData row, RowType type) {
        RowKind kind() {
            return row.getRowKind();
        }

        int arity() {
            return row.getArity();
        }

        private int pos(String column) {
            int index = type.getFieldIndex(column);
            assertThat(index).as("column " + column).isNotNegative();
            return index;
        }

        boolean isNull(String column) {
            return row.isNullAt(pos(column));
        }

        String string(String column) {
            StringData value = row.getString(pos(column));
            return value.toString();
        }

        long longValue(String column) {
            return row.getLong(pos(column));
        }

        int integer(String column) {
            return row.getInt(pos(column));
        }

        double doubleValue(String column) {
            return row.getDouble(pos(column));
        }

        boolean bool(String column) {
            return row.getBoolean(pos(column));
        }

        Instant instant(String column) {
            TimestampData value = row.getTimestamp(pos(column), 6);
            return value.toInstant();
        }

        LocalDate date(String column) {
            return LocalDate.ofEpochDay(row.getInt(pos(column)));
        }

        byte[] binary(String column) {
            return row.getBinary(pos(column));
        }

        String[] strings(String column) {
            ArrayData array = row.getArray(pos(column));
            String[] out = new String[array.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = array.getString(i).toString();
            }
            return out;
        }
    }
}
