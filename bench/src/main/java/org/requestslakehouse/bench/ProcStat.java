package org.requestslakehouse.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * CPU time and peak resident memory of one process, read from Linux's {@code /proc} like Nexmark's "cores × time"
 * metric: user plus system time, whatever the number of threads, so a process that keeps two cores busy for 10 s
 * shows 20 CPU-seconds.
 *
 * @param cpuSeconds    user + system time since the process started
 * @param peakRssBytes  the high-water mark of its resident set ({@code VmHWM}); 0 when the kernel no longer
 *                      reports it (a process that has exited)
 */
public record ProcStat(double cpuSeconds, long peakRssBytes) {

    /**
     * The unit of the {@code /proc/<pid>/stat} times, {@code sysconf(_SC_CLK_TCK)}. Linux fixes it (USER_HZ) at
     * 100 on every architecture a JVM runs on, independent of the kernel's own tick rate.
     */
    static final int USER_HZ = 100;

    /** Fields of {@code /proc/<pid>/stat} counted from 1, as proc(5) numbers them. */
    private static final int UTIME_FIELD = 14;

    private static final int STIME_FIELD = 15;
    /** The first field after the parenthesised command name. */
    private static final int STATE_FIELD = 3;

    public static ProcStat of(long pid) {
        Path dir = Paths.get("/proc", Long.toString(pid));
        try {
            return new ProcStat(
                    cpuSeconds(Files.readString(dir.resolve("stat"))),
                    peakRssBytes(Files.readString(dir.resolve("status"))));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read /proc for process " + pid + " (has it exited?)", e);
        }
    }

    public static ProcStat self() {
        return of(ProcessHandle.current().pid());
    }

    /** User + system seconds from the one line of {@code /proc/<pid>/stat}. */
    static double cpuSeconds(String stat) {
        // The command name is in parentheses and may itself contain spaces and parentheses: count from the last ')'.
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            throw new IllegalArgumentException("Not a /proc/<pid>/stat line: " + stat);
        }
        String[] fields = stat.substring(end + 1).trim().split("\\s+");
        long ticks =
                Long.parseLong(fields[UTIME_FIELD - STATE_FIELD]) + Long.parseLong(fields[STIME_FIELD - STATE_FIELD]);
        return ticks / (double) USER_HZ;
    }

    /** {@code VmHWM} of {@code /proc/<pid>/status} in bytes; 0 when absent (a zombie has no memory map). */
    static long peakRssBytes(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmHWM:")) {
                String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
                if (parts.length != 2 || !parts[1].equals("kB")) {
                    throw new IllegalArgumentException("Unexpected VmHWM line: " + line);
                }
                return Long.parseLong(parts[0]) * 1024;
            }
        }
        return 0;
    }

    /** What this process used between {@code earlier} and now; the peak is this sample's, a lifetime high. */
    public ProcStat since(ProcStat earlier) {
        return new ProcStat(cpuSeconds - earlier.cpuSeconds, peakRssBytes);
    }
}
