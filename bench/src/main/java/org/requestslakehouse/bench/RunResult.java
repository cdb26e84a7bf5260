package org.requestslakehouse.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

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
