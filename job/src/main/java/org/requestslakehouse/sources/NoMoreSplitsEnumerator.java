package org.requestslakehouse.sources;

import java.io.IOException;
import java.util.List;
import javax.annotation.Nullable;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

/**
 * A bounded source's enumerator that tells every reader "no more splits" once the wrapped enumerator's one-time
 * split discovery has finished, including readers that register later and restarted readers, each exactly once.
 *
 * <p>Why: flink-connector-kafka's enumerator only signals after its discovery found new partitions. Restored from a
 * checkpoint that already assigned every partition, its discovery finds nothing new, so it never signals; readers
 * then read to their stopping offsets and idle forever, and a bounded job that was restarted or resumed never ends
 * (FLINK-31006, FLINK-33466). Signalling after discovery, and not at once, keeps splits discovered on restore (a
 * partition not yet assigned when the checkpoint was taken) ahead of the signal, as a reader must receive them.
 *
 * <p>The wrapped enumerator's state is passed through untouched, so checkpoints stay compatible in both directions.
 */
final class NoMoreSplitsEnumerator<SplitT extends SourceSplit, CheckpointT>
        implements SplitEnumerator<SplitT, CheckpointT> {
    private final NoMoreSplitsContext<SplitT> context;
    private final SplitEnumerator<SplitT, CheckpointT> enumerator;
    private boolean allSplitsDiscovered;

    /** Builds the wrapped enumerator on the context it is given: the enumerator must use that one. */
    @FunctionalInterface
    interface Factory<SplitT extends SourceSplit, CheckpointT> {
        SplitEnumerator<SplitT, CheckpointT> create(SplitEnumeratorContext<SplitT> context) throws Exception;
    }

    NoMoreSplitsEnumerator(SplitEnumeratorContext<SplitT> coordinatorContext, Factory<SplitT, CheckpointT> factory)
            throws Exception {
        this.context = new NoMoreSplitsContext<>(coordinatorContext, this::discoveryFinished);
        this.enumerator = factory.create(context);
    }

    private void discoveryFinished() {
        allSplitsDiscovered = true;
        context.registeredReaders().keySet().forEach(context::signalOnce);
    }

    boolean allSplitsDiscovered() {
        return allSplitsDiscovered;
    }

    @Override
    public void start() {
        enumerator.start();
    }

    @Override
    public void addReader(int subtaskId) {
        context.forget(subtaskId);
        // The wrapped enumerator assigns the reader's pending splits first; the signal must come after them.
        enumerator.addReader(subtaskId);
        if (allSplitsDiscovered) {
            context.signalOnce(subtaskId);
        }
    }

    @Override
    public void addSplitsBack(List<SplitT> splits, int subtaskId) {
        enumerator.addSplitsBack(splits, subtaskId);
    }

    @Override
    public void handleSplitRequest(int subtaskId, @Nullable String requesterHostname) {
        enumerator.handleSplitRequest(subtaskId, requesterHostname);
    }

    @Override
    public CheckpointT snapshotState(long checkpointId) throws Exception {
        return enumerator.snapshotState(checkpointId);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        enumerator.notifyCheckpointComplete(checkpointId);
    }

    @Override
    public void handleSourceEvent(int subtaskId, SourceEvent sourceEvent) {
        enumerator.handleSourceEvent(subtaskId, sourceEvent);
    }

    @Override
    public void close() throws IOException {
        enumerator.close();
    }
}
