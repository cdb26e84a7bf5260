package org.requestslakehouse.gold.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.requestslakehouse.model.RequestKey;
import org.requestslakehouse.model.ServiceRequest;
import org.requestslakehouse.silver.CaseIdKeySelector;
import org.requestslakehouse.testing.ServiceRequests;

class CaseLifecycleFunctionTest {
    private static final Instant OPEN = Instant.parse("2024-03-10T06:15:00Z");
    private static final Instant CLOSE = Instant.parse("2024-03-10T08:30:00Z");
    private static final Duration TTL = Duration.ofDays(400);

    private final InterceptedMetrics metrics = new InterceptedMetrics();
    private MockEnvironment environment;
    private KeyedOneInputStreamOperatorTestHarness<RequestKey, ServiceRequest, GoldDelta> harness;

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
        environment.close();
    }

    @Test
    void anOpenedCaseCountsOnceAsOpenedAndClosingItAddsOnlyTheClosedPart() throws Exception {
        start(TTL);
        process(open(1L, OPEN));
        process(closed(1L, OPEN, CLOSE, true, 2.25));

        assertThat(deltas())
                .extracting(d -> d.measure, d -> d.sign, d -> d.eventTs, d -> d.closedOnTime, d -> d.resolutionHours)
                .containsExactly(
                        tuple(Measure.OPENED, 1, OPEN, null, null), tuple(Measure.CLOSED, 1, CLOSE, true, 2.25));
        assertThat(deltas()).allSatisfy(d -> {
            assertThat(d.caseEnquiryId).isEqualTo(1L);
            assertThat(d.neighborhood).isEqualTo("Roxbury");
            assertThat(d.department).isEqualTo("PWDx");
            assertThat(d.type).isEqualTo("Request for Pothole Repair");
        });
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        assertThat(metrics.count("goldRetractions")).isZero();
    }

    @Test
    void aClosedCaseSeenFirstContributesBothParts() throws Exception {
        start(TTL);
        process(closed(1L, OPEN, CLOSE, false, 2.25));

        assertThat(deltas())
                .extracting(d -> d.measure, d -> d.sign, d -> d.closedOnTime)
                .containsExactly(tuple(Measure.OPENED, 1, null), tuple(Measure.CLOSED, 1, false));
    }

    @Test
    void aDuplicateOrAVersionChangingNoCountedFieldEmitsNothing() throws Exception {
        start(TTL);
        process(closed(1L, OPEN, CLOSE, true, 2.25));
        process(closed(1L, OPEN, CLOSE, true, 2.25));
        ServiceRequest reworded = closed(1L, OPEN, CLOSE, true, 2.25);
        reworded.closureReason = "Case Resolved. Pothole filled";
        reworded.neighborhood = "  Roxbury ";
        process(reworded);

        assertThat(deltas()).hasSize(2);
        assertThat(metrics.count("goldUnchangedVersions")).isEqualTo(2);
    }

    @Test
    void aCorrectedClosedTimeMovesTheClosedPart() throws Exception {
        start(TTL);
        Instant corrected = CLOSE.plus(Duration.ofHours(3));
        process(closed(1L, OPEN, CLOSE, true, 2.25));
        process(closed(1L, OPEN, corrected, false, 5.25));

        assertThat(deltas().subList(2, 4))
                .extracting(d -> d.measure, d -> d.sign, d -> d.eventTs, d -> d.closedOnTime, d -> d.resolutionHours)
                .containsExactly(
                        tuple(Measure.CLOSED, -1, CLOSE, true, 2.25), tuple(Measure.CLOSED, 1, corrected, false, 5.25));
        assertThat(metrics.count("goldRetractions")).isEqualTo(1);
    }

    @Test
    void aReopenedCaseLosesItsClosedPartAndKeepsItsOpenedPart() throws Exception {
        start(TTL);
        process(closed(1L, OPEN, CLOSE, true, 2.25));
        process(open(1L, OPEN));

        assertThat(deltas().subList(2, deltas().size()))
                .extracting(d -> d.measure, d -> d.sign, d -> d.eventTs, d -> d.closedOnTime, d -> d.resolutionHours)
                .containsExactly(tuple(Measure.CLOSED, -1, CLOSE, true, 2.25));
    }

    @Test
    void aChangedDimensionMovesBothParts() throws Exception {
        start(TTL);
        process(closed(1L, OPEN, CLOSE, true, 2.25));
        ServiceRequest moved = closed(1L, OPEN, CLOSE, true, 2.25);
        moved.neighborhood = "Dorchester";
        process(moved);

        assertThat(deltas().subList(2, deltas().size()))
                .extracting(d -> d.measure, d -> d.sign, d -> d.neighborhood)
                .containsExactly(
                        tuple(Measure.OPENED, -1, "Roxbury"),
                        tuple(Measure.CLOSED, -1, "Roxbury"),
                        tuple(Measure.OPENED, 1, "Dorchester"),
                        tuple(Measure.CLOSED, 1, "Dorchester"));
        assertThat(metrics.count("goldRetractions")).isEqualTo(2);
    }

    @Test
    void aMovedOpenTimeMovesOnlyTheOpenedPart() throws Exception {
        start(TTL);
        Instant earlier = OPEN.minus(Duration.ofDays(1));
        process(closed(1L, OPEN, CLOSE, true, 2.25));
        process(closed(1L, earlier, CLOSE, true, 2.25));

        assertThat(deltas().subList(2, deltas().size()))
                .extracting(d -> d.measure, d -> d.sign, d -> d.eventTs)
                .containsExactly(tuple(Measure.OPENED, -1, OPEN), tuple(Measure.OPENED, 1, earlier));
    }

    @Test
    void missingDimensionsCountAsUnknown() throws Exception {
        start(TTL);
        ServiceRequest bare = open(1L, OPEN);
        bare.neighborhood = null;
        bare.department = " ";
        bare.type = "Request\u00a0for  Pothole\tRepair ";
        process(bare);

        assertThat(deltas())
                .extracting(d -> d.neighborhood, d -> d.department, d -> d.type)
                .containsExactly(tuple("UNKNOWN", "UNKNOWN", "Request for Pothole Repair"));
    }

    @Test
    void tombstonesAreIgnoredAndLeaveNoState() throws Exception {
        start(TTL);
        ServiceRequest tombstone = new ServiceRequest();
        ServiceRequests.identify(tombstone, 1L);
        tombstone.openTs = OPEN;
        tombstone.tombstone = true;
        process(tombstone);

        assertThat(deltas()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(metrics.count("goldTombstonesIgnored")).isEqualTo(1);
    }

    @Test
    void aCaseUntouchedForLongerThanTheTtlIsForgotten() throws Exception {
        start(Duration.ofDays(1));
        harness.setStateTtlProcessingTime(0);
        process(open(1L, OPEN));
        harness.setStateTtlProcessingTime(Duration.ofDays(1).toMillis() + 1);
        process(open(1L, OPEN));

        assertThat(deltas())
                .extracting(d -> d.measure, d -> d.sign)
                .containsExactly(tuple(Measure.OPENED, 1), tuple(Measure.OPENED, 1));
    }

    @Test
    void withoutTtlACaseIsRememberedForever() throws Exception {
        start(Duration.ZERO);
        harness.setStateTtlProcessingTime(0);
        process(open(1L, OPEN));
        harness.setStateTtlProcessingTime(Duration.ofDays(10_000).toMillis());
        process(open(1L, OPEN));

        assertThat(deltas()).hasSize(1);
    }

    @Test
    void casesAreIndependent() throws Exception {
        start(TTL);
        process(open(1L, OPEN));
        process(open(2L, OPEN));

        assertThat(deltas()).extracting(d -> d.caseEnquiryId).containsExactly(1L, 2L);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
    }

    /** The same id from two cities: each counts once, under its own city, and neither retracts the other. */
    @Test
    void theSameIdInTwoCitiesIsTwoCases() throws Exception {
        start(TTL);
        ServiceRequest nyc = open(1L, OPEN);
        nyc.city = "nyc";
        process(open(1L, OPEN));
        process(nyc);

        assertThat(deltas())
                .extracting(
                        d -> d.city,
                        d -> d.requestId,
                        d -> d.measure,
                        d -> d.sign,
                        d -> d.dimensions().city())
                .containsExactly(
                        tuple("boston", "1", Measure.OPENED, 1, "boston"), tuple("nyc", "1", Measure.OPENED, 1, "nyc"));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        assertThat(metrics.count("goldRetractions")).isZero();
    }

    private void start(Duration ttl) throws Exception {
        environment = metrics.environment();
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new CaseLifecycleFunction(ttl)),
                new CaseIdKeySelector(),
                CaseIdKeySelector.KEY_TYPE,
                environment);
        harness.open();
    }

    private void process(ServiceRequest version) throws Exception {
        harness.processElement(new StreamRecord<>(version, version.openTs.toEpochMilli()));
    }

    private List<GoldDelta> deltas() {
        return harness.extractOutputValues();
    }

    static ServiceRequest open(long id, Instant openTs) {
        ServiceRequest r = new ServiceRequest();
        ServiceRequests.identify(r, id);
        r.openTs = openTs;
        r.caseStatus = "OPEN";
        r.neighborhood = "Roxbury";
        r.department = "PWDx";
        r.type = "Request for Pothole Repair";
        return r;
    }

    static ServiceRequest closed(long id, Instant openTs, Instant closedTs, Boolean onTime, Double hours) {
        ServiceRequest r = open(id, openTs);
        r.caseStatus = "CLOSED";
        r.closedTs = closedTs;
        r.closedOnTime = onTime;
        r.resolutionHours = hours;
        return r;
    }
}
