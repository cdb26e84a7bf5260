package org.requestslakehouse.gold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.requestslakehouse.gold.Deltas.closed;
import static org.requestslakehouse.gold.Deltas.opened;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.requestslakehouse.gold.lifecycle.GoldDelta;
import org.requestslakehouse.gold.lifecycle.InterceptedMetrics;
import org.requestslakehouse.gold.tables.HourlyByNeighborhood;
import org.requestslakehouse.metrics.WatermarkLag;

/** The hourly grain; day windows have their own test. */
class WindowedGoldAggregatorTest {
    private static final Duration EMIT_INTERVAL = Duration.ofSeconds(5);
    private static final Duration ALLOWED_LATENESS = Duration.ofHours(2);
    private static final Instant HOUR = Instant.parse("2024-03-10T06:00:00Z");
    private static final long LAST_MOMENT =
            Instant.parse("2024-03-10T07:00:00Z").toEpochMilli() - 1;
    private static final long CLEANUP = LAST_MOMENT + ALLOWED_LATENESS.toMillis();

    private InterceptedMetrics metrics;
    private MockEnvironment environment;
    private KeyedOneInputStreamOperatorTestHarness<HourlyByNeighborhood.Key, WindowChange, HourlyByNeighborhood.Row>
            harness;

    @BeforeEach
    void setUp() throws Exception {
        start(ALLOWED_LATENESS);
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
        environment.close();
    }

    @Test
    void anOpenWindowEmitsAtMostOncePerEmitIntervalAndOnlyWhenChanged() throws Exception {
        harness.setProcessingTime(1_000);
        process(opened(1, 1, "2024-03-10T06:15:00Z", "Roxbury"));
        process(opened(2, 1, "2024-03-10T06:59:59Z", "Roxbury"));

        assertThat(rows()).isEmpty();
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

        harness.setProcessingTime(6_000);
        assertThat(rows())
                .extracting(r -> r.windowStart, r -> r.neighborhood, r -> r.opened, r -> r.updatedAt)
                .containsExactly(tuple(HOUR, "Roxbury", 2L, Instant.ofEpochMilli(6_000)));

        harness.setProcessingTime(60_000);
        assertThat(rows()).hasSize(1);
        assertThat(harness.numProcessingTimeTimers()).isZero();

        process(opened(3, 1, "2024-03-10T06:30:00Z", "Roxbury"));
        harness.setProcessingTime(65_000);
        assertThat(rows()).extracting(r -> r.opened).containsExactly(2L, 3L);
    }

    @Test
    void theWatermarkPassingTheWindowFiresItOnceAndCancelsTheEarlyFiring() throws Exception {
        harness.setProcessingTime(1_000);
        process(opened(1, 1, "2024-03-10T06:15:00Z", "Roxbury"));
        harness.processWatermark(LAST_MOMENT - 1);
        assertThat(rows()).isEmpty();

        harness.processWatermark(LAST_MOMENT);

        assertThat(rows())
                .extracting(r -> r.opened, r -> r.updatedAt)
                .containsExactly(tuple(1L, Instant.ofEpochMilli(1_000)));
        assertThat(harness.numProcessingTimeTimers()).isZero();
        assertThat(harness.numEventTimeTimers())
                .as("only the cleanup timer is left")
                .isEqualTo(1);
        harness.setProcessingTime(10_000);
        assertThat(rows()).hasSize(1);
    }

    @Test
    void theOnTimeFiringIsSkippedWhenTheEarlyFiringAlreadyEmittedTheFinalValue() throws Exception {
        harness.setProcessingTime(1_000);
        process(opened(1, 1, "2024-03-10T06:15:00Z", "Roxbury"));
        harness.setProcessingTime(6_000);
        harness.processWatermark(LAST_MOMENT);

        assertThat(rows()).hasSize(1);
    }

    @Test
    void aLateDeltaWithinAllowedLatenessUpdatesTheRowAtOnce() throws Exception {
        harness.setProcessingTime(1_000);
        process(opened(1, 1, "2024-03-10T06:15:00Z", "Roxbury"));
        harness.processWatermark(LAST_MOMENT + 1);
        harness.setProcessingTime(2_000);

        process(closed(1, 1, "2024-03-10T06:45:00Z", "Roxbury", true, 0.5));
        process(opened(2, 1, "2024-03-10T06:20:00Z", "Dorchester"));

        assertThat(rows())
                .extracting(
                        r -> r.neighborhood,
                        r -> r.opened,
                        r -> r.closed,
                        r -> r.closedOnTime,
                        r -> r.resolutionHoursP50,
                        r -> r.updatedAt)
                .containsExactly(
                        tuple("Roxbury", 1L, 0L, 0L, null, Instant.ofEpochMilli(1_000)),
                        tuple("Roxbury", 1L, 1L, 1L, 0.5, Instant.ofEpochMilli(2_000)),
                        tuple("Dorchester", 1L, 0L, 0L, null, Instant.ofEpochMilli(2_000)));
        assertThat(harness.numProcessingTimeTimers()).isZero();
        assertThat(harness.numEventTimeTimers())
                .as("a cleanup timer per window")
                .isEqualTo(2);
    }

    @Test
    void aDeltaPastAllowedLatenessIsReportedAsALateCorrection() throws Exception {
        harness.setProcessingTime(1_000);
        process(opened(1, 1, "2024-03-10T06:15:00Z", "Roxbury"));
        harness.processWatermark(CLEANUP);
        harness.setProcessingTime(2_000);

        process(opened(1, -1, "2024-03-10T06:15:00Z", "Roxbury"));

        assertThat(rows()).hasSize(1);
        List<LateCorrection> late = lateCorrections();
        assertThat(late).hasSize(1);
        LateCorrection c = late.get(0);
        assertThat(c.tableName).isEqualTo("requests_hourly");
        assertThat(c.windowStart).isEqualTo(HOUR);
        assertThat(c.windowKey).isEqualTo("city=boston|neighborhood=Roxbury");
        assertThat(c.city).isEqualTo("boston");
        assertThat(c.requestId).isEqualTo("1");
        assertThat(c.caseEnquiryId).isEqualTo(1L);
        assertThat(c.measure).isEqualTo("OPENED");
        assertThat(c.delta).isEqualTo(-1);
        assertThat(c.eventTs).isEqualTo(Instant.parse("2024-03-10T06:15:00Z"));
        assertThat(c.watermark).isEqualTo(Instant.ofEpochMilli(CLEANUP));
        assertThat(c.detectedAt).isEqualTo(Instant.ofEpochMilli(2_000));
        assertThat(metrics.count("lateCorrections")).isEqualTo(1);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void oneMillisecondBeforeCleanupADeltaIsStillMerged() throws Exception {
        process(opened(1, 1, "2024-03-10T06:15:00Z", "Roxbury"));
        harness.processWatermark(CLEANUP - 1);
        process(opened(2, 1, "2024-03-10T06:16:00Z", "Roxbury"));

        assertThat(rows()).extracting(r -> r.opened).containsExactly(1L, 2L);
        assertThat(lateCorrections()).isEmpty();
    }

    @Test
    void aWindowRetractedToZeroStillEmitsItsZeroRow() throws Exception {
        harness.setProcessingTime(1_000);
        process(opened(1, 1, "2024-03-10T06:15:00Z", "Roxbury"));
        process(closed(1, 1, "2024-03-10T06:45:00Z", "Roxbury", false, 0.5));
        harness.setProcessingTime(6_000);
        process(opened(1, -1, "2024-03-10T06:15:00Z", "Roxbury"));
        process(closed(1, -1, "2024-03-10T06:45:00Z", "Roxbury", false, 0.5));
        harness.setProcessingTime(11_000);

        assertThat(rows())
                .extracting(
                        r -> r.opened,
                        r -> r.closed,
                        r -> r.closedOverdue,
                        r -> r.resolutionHoursP50,
                        r -> r.resolutionHoursP90)
                .containsExactly(tuple(1L, 1L, 1L, 0.5, 0.5), tuple(0L, 0L, 0L, null, null));
    }

    @Test
    void quantilesAreOfTheCasesClosedInTheWindowAndForgetRetractedOnes() throws Exception {
        double[] hours = {4, 1, 3, 2, 10, 2};
        for (int i = 0; i < hours.length; i++) {
            process(closed(i, 1, "2024-03-10T06:10:00Z", "Roxbury", i % 2 == 0, hours[i]));
        }
        process(closed(99, 1, "2024-03-10T06:10:00Z", "Roxbury", null, null));
        process(closed(4, -1, "2024-03-10T06:10:00Z", "Roxbury", true, 10.0));
        harness.processWatermark(LAST_MOMENT);

        // Left: 1, 2, 2, 3, 4 (and a closure without resolution hours), inclusive ranks.
        assertThat(rows())
                .extracting(
                        r -> r.closed,
                        r -> r.closedOnTime,
                        r -> r.closedOverdue,
                        r -> r.resolutionHoursP50,
                        r -> r.resolutionHoursP90)
                .containsExactly(tuple(6L, 2L, 3L, 2.0, 4.0));
    }

    @Test
    void cleanupLeavesNoStateAndNoTimersEvenWithAnEarlyFiringPending() throws Exception {
        harness.close();
        environment.close();
        start(Duration.ZERO);
        harness.setProcessingTime(1_000);
        process(opened(1, 1, "2024-03-10T06:15:00Z", "Roxbury"));
        process(closed(1, 1, "2024-03-10T06:45:00Z", "Roxbury", true, 0.5));
        assertThat(harness.numKeyedStateEntries())
                .as("one accumulator, resolution values included")
                .isEqualTo(1);
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

        harness.processWatermark(LAST_MOMENT);

        assertThat(rows()).extracting(r -> r.opened, r -> r.closed).containsExactly(tuple(1L, 1L));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void cleanupAfterAllowedLatenessLeavesNoStateAndNoTimers() throws Exception {
        process(opened(1, 1, "2024-03-10T06:15:00Z", "Roxbury"));
        process(closed(1, 1, "2024-03-10T06:45:00Z", "Roxbury", true, 0.5));
        harness.processWatermark(LAST_MOMENT);
        assertThat(harness.numKeyedStateEntries())
                .as("one accumulator, resolution values included")
                .isEqualTo(1);

        harness.processWatermark(CLEANUP);

        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void totalsResolutionsAndTimersSurviveARestore() throws Exception {
        harness.setProcessingTime(1_000);
        process(opened(1, 1, "2024-03-10T06:15:00Z", "Roxbury"));
        process(closed(1, 1, "2024-03-10T06:45:00Z", "Roxbury", true, 0.5));

        restartWith(ALLOWED_LATENESS);
        process(closed(2, 1, "2024-03-10T06:50:00Z", "Roxbury", false, 1.5));
        assertThat(harness.numProcessingTimeTimers())
                .as("the restored early firing, not a second one")
                .isEqualTo(1);
        harness.processWatermark(LAST_MOMENT);

        assertThat(rows())
                .extracting(
                        r -> r.opened,
                        r -> r.closed,
                        r -> r.closedOnTime,
                        r -> r.closedOverdue,
                        r -> r.resolutionHoursP90)
                .containsExactly(tuple(1L, 2L, 1L, 1L, 1.5));
        harness.processWatermark(CLEANUP);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void aWindowRestoredUnderALongerAllowedLatenessLivesThatLongAndIsThenCleanedUp() throws Exception {
        Duration longer = ALLOWED_LATENESS.multipliedBy(2);
        process(opened(1, 1, "2024-03-10T06:15:00Z", "Roxbury"));

        restartWith(longer);
        harness.processWatermark(CLEANUP);
        assertThat(harness.numKeyedStateEntries())
                .as("still within this run's allowed lateness")
                .isEqualTo(1);
        process(opened(2, 1, "2024-03-10T06:20:00Z", "Roxbury"));
        assertThat(rows()).extracting(r -> r.opened).last().isEqualTo(2L);
        assertThat(lateCorrections()).isEmpty();

        harness.processWatermark(LAST_MOMENT + longer.toMillis());

        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void aWindowRestoredUnderAShorterAllowedLatenessIsCleanedUpByThatLateness() throws Exception {
        Duration shorter = ALLOWED_LATENESS.dividedBy(2);
        process(opened(1, 1, "2024-03-10T06:15:00Z", "Roxbury"));

        restartWith(shorter);
        harness.processWatermark(LAST_MOMENT + shorter.toMillis());

        assertThat(rows()).extracting(r -> r.opened).containsExactly(1L);
        assertThat(harness.numKeyedStateEntries()).isZero();
        process(opened(2, 1, "2024-03-10T06:20:00Z", "Roxbury"));
        assertThat(lateCorrections()).hasSize(1);
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void aCombinedChangeCountsAsItsDeltasWouldOneByOne() throws Exception {
        WindowChange first = combined(
                opened(1, 1, "2024-03-10T06:15:00Z", "Roxbury"),
                opened(2, 1, "2024-03-10T06:20:00Z", "Roxbury"),
                closed(1, 1, "2024-03-10T06:45:00Z", "Roxbury", true, 0.5),
                closed(2, 1, "2024-03-10T06:50:00Z", "Roxbury", false, 3.0));
        harness.processElement(new StreamRecord<>(first));
        WindowChange second = combined(
                closed(2, -1, "2024-03-10T06:50:00Z", "Roxbury", false, 3.0),
                closed(2, 1, "2024-03-10T06:52:00Z", "Roxbury", true, 1.0),
                opened(3, 1, "2024-03-10T06:55:00Z", "Roxbury"));
        harness.processElement(new StreamRecord<>(second));

        harness.processWatermark(LAST_MOMENT);

        assertThat(rows())
                .extracting(
                        r -> r.opened,
                        r -> r.closed,
                        r -> r.closedOnTime,
                        r -> r.closedOverdue,
                        r -> r.resolutionHoursP90)
                .containsExactly(tuple(3L, 2L, 2L, 0L, 1.0));
        assertThat(metrics.count("unmatchedResolutionRetractions")).isZero();
        harness.processWatermark(CLEANUP);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void aCombinedChangePastAllowedLatenessStopsTheJobRatherThanBeLost() throws Exception {
        harness.processWatermark(CLEANUP);
        WindowChange change = combined(opened(1, 1, "2024-03-10T06:15:00Z", "Roxbury"));

        assertThatThrownBy(() -> harness.processElement(new StreamRecord<>(change)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("requests_hourly")
                .hasMessageContaining("after its allowed lateness");
    }

    @Test
    void aRetractionOfAValueTheWindowNeverHadIsCounted() throws Exception {
        process(closed(1, -1, "2024-03-10T06:45:00Z", "Roxbury", true, 0.5));

        assertThat(metrics.count("unmatchedResolutionRetractions")).isEqualTo(1);
    }

    @Test
    void watermarkLagIsProcessingTimeMinusTheLatestWatermarkAndGrowsWhileTheWatermarkStalls() throws Exception {
        assertThat(metrics.gaugeValue("watermarkLagMillis")).isEqualTo(WatermarkLag.NO_WATERMARK_YET);

        harness.setProcessingTime(HOUR.toEpochMilli() + 90_000);
        harness.processWatermark(HOUR.toEpochMilli());
        process(opened(1, 1, "2024-03-10T06:15:00Z", "Roxbury"));
        assertThat(metrics.gaugeValue("watermarkLagMillis")).isEqualTo(90_000L);

        harness.setProcessingTime(HOUR.toEpochMilli() + 150_000);
        assertThat(metrics.gaugeValue("watermarkLagMillis")).isEqualTo(150_000L);

        harness.processWatermark(Long.MAX_VALUE);
        process(opened(2, 1, "2024-03-10T06:20:00Z", "Roxbury"));
        assertThat(metrics.gaugeValue("watermarkLagMillis")).isEqualTo(0L);
    }

    @Test
    void goldMetricsAreInTheCloudWatchGroupWithTheTableAsDimension() {
        for (String name : List.of("watermarkLagMillis", "lateCorrections", "unmatchedResolutionRetractions")) {
            InterceptedMetrics.Registered metric = metrics.only(name, Map.of("<table>", "requests_hourly"));
            assertThat(metric.scope()).as(name).endsWith(".operator.kinesisanalytics.table");
        }
    }

    private void start(Duration allowedLateness) throws Exception {
        start(allowedLateness, null);
    }

    private void start(Duration allowedLateness, OperatorSubtaskState restored) throws Exception {
        HourlyByNeighborhood grain = new HourlyByNeighborhood();
        metrics = new InterceptedMetrics();
        environment = metrics.environment();
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new WindowedGoldAggregator<>(grain, EMIT_INTERVAL, allowedLateness)),
                new GrainKeySelector<>(grain),
                grain.keyType(),
                environment);
        if (restored != null) {
            harness.initializeState(restored);
        }
        harness.open();
    }

    /** Snapshots the operator, closes it and starts a new one from that snapshot under {@code allowedLateness}. */
    private void restartWith(Duration allowedLateness) throws Exception {
        OperatorSubtaskState snapshot = harness.snapshot(1, 1_000);
        harness.close();
        environment.close();
        start(allowedLateness, snapshot);
    }

    private void process(GoldDelta delta) throws Exception {
        harness.processElement(new StreamRecord<>(WindowChange.of(delta)));
    }

    private static WindowChange combined(GoldDelta... deltas) {
        WindowChange change = WindowChange.locatedAt(deltas[0]);
        for (GoldDelta delta : deltas) {
            change.add(delta);
        }
        return change;
    }

    private List<HourlyByNeighborhood.Row> rows() {
        return harness.extractOutputValues();
    }

    private List<LateCorrection> lateCorrections() {
        Queue<StreamRecord<LateCorrection>> late = harness.getSideOutput(WindowedGoldAggregator.LATE);
        return late == null
                ? List.of()
                : late.stream().map(StreamRecord::getValue).toList();
    }
}
