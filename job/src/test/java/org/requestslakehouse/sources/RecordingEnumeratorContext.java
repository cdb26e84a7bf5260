package org.requestslakehouse.sources;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.metrics.groups.SplitEnumeratorMetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;

/**
 * A source coordinator's context for enumerator tests: it records what readers were told, in order, and runs the
 * enumerator's asynchronous calls only when the test says so, in the test's thread (which then plays both the
 * worker and the coordinator thread).
 */
final class RecordingEnumeratorContext<SplitT extends SourceSplit> implements SplitEnumeratorContext<SplitT> {
    /** What one reader was told: {@code "assign <splits>"} or {@code "no more splits"}. */
    record Told(int subtask, String what) {}

    private final int parallelism;
    private final Map<Integer, ReaderInfo> readers = new TreeMap<>();
    private final List<Told> told = new ArrayList<>();
    private final Deque<Runnable> asyncCalls = new ArrayDeque<>();
    private int periodicCalls;

    RecordingEnumeratorContext(int parallelism) {
        this.parallelism = parallelism;
    }

    /** A reader (attempt) registers with the coordinator, which then calls the enumerator's addReader. */
    void register(int subtask) {
        readers.put(subtask, new ReaderInfo(subtask, "localhost"));
    }

    void unregister(int subtask) {
        readers.remove(subtask);
    }

    /** Runs the pending one-time async calls, and those they schedule, until none is left. */
    void runAsyncCalls() {
        while (!asyncCalls.isEmpty()) {
            asyncCalls.poll().run();
        }
    }

    /** Runs the oldest pending one-time async call only, not what it schedules. */
    void runNextAsyncCall() {
        asyncCalls.poll().run();
    }

    int periodicCalls() {
        return periodicCalls;
    }

    List<Told> told() {
        return List.copyOf(told);
    }

    List<Integer> toldNoMoreSplits() {
        return told.stream()
                .filter(t -> t.what().equals("no more splits"))
                .map(Told::subtask)
                .toList();
    }

    @Override
    public void signalNoMoreSplits(int subtask) {
        told.add(new Told(subtask, "no more splits"));
    }

    @Override
    public void assignSplits(SplitsAssignment<SplitT> assignment) {
        assignment
                .assignment()
                .forEach((subtask, splits) -> told.add(new Told(
                        subtask,
                        "assign "
                                + splits.stream()
                                        .map(SourceSplit::splitId)
                                        .sorted()
                                        .toList())));
    }

    @Override
    public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler) {
        asyncCalls.add(() -> {
            T result;
            try {
                result = callable.call();
            } catch (Throwable t) {
                handler.accept(null, t);
                return;
            }
            handler.accept(result, null);
        });
    }

    @Override
    public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler, long initialDelay, long period) {
        periodicCalls++;
    }

    @Override
    public SplitEnumeratorMetricGroup metricGroup() {
        return UnregisteredMetricsGroup.createSplitEnumeratorMetricGroup();
    }

    @Override
    public void sendEventToSourceReader(int subtaskId, SourceEvent event) {
        told.add(new Told(subtaskId, "event " + event));
    }

    @Override
    public int currentParallelism() {
        return parallelism;
    }

    @Override
    public Map<Integer, ReaderInfo> registeredReaders() {
        return Collections.unmodifiableMap(new TreeMap<>(readers));
    }

    @Override
    public void runInCoordinatorThread(Runnable runnable) {
        runnable.run();
    }
}
