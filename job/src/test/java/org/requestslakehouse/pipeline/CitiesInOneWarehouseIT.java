package org.requestslakehouse.pipeline;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.data.Record;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;
import org.requestslakehouse.testing.KafkaBrokerExtension;
import org.requestslakehouse.testing.LakehouseAssertions;
import org.requestslakehouse.testing.TestJobs;
import org.requestslakehouse.verify.GoldVerifier;

/**
 * Two cities publishing the same ids, each in its own layout, interleaved in one Kafka topic and read by one run
 * into one warehouse: each message's city is recognised from its keys, every request of each city is its own silver
 * row, gold counts each city in rows of its own, and gold verifies against silver.
 */
class CitiesInOneWarehouseIT {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = TestJobs.miniCluster();

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private static final String TOPIC = "two-cities";

    /**
     * Same ids in both cities; 1001 is closed in Boston but open in New York, 1003 opens in a Roxbury in each. Times
     * are local, UTC-4 on 2024-03-12 in both cities.
     */
    private static final List<String> BOSTON = List.of(
            request("1001", "2024-03-12 10:05:00", "2024-03-12 12:35:00", "Roxbury", "PWDx"),
            request("1002", "2024-03-12 10:20:00", null, "Dorchester", "PWDx"),
            request("1003", "2024-03-12 11:10:00", null, "Roxbury", "PWDx"),
            "{\"case_enquiry_id\":\"1004\"}",
            "{\"case_enquiry_id\":");

    /** The same ids in New York's portal layout, its local times written as the portal writes them. */
    private static final List<String> NYC = List.of(
            nycRequest("1001", "03/12/2024 10:05:00 AM", null, "Brooklyn", "DOT"),
            nycRequest("1002", "03/12/2024 10:20:00 AM", "03/12/2024 01:20:00 PM", "Queens", "DOT"),
            nycRequest("1003", "03/12/2024 11:10:00 AM", null, "Roxbury", "PWDx"),
            "{\"Unique Key\":\"1004\",\"Agency\":\"DOT\"}",
            "{\"Unique Key\":");

    @Test
    void theSameIdsFromTwoCitiesLandAsSeparateRequestsAndGoldVerifiesPerCity(@TempDir Path warehouse) throws Exception {
        KAFKA.createTopic(TOPIC, 2);
        List<String> interleaved = new ArrayList<>();
        for (int i = 0; i < BOSTON.size(); i++) {
            interleaved.add(BOSTON.get(i));
            interleaved.add(NYC.get(i));
        }
        // Record timestamps near the wall clock: the broker's time-based retention deletes older ones.
        KAFKA.produceRecords(records(interleaved, System.currentTimeMillis()));
        JobConfig config = TestJobs.config(warehouse, TestJobs.boundedKafkaSource(KAFKA.bootstrapServers(), TOPIC));
        TestJobs.runBounded(config);

        assertThat(rows(config, LakehouseTable.SERVICE_REQUESTS))
                .extracting(
                        r -> r.getField("city"),
                        r -> r.getField("request_id"),
                        r -> r.getField("case_enquiry_id"),
                        r -> r.getField("neighborhood"),
                        r -> r.getField("case_status"))
                .containsExactlyInAnyOrder(
                        tuple("boston", "1001", 1001L, "Roxbury", "CLOSED"),
                        tuple("boston", "1002", 1002L, "Dorchester", "OPEN"),
                        tuple("boston", "1003", 1003L, "Roxbury", "OPEN"),
                        tuple("nyc", "1001", 1001L, "Brooklyn", "OPEN"),
                        tuple("nyc", "1002", 1002L, "Queens", "CLOSED"),
                        tuple("nyc", "1003", 1003L, "Roxbury", "OPEN"));

        // Bronze is written before parsing: a run that recognises each message's city leaves bronze's city null.
        assertThat(rows(config, LakehouseTable.RAW_EVENTS))
                .extracting(r -> r.getField("city"))
                .hasSize(10)
                .containsOnlyNulls();
        // A message that is not even JSON has no city unless the run is forced to one.
        assertThat(rows(config, LakehouseTable.REJECTED_EVENTS))
                .extracting(r -> r.getField("reason_code"), r -> r.getField("city"))
                .containsExactlyInAnyOrder(
                        tuple("MISSING_OPEN_TS", "boston"),
                        tuple("MALFORMED_JSON", null),
                        tuple("MISSING_OPEN_TS", "nyc"),
                        tuple("MALFORMED_JSON", null));

        assertThat(rows(config, LakehouseTable.REQUESTS_HOURLY))
                .extracting(
                        r -> ((OffsetDateTime) r.getField("window_start"))
                                .toInstant()
                                .toString(),
                        r -> r.getField("city"),
                        r -> r.getField("neighborhood"),
                        r -> r.getField("opened"),
                        r -> r.getField("closed"))
                .containsExactlyInAnyOrder(
                        tuple("2024-03-12T14:00:00Z", "boston", "Roxbury", 1L, 0L),
                        tuple("2024-03-12T14:00:00Z", "boston", "Dorchester", 1L, 0L),
                        tuple("2024-03-12T15:00:00Z", "boston", "Roxbury", 1L, 0L),
                        tuple("2024-03-12T16:00:00Z", "boston", "Roxbury", 0L, 1L),
                        tuple("2024-03-12T14:00:00Z", "nyc", "Brooklyn", 1L, 0L),
                        tuple("2024-03-12T14:00:00Z", "nyc", "Queens", 1L, 0L),
                        tuple("2024-03-12T15:00:00Z", "nyc", "Roxbury", 1L, 0L),
                        tuple("2024-03-12T17:00:00Z", "nyc", "Queens", 0L, 1L));
        assertThat(rows(config, LakehouseTable.SLA_DAILY))
                .extracting(
                        r -> r.getField("day"),
                        r -> r.getField("city"),
                        r -> r.getField("department"),
                        r -> r.getField("opened"),
                        r -> r.getField("closed"))
                .containsExactlyInAnyOrder(
                        tuple(LocalDate.parse("2024-03-12"), "boston", "PWDx", 3L, 1L),
                        tuple(LocalDate.parse("2024-03-12"), "nyc", "DOT", 2L, 1L),
                        tuple(LocalDate.parse("2024-03-12"), "nyc", "PWDx", 1L, 0L));
        assertThat(rows(config, LakehouseTable.LATE_CORRECTIONS)).isEmpty();

        ByteArrayOutputStream report = new ByteArrayOutputStream();
        assertThat(GoldVerifier.verify(config, new PrintStream(report, true, UTF_8)))
                .as(report.toString(UTF_8))
                .isTrue();
        assertThat(report.toString(UTF_8)).contains("by city: boston 3, nyc 3");
    }

    private static String request(String id, String open, String closed, String neighborhood, String department) {
        return "{\"case_enquiry_id\":\"" + id + "\",\"open_dt\":\"" + open + "\""
                + (closed == null ? "" : ",\"closed_dt\":\"" + closed + "\"")
                + ",\"case_status\":\"" + (closed == null ? "Open" : "Closed") + "\""
                + ",\"neighborhood\":\"" + neighborhood + "\",\"department\":\"" + department + "\""
                + ",\"type\":\"Request for Pothole Repair\"}";
    }

    private static String nycRequest(String id, String created, String closed, String communityBoard, String agency) {
        return "{\"Unique Key\":\"" + id + "\",\"Created Date\":\"" + created + "\""
                + ",\"Closed Date\":\"" + (closed == null ? "" : closed) + "\""
                + ",\"Agency\":\"" + agency + "\",\"Complaint Type\":\"Street Condition\""
                + ",\"Status\":\"" + (closed == null ? "Open" : "Closed") + "\""
                + ",\"Community Board\":\"" + communityBoard + "\"}";
    }

    private static List<ProducerRecord<byte[], byte[]>> records(List<String> payloads, long timestamp) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            records.add(new ProducerRecord<>(
                    TOPIC, i % 2, timestamp + i, null, payloads.get(i).getBytes(UTF_8)));
        }
        return records;
    }

    private static List<Record> rows(JobConfig config, LakehouseTable table) {
        return LakehouseAssertions.rows(config.catalog(), table);
    }
}
