package org.requestslakehouse.gold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.requestslakehouse.gold.tables.HourlyByNeighborhood;

class GoldCompletenessOperatorTest {
    private static final Instant T1 = Instant.parse("2024-03-10T06:00:00Z");
    private static final Instant T2 = Instant.parse("2024-03-10T07:30:00Z");

    private OneInputStreamOperatorTestHarness<HourlyByNeighborhood.Row, GoldWatermark> harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = newHarness();
        harness.open();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    @Test
    void aMarkerCarriesTheWatermarkOfThePreviousCheckpoint() throws Exception {
        harness.setProcessingTime(500);
        harness.processWatermark(T1.toEpochMilli());
        harness.prepareSnapshotPreBarrier(1);
        assertThat(markers())
                .as("nothing vouched for before the first checkpoint")
                .isEmpty();

        harness.processWatermark(T2.toEpochMilli());
        harness.prepareSnapshotPreBarrier(2);
        assertThat(markers())
                .extracting(m -> m.tableName, m -> m.completeThrough, m -> m.updatedAt)
                .containsExactly(tuple("requests_hourly", T1, Instant.ofEpochMilli(500)));

        harness.prepareSnapshotPreBarrier(3);
        harness.prepareSnapshotPreBarrier(4);
        assertThat(markers())
                .extracting(m -> m.completeThrough)
                .as("only changes are emitted")
                .containsExactly(T1, T2);
    }

    @Test
    void aRestoredOperatorEmitsThePendingMarkerOnceAndNeverAnOlderOne() throws Exception {
        harness.processWatermark(T1.toEpochMilli());
        harness.prepareSnapshotPreBarrier(1);
        harness.processWatermark(T2.toEpochMilli());
        harness.prepareSnapshotPreBarrier(2);
        OperatorSubtaskState checkpoint2 = harness.snapshot(2, 2);
        harness.close();

        harness = newHarness();
        harness.initializeState(checkpoint2);
        harness.open();
        harness.prepareSnapshotPreBarrier(3);
        harness.processWatermark(T1.toEpochMilli());
        harness.prepareSnapshotPreBarrier(4);
        harness.prepareSnapshotPreBarrier(5);

        assertThat(markers()).extracting(m -> m.completeThrough).containsExactly(T2);
    }

    @Test
    void theFinalWatermarkMakesTheLatestWindowEndComplete() throws Exception {
        harness.processElement(row("2024-03-10T09:00:00Z"));
        harness.processElement(row("2024-03-10T11:00:00Z"));
        harness.processElement(row("2024-03-10T10:00:00Z"));

        harness.processWatermark(Watermark.MAX_WATERMARK);
        harness.endInput();
        harness.prepareSnapshotPreBarrier(1);

        assertThat(markers()).extracting(m -> m.completeThrough).containsExactly(Instant.parse("2024-03-10T12:00:00Z"));
    }

    @Test
    void theEndOfABoundedInputAloneAlsoEmitsTheFinalMarker() throws Exception {
        harness.processElement(row("2024-03-10T09:00:00Z"));
        harness.endInput();

        assertThat(markers()).extracting(m -> m.completeThrough).containsExactly(Instant.parse("2024-03-10T10:00:00Z"));
    }

    @Test
    void theFinalMarkerNeverMovesCompletenessBackwards() throws Exception {
        harness.processElement(row("2024-03-10T05:00:00Z"));
        harness.processWatermark(T2.toEpochMilli());
        harness.prepareSnapshotPreBarrier(1);
        harness.prepareSnapshotPreBarrier(2);

        harness.processWatermark(Watermark.MAX_WATERMARK);

        assertThat(markers()).extracting(m -> m.completeThrough).containsExactly(T2);
    }

    @Test
    void noRowsAndNoWatermarkMeanNoMarker() throws Exception {
        harness.prepareSnapshotPreBarrier(1);
        harness.prepareSnapshotPreBarrier(2);
        harness.endInput();

        assertThat(markers()).isEmpty();
    }

    private static OneInputStreamOperatorTestHarness<HourlyByNeighborhood.Row, GoldWatermark> newHarness()
            throws Exception {
        return new OneInputStreamOperatorTestHarness<>(new GoldCompletenessOperator<>(new HourlyByNeighborhood()));
    }

    private static StreamRecord<HourlyByNeighborhood.Row> row(String windowStart) {
        HourlyByNeighborhood.Row row = new HourlyByNeighborhood.Row();
        row.windowStart = Instant.parse(windowStart);
        row.neighborhood = "Roxbury";
        return new StreamRecord<>(row);
    }

    private List<GoldWatermark> markers() {
        return harness.extractOutputValues();
    }
}
