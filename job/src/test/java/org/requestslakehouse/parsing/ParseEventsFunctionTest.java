package org.requestslakehouse.parsing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;
import org.requestslakehouse.config.ParseConfig;
import org.requestslakehouse.csv.CsvEvent;
import org.requestslakehouse.csv.RealSamples;
import org.requestslakehouse.gold.lifecycle.InterceptedMetrics;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.model.RejectReason;
import org.requestslakehouse.model.RejectedEvent;
import org.requestslakehouse.model.ServiceRequest;

class ParseEventsFunctionTest {
    private static final byte[] MALFORMED = "{\"case_enquiry_id\":".getBytes(UTF_8);
    private static final byte[] NO_CASE_ID = "{\"open_dt\":\"2022-01-21 13:47:00\"}".getBytes(UTF_8);

    @Test
    void parsedRequestsGoToTheMainOutputAndRejectsToTheSideOutputWithTheirPayload() throws Exception {
        List<CsvEvent> rows = RealSamples.events(RealSamples.CKAN_2022);
        RawEvent first = raw("0", 10, rows.get(0).json());
        RawEvent malformed = raw("1", 11, MALFORMED);
        RawEvent second = raw("2", 12, rows.get(1).json());
        RawEvent noCaseId = raw("3", 13, NO_CASE_ID);

        try (OneInputStreamOperatorTestHarness<RawEvent, ServiceRequest> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(function())) {
            long before = System.currentTimeMillis();
            harness.processElement(first, 100L);
            harness.processElement(malformed, 101L);
            harness.processElement(second, 102L);
            harness.processElement(noCaseId, 103L);
            long after = System.currentTimeMillis();

            List<ServiceRequest> parsed = harness.extractOutputValues();
            assertThat(parsed).extracting(r -> r.caseEnquiryId).containsExactly(101004143000L, 101004130437L);
            assertThat(parsed)
                    .extracting(r -> r.sourceRef)
                    .containsExactly("kafka:requests/0@10", "kafka:requests/2@12");
            assertThat(harness.extractOutputStreamRecords())
                    .extracting(StreamRecord::getTimestamp)
                    .containsExactly(100L, 102L);

            List<RejectedEvent> rejected = harness.getSideOutput(ParseEventsFunction.REJECTED).stream()
                    .map(StreamRecord::getValue)
                    .toList();
            assertThat(rejected).extracting(r -> r.reasonCode).containsExactly("MALFORMED_JSON", "MISSING_CASE_ID");
            assertThat(rejected)
                    .extracting(r -> r.detail)
                    .containsExactly(
                            "Unexpected end-of-input within/between Object entries (line 1, column 20)",
                            "no case id (case_enquiry_id, case_id or an alias)");
            assertThat(rejected.get(0).payload).isEqualTo(MALFORMED);
            assertThat(rejected.get(1).payload).isEqualTo(NO_CASE_ID);
            assertThat(rejected).extracting(r -> r.sourcePartition).containsExactly("1", "3");
            assertThat(rejected).extracting(r -> r.sourcePosition).containsExactly("11", "13");
            assertThat(rejected).allSatisfy(r -> {
                assertThat(r.sourceType).isEqualTo("kafka");
                assertThat(r.sourceName).isEqualTo("requests");
                assertThat(r.ingestedAtMillis).isEqualTo(5_000L);
                assertThat(r.rejectedAtMillis).isBetween(before, after);
            });
        }
    }

    @Test
    void garbageNeverFailsTheOperator() throws Exception {
        try (OneInputStreamOperatorTestHarness<RawEvent, ServiceRequest> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(function())) {
            harness.processElement(raw("0", 1, null), 1L);
            harness.processElement(raw("0", 2, new byte[] {(byte) 0xFF, 0, 1}), 2L);
            harness.processElement(raw("0", 3, new byte[300 * 1024]), 3L);
            harness.processElement(raw("0", 4, "{}{}".getBytes(UTF_8)), 4L);

            assertThat(harness.extractOutputValues()).isEmpty();
            assertThat(harness.getSideOutput(ParseEventsFunction.REJECTED))
                    .extracting(r -> r.getValue().reasonCode)
                    .containsExactly("EMPTY_PAYLOAD", "INVALID_ENCODING", "PAYLOAD_TOO_LARGE", "MALFORMED_JSON");
        }
    }

    @Test
    void countersPerOutcomeAndPerRejectReasonInTheGroupCloudWatchReceives() throws Exception {
        InterceptedMetrics metrics = new InterceptedMetrics();
        MockEnvironment environment = metrics.environment();
        List<CsvEvent> rows = RealSamples.events(RealSamples.CKAN_2022);

        try (OneInputStreamOperatorTestHarness<RawEvent, ServiceRequest> harness =
                new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(function()), environment)) {
            harness.open();
            for (int i = 0; i < 5; i++) {
                harness.processElement(raw("0", i, rows.get(i).json()), i);
            }
            harness.processElement(raw("0", 5, MALFORMED), 5L);
            harness.processElement(raw("0", 6, MALFORMED), 6L);
            harness.processElement(raw("0", 7, NO_CASE_ID), 7L);

            assertThat(metrics.count("eventsIn")).isEqualTo(8);
            assertThat(metrics.count("eventsParsed")).isEqualTo(5);
            assertThat(metrics.count("eventsRejected")).isEqualTo(3);
            for (RejectReason reason : RejectReason.values()) {
                long expected = switch (reason) {
                    case MALFORMED_JSON -> 2;
                    case MISSING_CASE_ID -> 1;
                    default -> 0;
                };
                assertThat(metrics.count("eventsRejectedByReason", "reason", reason.name()))
                        .as(reason.name())
                        .isEqualTo(expected);
            }
            assertThat(metrics.only("eventsIn", Map.of()).scope()).endsWith(".operator.kinesisanalytics");
            assertThat(metrics.only("eventsRejectedByReason", Map.of("<reason>", "MALFORMED_JSON"))
                            .scope())
                    .endsWith(".operator.kinesisanalytics.reason");
        }
    }

    /**
     * A parser bug must quarantine the message with the exception, not fail the operator into a restart loop. The
     * stand-in for the bug is a parser whose configuration skipped validation: building its workspace throws
     * {@code ZoneRulesException} on every message it gets past the payload checks.
     */
    @Test
    void anExceptionInsideTheParserQuarantinesTheMessageAsParserError() throws Exception {
        List<CsvEvent> rows = RealSamples.events(RealSamples.CKAN_2022);
        ParseEventsFunction broken =
                new ParseEventsFunction(new RequestEventParser(new ParseConfig("Mars/Olympus_Mons", 4096)));
        InterceptedMetrics metrics = new InterceptedMetrics();

        try (OneInputStreamOperatorTestHarness<RawEvent, ServiceRequest> harness =
                new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(broken), metrics.environment())) {
            harness.open();
            harness.processElement(raw("4", 40, rows.get(0).json()), 1L);
            harness.processElement(raw("4", 41, new byte[0]), 2L);
            harness.processElement(raw("4", 42, rows.get(1).json()), 3L);

            assertThat(harness.extractOutputValues()).isEmpty();
            List<RejectedEvent> rejected = harness.getSideOutput(ParseEventsFunction.REJECTED).stream()
                    .map(StreamRecord::getValue)
                    .toList();
            assertThat(rejected)
                    .extracting(r -> r.reasonCode)
                    .containsExactly("PARSER_ERROR", "EMPTY_PAYLOAD", "PARSER_ERROR");
            String exception = "java.time.zone.ZoneRulesException: Unknown time-zone ID: Mars/Olympus_Mons";
            assertThat(rejected).extracting(r -> r.detail).containsExactly(exception, "payload is empty", exception);
            assertThat(rejected).extracting(r -> r.sourcePosition).containsExactly("40", "41", "42");
            assertThat(rejected.get(0).payload).isEqualTo(rows.get(0).json());
            assertThat(rejected.get(2).payload).isEqualTo(rows.get(1).json());
            assertThat(metrics.count("eventsRejectedByReason", "reason", "PARSER_ERROR"))
                    .isEqualTo(2);
            assertThat(metrics.count("eventsRejected")).isEqualTo(3);
            assertThat(metrics.count("eventsParsed")).isZero();
        }
    }

    private static ParseEventsFunction function() {
        return new ParseEventsFunction(new RequestEventParser(ParseConfig.defaults()));
    }

    private static RawEvent raw(String partition, long offset, byte[] payload) {
        return new RawEvent("kafka", "requests", partition, Long.toString(offset), null, 5_000L, payload);
    }
}
