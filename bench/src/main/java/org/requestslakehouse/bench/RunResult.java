package org.requestslakehouse.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one throughput run measured.
 *
 * @param seconds              wall time from the start of processing to the last commit
 * @param cpuSeconds           CPU time of the measured process over that span
 * @param brokerCpuSeconds     CPU time of the Kafka broker over that span (it serves every reader)
 * @param peakRssBytes         peak resident memory of the measured process
 * @param stateBytesPerCase    checkpointed state per case held, or null when no checkpoint completed while the
 *                             job held state (short runs) or the run keeps no state
 * @param tableRows            rows of each table the run wrote ({@code database.table}, deletes applied), in
 *                             report order; empty when not counted
 */
public record RunResult(
        long events,
        double seconds,
        double cpuSeconds,
        double brokerCpuSeconds,
        long peakRssBytes,
        Double stateBytesPerCase,
        Map<String, Long> tableRows) {

    public RunResult {
        tableRows = Collections.unmodifiableMap(new LinkedHashMap<>(tableRows));
    }

    /** A run whose tables are not counted. */
    public RunResult(
            long events, double seconds, double cpuSeconds, double brokerCpuSeconds, long peakRssBytes, Double state) {
        this(events, seconds, cpuSeconds, brokerCpuSeconds, peakRssBytes, state, Map.of());
    }

    /**
     * The median of each measured figure over runs of the same part (the mean of the two middle values for an even
     * count); events/s and CPU-s per million events follow from the median seconds and CPU-seconds.
     *
     * @throws IllegalStateException if the runs measured different event counts or wrote different rows: then they
     *                               did not do the same work, and a median of them would mean nothing
     */
    public static RunResult median(String part, List<RunResult> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs of " + part);
        }
        RunResult first = runs.get(0);
        for (int i = 1; i < runs.size(); i++) {
            RunResult run = runs.get(i);
            if (run.events() != first.events() || !run.tableRows().equals(first.tableRows())) {
                throw new IllegalStateException("run " + (i + 1) + " of " + part + " measured " + run.events()
                        + " events and wrote " + run.tableRows() + ", run 1 " + first.events() + " and "
                        + first.tableRows());
            }
        }
        List<Double> states = runs.stream()
                .map(RunResult::stateBytesPerCase)
                .filter(Objects::nonNull)
                .toList();
        return new RunResult(
                first.events(),
                median(runs.stream().map(RunResult::seconds).toList()),
                median(runs.stream().map(RunResult::cpuSeconds).toList()),
                median(runs.stream().map(RunResult::brokerCpuSeconds).toList()),
                Math.round(
                        median(runs.stream().map(r -> (double) r.peakRssBytes()).toList())),
                states.isEmpty() ? null : median(states),
                first.tableRows());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    public double eventsPerSecond() {
        return events / seconds;
    }

    public double cpuSecondsPerMillion() {
        return cpuSeconds * 1e6 / events;
    }

    public double brokerCpuSecondsPerMillion() {
        return brokerCpuSeconds * 1e6 / events;
    }

    /** Events per CPU-second of the measured process: the efficiency the peer comparison is about. */
    public double eventsPerCpuSecond() {
        return events / cpuSeconds;
    }

    public double peakRssMib() {
        return peakRssBytes / (1024.0 * 1024.0);
    }
}
