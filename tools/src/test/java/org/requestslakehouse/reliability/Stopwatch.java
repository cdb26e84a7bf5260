package org.requestslakehouse.reliability;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Wall time and this JVM's CPU time since it started. The suite reports both: on a shared build machine wall time
 * says little, while CPU time tells what a run costs a dedicated two-core CI runner.
 */
final class Stopwatch {
    private final long wallStart = System.nanoTime();
    private final long cpuStart = cpuNanos();

    static Stopwatch start() {
        return new Stopwatch();
    }

    double wallSeconds() {
        return (System.nanoTime() - wallStart) / 1e9;
    }

    double cpuSeconds() {
        return (cpuNanos() - cpuStart) / 1e9;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.1f s wall, %.1f s CPU", wallSeconds(), cpuSeconds());
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
