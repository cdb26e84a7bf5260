package org.requestslakehouse.gold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.requestslakehouse.gold.Deltas.closed;
import static org.requestslakehouse.gold.Deltas.opened;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.requestslakehouse.gold.lifecycle.CaseDimensions;
import org.requestslakehouse.gold.lifecycle.GoldDelta;
import org.requestslakehouse.gold.tables.DailyByDepartmentAndType;
import org.requestslakehouse.testing.ServiceRequests;

/** Boston-local days, 23 and 25 hours long around the daylight-saving changes. */
class DailyWindowsTest {
    private static final ZoneId BOSTON = ZoneId.of("America/New_York");
    private static final DailyByDepartmentAndType GRAIN = new DailyByDepartmentAndType(BOSTON);
    private static final CaseDimensions DIMS =
            new CaseDimensions(ServiceRequests.CITY, "Roxbury", Deltas.DEPARTMENT, Deltas.TYPE);

    private KeyedOneInputStreamOperatorTestHarness<
                    DailyByDepartmentAndType.Key, WindowChange, DailyByDepartmentAndType.Row>
            harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(
                        new WindowedGoldAggregator<>(GRAIN, Duration.ofSeconds(5), Duration.ofDays(1))),
                new GrainKeySelector<>(GRAIN),
                GRAIN.keyType());
        harness.open();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    @ParameterizedTest
    @CsvSource({
        "2024-03-10T04:59:59Z, 2024-03-09",
        "2024-03-10T05:00:00Z, 2024-03-10",
        "2024-03-10T07:30:00Z, 2024-03-10",
        "2024-03-11T03:59:59Z, 2024-03-10",
        "2024-03-11T04:00:00Z, 2024-03-11",
        "2024-11-03T03:59:59Z, 2024-11-02",
        "2024-11-03T04:00:00Z, 2024-11-03",
        "2024-11-04T04:30:00Z, 2024-11-03",
        "2024-11-04T05:00:00Z, 2024-11-04"
    })
    void aMomentBelongsToItsBostonCalendarDay(String moment, String day) {
        assertThat(GRAIN.keyOf(Instant.parse(moment), DIMS).day).isEqualTo(LocalDate.parse(day));
    }

    @ParameterizedTest
    @CsvSource({
        "2024-03-09, 2024-03-09T05:00:00Z, 24",
        "2024-03-10, 2024-03-10T05:00:00Z, 23",
        "2024-11-03, 2024-11-03T04:00:00Z, 25",
        "2024-11-04, 2024-11-04T05:00:00Z, 24"
    })
    void aDayRunsFromLocalMidnightToTheNextLocalMidnight(String day, String start, long hours) {
        DailyByDepartmentAndType.Key key = new DailyByDepartmentAndType.Key(
                LocalDate.parse(day), ServiceRequests.CITY, Deltas.DEPARTMENT, Deltas.TYPE);

        assertThat(GRAIN.windowStart(key)).isEqualTo(Instant.parse(start));
        assertThat(Duration.between(GRAIN.windowStart(key), GRAIN.windowEnd(key)))
                .isEqualTo(Duration.ofHours(hours));
    }

    @Test
    void theSpringForwardDayFiresAfter23Hours() throws Exception {
        process(opened(1, 1, "2024-03-10T05:00:00Z", "Roxbury"));
        process(opened(2, 1, "2024-03-11T03:59:59Z", "Roxbury"));
        process(opened(3, 1, "2024-03-11T04:00:00Z", "Roxbury"));

        harness.processWatermark(Instant.parse("2024-03-11T04:00:00Z").toEpochMilli() - 1);

        assertThat(rows())
                .extracting(r -> r.day, r -> r.opened)
                .containsExactly(tuple(LocalDate.parse("2024-03-10"), 2L));
    }

    @Test
    void theFallBackDayFiresAfter25Hours() throws Exception {
        process(opened(1, 1, "2024-11-03T04:00:00Z", "Roxbury"));
        process(opened(2, 1, "2024-11-04T04:30:00Z", "Roxbury"));

        harness.processWatermark(Instant.parse("2024-11-04T04:00:00Z").toEpochMilli() - 1);
        assertThat(rows())
                .as("24 hours after local midnight the day is not over yet")
                .isEmpty();

        harness.processWatermark(Instant.parse("2024-11-04T05:00:00Z").toEpochMilli() - 1);
        assertThat(rows())
                .extracting(r -> r.day, r -> r.opened)
                .containsExactly(tuple(LocalDate.parse("2024-11-03"), 2L));
    }

    @Test
    void aDayRowCarriesItsSlaStatistics() throws Exception {
        process(closed(1, 1, "2024-03-12T14:00:00Z", "Roxbury", true, 1.0));
        process(closed(2, 1, "2024-03-12T15:00:00Z", "Dorchester", true, 2.0));
        process(closed(3, 1, "2024-03-12T16:00:00Z", "Roxbury", false, 6.0));
        process(closed(4, 1, "2024-03-12T17:00:00Z", "Roxbury", null, 3.0));
        process(closed(5, 1, "2024-03-12T18:00:00Z", "Roxbury", false, null));

        harness.processWatermark(Instant.parse("2024-03-13T04:00:00Z").toEpochMilli() - 1);

        DailyByDepartmentAndType.Row row = rows().get(0);
        assertThat(rows()).hasSize(1);
        assertThat(row.day).isEqualTo(LocalDate.parse("2024-03-12"));
        assertThat(row.department).isEqualTo(Deltas.DEPARTMENT);
        assertThat(row.type).isEqualTo(Deltas.TYPE);
        assertThat(row.opened).isZero();
        assertThat(row.closed).isEqualTo(5);
        assertThat(row.closedOnTime).isEqualTo(2);
        assertThat(row.closedOverdue).isEqualTo(2);
        assertThat(row.onTimeRate).isEqualTo(0.5);
        assertThat(row.meanResolutionHours).isEqualTo(3.0);
        assertThat(row.resolutionHoursP50).isEqualTo(2.0);
        assertThat(row.resolutionHoursP90).isEqualTo(6.0);
    }

    @Test
    void aDayWithoutRatedClosuresHasNoRateAndNoMean() throws Exception {
        process(opened(1, 1, "2024-03-12T14:00:00Z", "Roxbury"));
        process(closed(2, 1, "2024-03-12T15:00:00Z", "Roxbury", null, null));

        harness.processWatermark(Instant.parse("2024-03-13T04:00:00Z").toEpochMilli() - 1);

        assertThat(rows())
                .extracting(
                        r -> r.opened,
                        r -> r.closed,
                        r -> r.onTimeRate,
                        r -> r.meanResolutionHours,
                        r -> r.resolutionHoursP50)
                .containsExactly(tuple(1L, 1L, null, null, null));
    }

    private void process(GoldDelta delta) throws Exception {
        harness.processElement(new StreamRecord<>(WindowChange.of(delta)));
    }

    private List<DailyByDepartmentAndType.Row> rows() {
        return harness.extractOutputValues();
    }
}
