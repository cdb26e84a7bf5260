package org.requestslakehouse.gold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.requestslakehouse.gold.Deltas.closed;
import static org.requestslakehouse.gold.Deltas.opened;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.requestslakehouse.gold.lifecycle.GoldDelta;
import org.requestslakehouse.gold.tables.HourlyByNeighborhood;

class WindowChangeCombinerTest {
    private static final long SIX_AM_LAST_MOMENT =
            Instant.parse("2024-03-10T07:00:00Z").toEpochMilli() - 1;

    private OneInputStreamOperatorTestHarness<GoldDelta, WindowChange> harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = new OneInputStreamOperatorTestHarness<>(new WindowChangeCombiner<>(new HourlyByNeighborhood()));
        harness.open();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    @Test
    void deltasAreSummedPerWindowAndSentBeforeTheNextWatermark() throws Exception {
        process(opened(1, 1, "2024-03-10T06:15:00Z", "Roxbury"));
        process(opened(2, 1, "2024-03-10T06:20:00Z", "Roxbury"));
        process(opened(3, 1, "2024-03-10T06:25:00Z", "Dorchester"));
        process(closed(1, 1, "2024-03-10T06:45:00Z", "Roxbury", true, 0.5));
        process(closed(2, 1, "2024-03-10T06:50:00Z", "Roxbury", false, 1.5));
        assertThat(harness.getOutput()).isEmpty();

        harness.processWatermark(new Watermark(SIX_AM_LAST_MOMENT - 1));

        List<Object> output = new ArrayList<>(harness.getOutput());
        assertThat(output).hasSize(3);
        assertThat(output.get(2)).isEqualTo(new Watermark(SIX_AM_LAST_MOMENT - 1));
        assertThat(changes())
                .extracting(
                        c -> c.neighborhood,
                        c -> c.opened,
                        c -> c.closed,
                        c -> c.closedOnTime,
                        c -> c.closedOverdue,
                        c -> List.of(box(c.resolutionAdded)),
                        c -> c.single)
                .containsExactly(
                        tuple("Roxbury", 2L, 2L, 1L, 1L, List.of(0.5, 1.5), null),
                        tuple("Dorchester", 1L, 0L, 0L, 0L, List.of(), null));
    }

    @Test
    void aRetractionCancelsAnAdditionOfTheSameValueInTheBundle() throws Exception {
        process(closed(1, 1, "2024-03-10T06:45:00Z", "Roxbury", true, 0.5));
        process(closed(1, -1, "2024-03-10T06:45:00Z", "Roxbury", true, 0.5));
        process(closed(2, -1, "2024-03-10T06:50:00Z", "Roxbury", false, 1.5));

        harness.endInput();

        assertThat(changes())
                .extracting(
                        c -> c.closed,
                        c -> c.closedOnTime,
                        c -> c.closedOverdue,
                        c -> List.of(box(c.resolutionAdded)),
                        c -> List.of(box(c.resolutionRetracted)))
                .containsExactly(tuple(-1L, 0L, -1L, List.of(), List.of(1.5)));
    }

    @Test
    void aDeltaForAWindowTheWatermarkHasReachedGoesOnAloneAtOnce() throws Exception {
        harness.processWatermark(new Watermark(SIX_AM_LAST_MOMENT));
        GoldDelta late = opened(1, 1, "2024-03-10T06:15:00Z", "Roxbury");
        process(late);
        process(opened(2, 1, "2024-03-10T07:15:00Z", "Roxbury"));

        assertThat(changes())
                .as("the delta itself, for a late correction to name its case; the next hour's is held")
                .extracting(c -> c.single.requestId, c -> c.single.measure, c -> c.opened)
                .containsExactly(tuple(late.requestId, late.measure, 1L));
    }

    @Test
    void theBundleIsSentBeforeEveryBarrierSoNothingIsInState() throws Exception {
        process(opened(1, 1, "2024-03-10T06:15:00Z", "Roxbury"));

        harness.prepareSnapshotPreBarrier(1);
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);

        assertThat(changes()).extracting(c -> c.opened).containsExactly(1L);
        assertThat(snapshot.getManagedOperatorState()).isEmpty();
        assertThat(snapshot.getRawOperatorState()).isEmpty();
    }

    @Test
    void aStalledWatermarkHoldsTheBundleBackNoLongerThanTheMaximumDelay() throws Exception {
        harness.setProcessingTime(1_000);
        process(opened(1, 1, "2024-03-10T06:15:00Z", "Roxbury"));
        harness.setProcessingTime(1_000 + WindowChangeCombiner.MAX_DELAY_MILLIS - 1);
        assertThat(changes()).isEmpty();

        harness.setProcessingTime(1_000 + WindowChangeCombiner.MAX_DELAY_MILLIS);

        assertThat(changes()).extracting(c -> c.opened).containsExactly(1L);
        assertThat(harness.getProcessingTimeService().getNumActiveTimers()).isZero();
    }

    private void process(GoldDelta delta) throws Exception {
        harness.processElement(new StreamRecord<>(delta));
    }

    private List<WindowChange> changes() {
        return harness.extractOutputValues();
    }

    private static Double[] box(double[] values) {
        return Arrays.stream(values).boxed().toArray(Double[]::new);
    }
}
