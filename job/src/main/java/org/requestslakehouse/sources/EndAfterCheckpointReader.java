package org.requestslakehouse.sources;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.core.io.InputStatus;

/**
 * A bounded source's reader that reports the end of its input only after a checkpoint taken once it had read
 * everything has completed.
 *
 * <p>Why: Iceberg's {@code FlinkSink} committer commits at end of input, before and outside any checkpoint. A
 * process killed between that commit and the next completed checkpoint resumes from an older checkpoint, reads the
 * messages after it again and commits them again: append tables (bronze, quarantine) would hold them twice. Held
 * back this way, the end of input reaches the committers when every message read is already in a completed
 * checkpoint, so a resume reads nothing again. What the end of input itself produces (gold's last windows) goes to
 * upsert tables, which a replay leaves unchanged.
 *
 * <p>All methods run in the source task's thread. The job must checkpoint, or the input would never end.
 */
final class EndAfterCheckpointReader<T, SplitT extends SourceSplit> implements SourceReader<T, SplitT> {
    private static final long NONE = -1;

    private final SourceReader<T, SplitT> reader;
    private final CompletableFuture<Void> endCheckpointed = new CompletableFuture<>();
    private boolean inputEnded;
    private long firstCheckpointAfterEnd = NONE;

    EndAfterCheckpointReader(SourceReader<T, SplitT> reader) {
        this.reader = reader;
    }

    @Override
    public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
        if (!inputEnded) {
            InputStatus status = reader.pollNext(output);
            if (status != InputStatus.END_OF_INPUT) {
                return status;
            }
            inputEnded = true;
        }
        return endCheckpointed.isDone() ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return inputEnded ? endCheckpointed : reader.isAvailable();
    }

    @Override
    public List<SplitT> snapshotState(long checkpointId) {
        if (inputEnded && firstCheckpointAfterEnd == NONE) {
            firstCheckpointAfterEnd = checkpointId;
        }
        return reader.snapshotState(checkpointId);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        reader.notifyCheckpointComplete(checkpointId);
        // A later checkpoint than the first after the end covers the end as well (the first may have been aborted).
        if (firstCheckpointAfterEnd != NONE && checkpointId >= firstCheckpointAfterEnd) {
            endCheckpointed.complete(null);
        }
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) throws Exception {
        reader.notifyCheckpointAborted(checkpointId);
    }

    @Override
    public void start() {
        reader.start();
    }

    @Override
    public void addSplits(List<SplitT> splits) {
        reader.addSplits(splits);
    }

    @Override
    public void notifyNoMoreSplits() {
        reader.notifyNoMoreSplits();
    }

    @Override
    public void handleSourceEvents(SourceEvent sourceEvent) {
        reader.handleSourceEvents(sourceEvent);
    }

    @Override
    public void pauseOrResumeSplits(Collection<String> splitsToPause, Collection<String> splitsToResume) {
        reader.pauseOrResumeSplits(splitsToPause, splitsToResume);
    }

    @Override
    public void close() throws Exception {
        reader.close();
    }
}
