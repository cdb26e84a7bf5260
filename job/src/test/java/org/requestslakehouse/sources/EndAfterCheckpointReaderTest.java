package org.requestslakehouse.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.core.io.InputStatus;
import org.junit.jupiter.api.Test;
import org.requestslakehouse.sources.NoMoreSplitsEnumeratorTest.TestSplit;

/** {@link EndAfterCheckpointReader}: the end of input waits for a checkpoint taken after it, and only for that. */
class EndAfterCheckpointReaderTest {

    @Test
    void theEndIsReportedOnceACheckpointTakenAfterItHasCompleted() throws Exception {
        ScriptedReader inner = new ScriptedReader(InputStatus.MORE_AVAILABLE, InputStatus.END_OF_INPUT);
        EndAfterCheckpointReader<String, TestSplit> reader = new EndAfterCheckpointReader<>(inner);

        assertThat(reader.pollNext(NO_OUTPUT)).isEqualTo(InputStatus.MORE_AVAILABLE);
        assertThat(reader.snapshotState(4)).isEqualTo(List.of(new TestSplit(4)));
        assertThat(reader.pollNext(NO_OUTPUT))
                .as("input ended, not yet checkpointed")
                .isEqualTo(InputStatus.NOTHING_AVAILABLE);
        CompletableFuture<Void> available = reader.isAvailable();
        reader.notifyCheckpointComplete(4);
        assertThat(available).as("checkpoint 4 was taken before the end").isNotDone();

        reader.snapshotState(5);
        reader.notifyCheckpointAborted(5);
        reader.snapshotState(6);
        assertThat(available).isNotDone();
        assertThat(reader.pollNext(NO_OUTPUT)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        reader.notifyCheckpointComplete(6);

        assertThat(available).isDone();
        assertThat(reader.pollNext(NO_OUTPUT)).isEqualTo(InputStatus.END_OF_INPUT);
        assertThat(inner.calls)
                .containsExactly(
                        "poll",
                        "snapshot 4",
                        "poll",
                        "complete 4",
                        "snapshot 5",
                        "aborted 5",
                        "snapshot 6",
                        "complete 6");
    }

    @Test
    void beforeTheEndEverythingIsTheWrappedReaders() throws Exception {
        ScriptedReader inner = new ScriptedReader(InputStatus.NOTHING_AVAILABLE, InputStatus.MORE_AVAILABLE);
        EndAfterCheckpointReader<String, TestSplit> reader = new EndAfterCheckpointReader<>(inner);

        assertThat(reader.pollNext(NO_OUTPUT)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        assertThat(reader.isAvailable()).isSameAs(inner.available);
        reader.snapshotState(1);
        reader.notifyCheckpointComplete(1);
        assertThat(reader.pollNext(NO_OUTPUT)).isEqualTo(InputStatus.MORE_AVAILABLE);
        reader.addSplits(List.of(new TestSplit(0)));
        reader.notifyNoMoreSplits();
        reader.close();

        assertThat(inner.calls)
                .containsExactly(
                        "poll", "snapshot 1", "complete 1", "poll", "add [split-0]", "no more splits", "close");
    }

    private static final ReaderOutput<String> NO_OUTPUT = new ReaderOutput<>() {
        @Override
        public void collect(String record) {}

        @Override
        public void collect(String record, long timestamp) {}

        @Override
        public void emitWatermark(Watermark watermark) {}

        @Override
        public void markIdle() {}

        @Override
        public void markActive() {}

        @Override
        public SourceOutput<String> createOutputForSplit(String splitId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void releaseOutputForSplit(String splitId) {}
    };

    /** Answers polls from a script and records every call. */
    private static final class ScriptedReader implements SourceReader<String, TestSplit> {
        final List<String> calls = new ArrayList<>();
        final CompletableFuture<Void> available = new CompletableFuture<>();
        private final Deque<InputStatus> script;

        ScriptedReader(InputStatus... script) {
            this.script = new ArrayDeque<>(List.of(script));
        }

        @Override
        public InputStatus pollNext(ReaderOutput<String> output) {
            calls.add("poll");
            return script.poll();
        }

        @Override
        public List<TestSplit> snapshotState(long checkpointId) {
            calls.add("snapshot " + checkpointId);
            return List.of(new TestSplit((int) checkpointId));
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            calls.add("complete " + checkpointId);
        }

        @Override
        public void notifyCheckpointAborted(long checkpointId) {
            calls.add("aborted " + checkpointId);
        }

        @Override
        public CompletableFuture<Void> isAvailable() {
            return available;
        }

        @Override
        public void start() {}

        @Override
        public void addSplits(List<TestSplit> splits) {
            calls.add("add " + splits.stream().map(TestSplit::splitId).toList());
        }

        @Override
        public void notifyNoMoreSplits() {
            calls.add("no more splits");
        }

        @Override
        public void close() {
            calls.add("close");
        }
    }
}
