package org.requestslakehouse.silver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.requestslakehouse.model.RequestKey;
import org.requestslakehouse.model.ServiceRequest;
import org.requestslakehouse.testing.ServiceRequests;

class LatestVersionFilterTest {
    private static final Instant OPEN = Instant.parse("2022-01-19T16:18:00Z");
    private static final Instant CLOSE = Instant.parse("2022-01-19T16:42:16Z");

    private KeyedOneInputStreamOperatorTestHarness<RequestKey, ServiceRequest, ServiceRequest> harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new LatestVersionFilter(Duration.ofDays(400))),
                new CaseIdKeySelector(),
                CaseIdKeySelector.KEY_TYPE);
        harness.open();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    @Test
    void laterVersionWinsWhateverTheArrivalOrder() throws Exception {
        process(closed(1L, OPEN, CLOSE));
        process(open(1L, OPEN));

        assertThat(emitted()).extracting(r -> r.caseStatus).containsExactly("CLOSED");
    }

    @Test
    void openThenClosedPassesBoth() throws Exception {
        process(open(1L, OPEN));
        process(closed(1L, OPEN, CLOSE));

        assertThat(emitted()).extracting(r -> r.caseStatus).containsExactly("OPEN", "CLOSED");
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    }

    @Test
    void replayedAndDuplicatedVersionsWriteNothing() throws Exception {
        process(open(1L, OPEN));
        process(closed(1L, OPEN, CLOSE));
        process(open(1L, OPEN));
        process(closed(1L, OPEN, CLOSE));

        assertThat(emitted()).hasSize(2);
    }

    @Test
    void closedBeforeOpenStillOrdersTheClosedVersionLast() throws Exception {
        Instant closedEarly = OPEN.minusSeconds(5);
        process(closed(1L, OPEN, closedEarly));
        process(open(1L, OPEN));

        assertThat(emitted()).extracting(r -> r.caseStatus).containsExactly("CLOSED");
    }

    @Test
    void movedOpenTimestampDeletesTheOldRowFirst() throws Exception {
        process(open(1L, OPEN));
        ServiceRequest corrected = closed(1L, OPEN.plusSeconds(60), CLOSE);
        process(corrected);

        List<ServiceRequest> out = emitted();
        assertThat(out).hasSize(3);
        assertThat(out.get(1).tombstone).isTrue();
        assertThat(out.get(1).caseEnquiryId).isEqualTo(1L);
        assertThat(out.get(1).openTs).isEqualTo(OPEN);
        assertThat(out.get(2).openTs).isEqualTo(corrected.openTs);
        assertThat(out.get(2).tombstone).isFalse();
    }

    @Test
    void sameTimeDifferentContentIsDecidedTheSameWayInEitherOrder() throws Exception {
        ServiceRequest a = closed(1L, OPEN, CLOSE);
        a.type = "Needle Pickup";
        ServiceRequest b = closed(1L, OPEN, CLOSE);
        b.type = "Pothole";
        process(a);
        process(b);
        String firstOrderWinner = emitted().get(emitted().size() - 1).type;

        tearDown();
        setUp();
        process(b);
        process(a);
        String secondOrderWinner = emitted().get(emitted().size() - 1).type;

        assertThat(firstOrderWinner).isEqualTo(secondOrderWinner);
    }

    @Test
    void casesAreIndependent() throws Exception {
        process(closed(1L, OPEN, CLOSE));
        process(open(2L, OPEN));

        assertThat(emitted()).extracting(r -> r.caseEnquiryId).containsExactly(1L, 2L);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
    }

    /**
     * The same id from two cities is two requests: neither version supersedes, duplicates or tombstones the other,
     * and each has its own state entry.
     */
    @Test
    void theSameIdInTwoCitiesIsTwoRequests() throws Exception {
        ServiceRequest boston = closed(1L, OPEN, CLOSE);
        ServiceRequest nyc = open(1L, OPEN.plusSeconds(60));
        nyc.city = "nyc";
        process(boston);
        process(nyc);
        process(closed(1L, OPEN, CLOSE));

        assertThat(emitted())
                .extracting(r -> r.city, r -> r.requestId, r -> r.caseStatus, r -> r.tombstone)
                .containsExactly(tuple("boston", "1", "CLOSED", false), tuple("nyc", "1", "OPEN", false));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
    }

    /**
     * job.state-ttl: a case untouched for the TTL is forgotten (its state is removed, not only hidden), and any
     * version of it is then new again, as docs/reliability.md states; until then even a re-read does not extend it.
     */
    @Test
    void aCaseUntouchedForTheStateTtlIsForgottenAndItsVersionsAreNewAgain() throws Exception {
        Duration ttl = Duration.ofDays(10);
        try (KeyedOneInputStreamOperatorTestHarness<RequestKey, ServiceRequest, ServiceRequest> ttlHarness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new LatestVersionFilter(ttl)),
                        new CaseIdKeySelector(),
                        CaseIdKeySelector.KEY_TYPE)) {
            ttlHarness.open();
            ttlHarness.setStateTtlProcessingTime(0);
            ttlHarness.processElement(new StreamRecord<>(closed(1L, OPEN, CLOSE)));
            ttlHarness.processElement(new StreamRecord<>(open(2L, OPEN)));

            ttlHarness.setStateTtlProcessingTime(ttl.toMillis() - 1);
            ttlHarness.processElement(new StreamRecord<>(open(1L, OPEN)));
            assertThat(ttlHarness.extractOutputValues())
                    .extracting(r -> r.caseEnquiryId)
                    .containsExactly(1L, 2L);
            assertThat(ttlHarness.numKeyedStateEntries()).isEqualTo(2);

            ttlHarness.setStateTtlProcessingTime(ttl.toMillis());
            // Every key selection runs the heap backend's incremental cleanup over a few entries (RocksDB's compaction
            // filter does the same job there); within a hundred accesses it has visited, and dropped, both expired
            // cases. How many it takes depends on which key groups the keys hash to.
            for (int access = 0; access < 100; access++) {
                ttlHarness.processElement(new StreamRecord<>(open(3L, OPEN)));
            }
            assertThat(ttlHarness.numKeyedStateEntries()).isEqualTo(1);

            ttlHarness.processElement(new StreamRecord<>(open(1L, OPEN)));
            List<ServiceRequest> out = ttlHarness.extractOutputValues();
            assertThat(out).extracting(r -> r.caseEnquiryId).containsExactly(1L, 2L, 3L, 1L);
            // the older OPEN version of case 1 is written, with no tombstone: nothing is known about the CLOSED one
            assertThat(out.get(3).caseStatus).isEqualTo("OPEN");
            assertThat(out).noneMatch(r -> r.tombstone);
            assertThat(ttlHarness.numKeyedStateEntries()).isEqualTo(2);
        }
    }

    private void process(ServiceRequest r) throws Exception {
        harness.processElement(new StreamRecord<>(r, r.openTs.toEpochMilli()));
    }

    private List<ServiceRequest> emitted() {
        return harness.extractOutputValues().stream().collect(Collectors.toList());
    }

    static ServiceRequest open(long id, Instant openTs) {
        ServiceRequest r = new ServiceRequest();
        ServiceRequests.identify(r, id);
        r.openTs = openTs;
        r.caseStatus = "OPEN";
        r.type = "Needle Pickup";
        r.neighborhood = "Boston";
        r.extraFields = "{}";
        r.dqFlags = new String[0];
        return r;
    }

    static ServiceRequest closed(long id, Instant openTs, Instant closedTs) {
        ServiceRequest r = open(id, openTs);
        r.closedTs = closedTs;
        r.caseStatus = "CLOSED";
        return r;
    }
}
