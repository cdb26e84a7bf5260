package org.requestslakehouse.sources;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.metrics.groups.SplitEnumeratorMetricGroup;

/**
 * The coordinator's context as a bounded enumerator sees it, watching two things {@link NoMoreSplitsEnumerator}
 * needs: whether the enumerator's one-time discovery has finished (no asynchronous work left in flight), and which
 * reader registrations have already been told "no more splits", so each is told exactly once.
 *
 * <p>Everything here runs in the coordinator thread (enumerator calls and {@code callAsync} handlers alike), so
 * the plain fields need no synchronisation.
 */
final class NoMoreSplitsContext<SplitT extends SourceSplit> implements SplitEnumeratorContext<SplitT> {
    private final SplitEnumeratorContext<SplitT> context;
    private final Runnable onDiscoveryFinished;
    private final Set<Integer> signalled = new HashSet<>();
    private int asyncCallsInFlight;
    private boolean periodicDiscovery;

    NoMoreSplitsContext(SplitEnumeratorContext<SplitT> context, Runnable onDiscoveryFinished) {
        this.context = context;
        this.onDiscoveryFinished = onDiscoveryFinished;
    }

    /** Tells a registered reader once per registration; a reader that registers again is told again. */
    void signalOnce(int subtask) {
        if (context.registeredReaders().containsKey(subtask) && signalled.add(subtask)) {
            context.signalNoMoreSplits(subtask);
        }
    }

    /** A new registration of {@code subtask} (a restarted attempt) has not been told anything yet. */
    void forget(int subtask) {
        signalled.remove(subtask);
    }

    @Override
    public void signalNoMoreSplits(int subtask) {
        signalOnce(subtask);
    }

    @Override
    public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler) {
        asyncCallsInFlight++;
        context.callAsync(callable, (result, failure) -> {
            boolean handled = false;
            try {
                handler.accept(result, failure);
                handled = true;
            } finally {
                asyncCallsInFlight--;
                // A handler that scheduled follow-up work (initialising the splits it found) is not the end of
                // discovery; a handler that failed fails the job, and then no reader may be told to finish.
                if (handled && asyncCallsInFlight == 0 && !periodicDiscovery) {
                    onDiscoveryFinished.run();
                }
            }
        });
    }

    @Override
    public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler, long initialDelay, long period) {
        // Periodic discovery can always find more partitions: such a source never runs out of splits.
        periodicDiscovery = true;
        context.callAsync(callable, handler, initialDelay, period);
    }

    @Override
    public SplitEnumeratorMetricGroup metricGroup() {
        return context.metricGroup();
    }

    @Override
    public void sendEventToSourceReader(int subtaskId, SourceEvent event) {
        context.sendEventToSourceReader(subtaskId, event);
    }

    @Override
    public void sendEventToSourceReader(int subtaskId, int attemptNumber, SourceEvent event) {
        context.sendEventToSourceReader(subtaskId, attemptNumber, event);
    }

    @Override
    public int currentParallelism() {
        return context.currentParallelism();
    }

    @Override
    public Map<Integer, ReaderInfo> registeredReaders() {
        return context.registeredReaders();
    }

    @Override
    public Map<Integer, Map<Integer, ReaderInfo>> registeredReadersOfAttempts() {
        return context.registeredReadersOfAttempts();
    }

    @Override
    public void assignSplits(SplitsAssignment<SplitT> newSplitAssignments) {
        context.assignSplits(newSplitAssignments);
    }

    @Override
    public void assignSplit(SplitT split, int subtask) {
        context.assignSplit(split, subtask);
    }

    @Override
    public void runInCoordinatorThread(Runnable runnable) {
        context.runInCoordinatorThread(runnable);
    }

    @Override
    public void setIsProcessingBacklog(boolean isProcessingBacklog) {
        context.setIsProcessingBacklog(isProcessingBacklog);
    }
}
