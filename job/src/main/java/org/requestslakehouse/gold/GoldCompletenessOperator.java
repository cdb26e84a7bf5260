package org.requestslakehouse.gold;

import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Publishes, for one gold table, the event time through which its rows are complete: a {@code gold.watermarks}
 * row. Runs with parallelism 1 behind the table's aggregator, so the watermark it sees is the minimum over all
 * aggregator subtasks, and every window before it has had its on-time firing. (Late data within the allowed
 * lateness may still correct such a row; later data is recorded in {@code gold.late_corrections}.)
 *
 * <p>A marker must never be visible before the rows it vouches for. The rows of the windows behind a watermark
 * reach the table's sink before the checkpoint barrier that follows that watermark, but the marker goes to a
 * different table, committed independently. So the marker emitted at checkpoint n (just before its barrier)
 * carries the watermark recorded at checkpoint n - 1: its rows were already part of checkpoint n - 1, and the
 * marker is committed one checkpoint after them.
 *
 * <p>When input ends (final watermark or end of a bounded run) every window has fired, and the marker becomes the
 * end of the latest window any row belonged to, emitted at once so that it lands in the final checkpoint with
 * the final rows. The watermark itself, Long.MAX_VALUE, is not a time anyone can query.
 *
 * <p>Markers only move forward and are only emitted when they change.
 */
public class GoldCompletenessOperator<R extends GoldRow> extends AbstractStreamOperator<GoldWatermark>
        implements OneInputStreamOperator<R, GoldWatermark>, BoundedOneInput {
    private static final long serialVersionUID = 1L;
    private static final long NOTHING = Long.MIN_VALUE;

    private final GoldTable<?, R> table;

    private transient ListState<CompletenessState> checkpointed;
    private transient long watermark;
    private transient long watermarkAtLastCheckpoint;
    private transient long lastEmitted;
    private transient long largestWindowEnd;
    private transient boolean inputEnded;

    public GoldCompletenessOperator(GoldTable<?, R> table) {
        this.table = table;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        checkpointed = context.getOperatorStateStore()
                .getListState(new ListStateDescriptor<>("gold-completeness", CompletenessState.class));
        watermark = NOTHING;
        watermarkAtLastCheckpoint = NOTHING;
        lastEmitted = NOTHING;
        largestWindowEnd = NOTHING;
        for (CompletenessState restored : checkpointed.get()) {
            watermarkAtLastCheckpoint = Math.max(watermarkAtLastCheckpoint, restored.watermarkAtLastCheckpoint);
            lastEmitted = Math.max(lastEmitted, restored.lastEmitted);
            largestWindowEnd = Math.max(largestWindowEnd, restored.largestWindowEnd);
        }
    }

    @Override
    public void processElement(StreamRecord<R> element) {
        largestWindowEnd = Math.max(
                largestWindowEnd, table.windowEndOfRow(element.getValue()).toEpochMilli());
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        super.processWatermark(mark);
        watermark = mark.getTimestamp();
        if (watermark == Long.MAX_VALUE) {
            endOfInput();
        }
    }

    @Override
    public void endInput() {
        endOfInput();
    }

    private void endOfInput() {
        inputEnded = true;
        emitIfAdvanced(largestWindowEnd);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        super.prepareSnapshotPreBarrier(checkpointId);
        // After the end of input the final marker has been emitted and no lagging one may follow it.
        if (!inputEnded && watermarkAtLastCheckpoint != Long.MAX_VALUE) {
            emitIfAdvanced(watermarkAtLastCheckpoint);
        }
        watermarkAtLastCheckpoint = watermark;
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        checkpointed.update(List.of(new CompletenessState(watermarkAtLastCheckpoint, lastEmitted, largestWindowEnd)));
    }

    private void emitIfAdvanced(long completeThrough) {
        if (completeThrough == NOTHING || completeThrough <= lastEmitted) {
            return;
        }
        lastEmitted = completeThrough;
        Instant now = Instant.ofEpochMilli(getProcessingTimeService().getCurrentProcessingTime());
        output.collect(
                new StreamRecord<>(new GoldWatermark(table.tableName(), Instant.ofEpochMilli(completeThrough), now)));
    }
}
