package org.requestslakehouse.bench;

/**
 * What one throughput run measured.
 *
 * @param seconds              wall time from the start of processing to the last commit
 * @param cpuSeconds           CPU time of the measured process over that span
 * @param brokerCpuSeconds     CPU time of the Kafka broker over that span (it serves every reader)
 * @param peakRssBytes         peak resident memory of the measured process
 * @param stateBytesPerCase    checkpointed state per case held, or null when no checkpoint completed while the
 *                             job held state (short runs) or the run keeps no state
 */
public record RunResult(
        long events,
        double seconds,
        double cpuSeconds,
        double brokerCpuSeconds,
        long peakRssBytes,
        Double stateBytesPerCase) {

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
