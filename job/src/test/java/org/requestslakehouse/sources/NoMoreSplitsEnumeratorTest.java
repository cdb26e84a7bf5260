package org.requestslakehouse.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.junit.jupiter.api.Test;
import org.requestslakehouse.sources.RecordingEnumeratorContext.Told;

/**
 * {@link NoMoreSplitsEnumerator} around a scripted enumerator shaped like the Kafka one (one asynchronous
 * discovery, optionally chained to a second call that initialises the splits it found, splits pushed to their owner
 * reader when it registers). The real Kafka enumerator is exercised in {@link FinishingKafkaSourceTest}.
 */
class NoMoreSplitsEnumeratorTest {

    @Test
    void aDiscoveryThatFindsNothingNewTellsEveryRegisteredReaderOnce() throws Exception {
        RecordingEnumeratorContext<TestSplit> context = new RecordingEnumeratorContext<>(2);
        NoMoreSplitsEnumerator<TestSplit, String> enumerator = wrap(context, List.of(), false);
        enumerator.start();
        register(enumerator, context, 0);
        register(enumerator, context, 1);
        assertThat(context.told()).as("before discovery finished").isEmpty();

        context.runAsyncCalls();

        assertThat(context.told()).containsExactly(new Told(0, "no more splits"), new Told(1, "no more splits"));
        assertThat(enumerator.allSplitsDiscovered()).isTrue();
        assertThat(enumerator.snapshotState(7))
                .as("the wrapped enumerator's state, untouched")
                .isEqualTo("state-7");
    }

    @Test
    void aReaderThatRegistersAfterDiscoveryGetsItsSplitsAndThenTheSignal() throws Exception {
        RecordingEnumeratorContext<TestSplit> context = new RecordingEnumeratorContext<>(2);
        NoMoreSplitsEnumerator<TestSplit, String> enumerator =
                wrap(context, List.of(new TestSplit(0), new TestSplit(1)), true);
        enumerator.start();
        register(enumerator, context, 0);
        context.runAsyncCalls();
        assertThat(context.told()).containsExactly(new Told(0, "assign [split-0]"), new Told(0, "no more splits"));

        register(enumerator, context, 1);

        assertThat(context.told())
                .containsExactly(
                        new Told(0, "assign [split-0]"),
                        new Told(0, "no more splits"),
                        new Told(1, "assign [split-1]"),
                        new Told(1, "no more splits"));
    }

    @Test
    void noSignalWhileTheSplitsFoundAreStillBeingInitialised() throws Exception {
        RecordingEnumeratorContext<TestSplit> context = new RecordingEnumeratorContext<>(1);
        NoMoreSplitsEnumerator<TestSplit, String> enumerator = wrap(context, List.of(new TestSplit(0)), true);
        enumerator.start();
        register(enumerator, context, 0);

        context.runNextAsyncCall();

        assertThat(context.told())
                .as("discovery found a split whose initialisation is still in flight")
                .isEmpty();
        assertThat(enumerator.allSplitsDiscovered()).isFalse();
        context.runAsyncCalls();
        assertThat(context.told()).containsExactly(new Told(0, "assign [split-0]"), new Told(0, "no more splits"));
    }

    @Test
    void aWrappedEnumeratorThatSignalsItselfDoesNotMakeReadersHearItTwice() throws Exception {
        RecordingEnumeratorContext<TestSplit> context = new RecordingEnumeratorContext<>(2);
        NoMoreSplitsEnumerator<TestSplit, String> enumerator = new NoMoreSplitsEnumerator<>(
                context, c -> new ScriptedEnumerator(c, List.of(new TestSplit(0), new TestSplit(1)), true, true));
        enumerator.start();
        register(enumerator, context, 0);
        context.runAsyncCalls();
        register(enumerator, context, 1);

        assertThat(context.toldNoMoreSplits()).containsExactly(0, 1);
    }

    @Test
    void aRestartedReaderIsToldAgainOncePerRegistration() throws Exception {
        RecordingEnumeratorContext<TestSplit> context = new RecordingEnumeratorContext<>(2);
        NoMoreSplitsEnumerator<TestSplit, String> enumerator = wrap(context, List.of(new TestSplit(1)), false);
        enumerator.start();
        register(enumerator, context, 0);
        register(enumerator, context, 1);
        context.runAsyncCalls();

        // Subtask 1 fails: its split comes back, and its next attempt registers.
        context.unregister(1);
        enumerator.addSplitsBack(List.of(new TestSplit(1)), 1);
        register(enumerator, context, 1);

        assertThat(context.told())
                .containsExactly(
                        new Told(1, "assign [split-1]"),
                        new Told(0, "no more splits"),
                        new Told(1, "no more splits"),
                        new Told(1, "assign [split-1]"),
                        new Told(1, "no more splits"));
    }

    @Test
    void aFailedDiscoveryTellsNoReaderToFinish() throws Exception {
        RecordingEnumeratorContext<TestSplit> context = new RecordingEnumeratorContext<>(1);
        NoMoreSplitsEnumerator<TestSplit, String> enumerator =
                new NoMoreSplitsEnumerator<>(context, c -> new ScriptedEnumerator(c, null, false, false));
        enumerator.start();
        register(enumerator, context, 0);

        assertThatThrownBy(context::runAsyncCalls).hasMessage("discovery failed");

        assertThat(context.told()).isEmpty();
        register(enumerator, context, 0);
        assertThat(context.told()).isEmpty();
    }

    @Test
    void periodicDiscoveryNeverRunsOutOfSplits() throws Exception {
        RecordingEnumeratorContext<TestSplit> context = new RecordingEnumeratorContext<>(1);
        NoMoreSplitsEnumerator<TestSplit, String> enumerator =
                new NoMoreSplitsEnumerator<>(context, c -> new ScriptedEnumerator(c, List.of(), false, false) {
                    @Override
                    public void start() {
                        c.callAsync(List::of, (found, failure) -> {}, 0, 1000);
                    }
                });
        enumerator.start();
        register(enumerator, context, 0);
        context.runAsyncCalls();

        assertThat(context.periodicCalls()).isEqualTo(1);
        assertThat(context.told()).isEmpty();
    }

    private static NoMoreSplitsEnumerator<TestSplit, String> wrap(
            RecordingEnumeratorContext<TestSplit> context, List<TestSplit> discovered, boolean chained)
            throws Exception {
        return new NoMoreSplitsEnumerator<>(context, c -> new ScriptedEnumerator(c, discovered, chained, false));
    }

    private static void register(
            SplitEnumerator<TestSplit, String> enumerator, RecordingEnumeratorContext<TestSplit> context, int subtask) {
        context.register(subtask);
        enumerator.addReader(subtask);
    }

    record TestSplit(int owner) implements SourceSplit {
        @Override
        public String splitId() {
            return "split-" + owner;
        }
    }

    /**
     * One-time discovery of {@code discovered} (null: the discovery fails); {@code chained}: the splits found are
     * initialised in a second asynchronous call, as the Kafka enumerator does; {@code signals}: it tells readers
     * "no more splits" itself once its splits are handed out, as the Kafka enumerator does on a fresh start.
     */
    static class ScriptedEnumerator implements SplitEnumerator<TestSplit, String> {
        private final SplitEnumeratorContext<TestSplit> context;
        private final List<TestSplit> discovered;
        private final boolean chained;
        private final boolean signals;
        private final Map<Integer, List<TestSplit>> pending = new HashMap<>();
        private boolean done;

        ScriptedEnumerator(
                SplitEnumeratorContext<TestSplit> context,
                List<TestSplit> discovered,
                boolean chained,
                boolean signals) {
            this.context = context;
            this.discovered = discovered;
            this.chained = chained;
            this.signals = signals;
        }

        @Override
        public void start() {
            context.callAsync(this::discover, this::found);
        }

        private List<TestSplit> discover() {
            if (discovered == null) {
                throw new IllegalStateException("discovery failed");
            }
            return discovered;
        }

        private void found(List<TestSplit> splits, Throwable failure) {
            if (failure != null) {
                throw new IllegalStateException(failure.getMessage(), failure);
            }
            if (splits.isEmpty()) {
                return;
            }
            if (chained) {
                context.callAsync(() -> splits, (initialised, t) -> handOut(initialised));
            } else {
                handOut(splits);
            }
        }

        private void handOut(List<TestSplit> splits) {
            splits.forEach(s ->
                    pending.computeIfAbsent(s.owner(), o -> new ArrayList<>()).add(s));
            done = true;
            context.registeredReaders().keySet().forEach(this::assignPending);
        }

        private void assignPending(int subtask) {
            List<TestSplit> splits = pending.remove(subtask);
            if (splits != null) {
                context.assignSplits(new SplitsAssignment<>(Map.of(subtask, splits)));
            }
            if (signals && done) {
                context.signalNoMoreSplits(subtask);
            }
        }

        @Override
        public void addReader(int subtaskId) {
            assignPending(subtaskId);
        }

        @Override
        public void addSplitsBack(List<TestSplit> splits, int subtaskId) {
            splits.forEach(s ->
                    pending.computeIfAbsent(s.owner(), o -> new ArrayList<>()).add(s));
        }

        @Override
        public void handleSplitRequest(int subtaskId, String requesterHostname) {}

        @Override
        public String snapshotState(long checkpointId) {
            return "state-" + checkpointId;
        }

        @Override
        public void close() {}
    }
}
