package org.requestslakehouse.progress;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of a long command, on stderr. On a terminal: one line redrawn in place ({@code \r}) at most four times
 * a second, with a bar, count, rate and ETA. Otherwise (CI logs, pipes): a plain line every {@code plainEvery},
 * so logs stay short and readable. Both end with a summary line from {@link #finish}.
 *
 * <p>The total may be unknown (a negative number; no bar, percentage or ETA then) or become known later
 * ({@link #total}), e.g. once a background count of the input is done. Safe to feed from another thread.
 */
public final class ProgressReporter {
    static final long REDRAW_NANOS = 250_000_000L;
    static final Duration PLAIN_EVERY = Duration.ofSeconds(10);
    private static final int BAR_WIDTH = 20;
    /** Erases what an earlier, longer line left to the right of the cursor. */
    private static final String CLEAR_TO_END_OF_LINE = "\u001B[K";

    private final String label;
    private final String unit;
    private final PrintWriter out;
    private final boolean terminal;
    private final long plainEveryNanos;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private long total;
    private long lastPrintNanos;
    private long count;

    /**
     * @param total      expected count, or a negative number when unknown
     * @param terminal   redraw one line in place instead of printing plain lines
     * @param plainEvery interval between plain lines when not on a terminal
     * @param nanoClock  monotonic time in nanoseconds ({@code System::nanoTime} outside tests)
     */
    public ProgressReporter(
            String label,
            String unit,
            long total,
            PrintWriter out,
            boolean terminal,
            Duration plainEvery,
            LongSupplier nanoClock) {
        this.label = label;
        this.unit = unit;
        this.total = total;
        this.out = out;
        this.terminal = terminal;
        this.plainEveryNanos = plainEvery.toNanos();
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        this.lastPrintNanos = startNanos;
    }

    /** Progress on stderr: redrawn when a terminal is attached, else a plain line every 10 s. */
    public static ProgressReporter forConsole(String label, String unit, long total) {
        return forConsole(label, unit, total, new PrintWriter(System.err, true));
    }

    /** @param err the command's error stream (picocli's, so tests can capture it) */
    public static ProgressReporter forConsole(String label, String unit, long total, PrintWriter err) {
        return new ProgressReporter(label, unit, total, err, System.console() != null, PLAIN_EVERY, System::nanoTime);
    }

    public synchronized void advance(long n) {
        update(count + n);
    }

    /** Sets the count so far, for sources that report a running total (rows written, rows committed). */
    public synchronized void update(long countSoFar) {
        count = countSoFar;
        long now = nanoClock.getAsLong();
        if (now - lastPrintNanos >= (terminal ? REDRAW_NANOS : plainEveryNanos)) {
            lastPrintNanos = now;
            printStatus(now);
        }
    }

    /** The expected count, once it is known. */
    public synchronized void total(long expected) {
        total = expected;
    }

    public synchronized long count() {
        return count;
    }

    /** Ends the redrawn line and prints {@code label: N unit in S s (R unit/s)}. */
    public synchronized void finish() {
        finish(null);
    }

    /** @param destination where the work went, printed as {@code into DESTINATION}; null for none */
    public synchronized void finish(String destination) {
        long now = nanoClock.getAsLong();
        if (terminal) {
            printStatus(now);
            out.println();
        }
        double seconds = seconds(now);
        out.println(String.format(
                Locale.ROOT,
                "%s: %,d %s%s in %.1f s (%,.0f %s/s)",
                label,
                count,
                unit,
                destination == null ? "" : " into " + destination,
                seconds,
                rate(seconds),
                unit));
        out.flush();
    }

    private void printStatus(long now) {
        double seconds = seconds(now);
        double rate = rate(seconds);
        StringBuilder line = new StringBuilder(label).append(": ");
        if (terminal && total > 0) {
            line.append(bar()).append(' ');
        }
        line.append(String.format(Locale.ROOT, "%,d", count));
        if (total >= 0) {
            line.append(String.format(
                    Locale.ROOT,
                    " of %,d %s (%d%%)",
                    total,
                    unit,
                    total == 0 ? 100 : Math.min(100, count * 100 / total)));
        } else {
            line.append(' ').append(unit);
        }
        line.append(String.format(Locale.ROOT, ", %,.0f %s/s", rate, unit));
        if (total >= 0 && rate > 0) {
            line.append(", ETA ").append(eta(Math.max(0, total - count) / rate));
        }
        if (terminal) {
            out.print("\r" + line + CLEAR_TO_END_OF_LINE);
        } else {
            out.println(line);
        }
        out.flush();
    }

    private String bar() {
        int filled = (int) Math.min(BAR_WIDTH, count * BAR_WIDTH / total);
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "]";
    }

    private double seconds(long now) {
        return (now - startNanos) / 1e9;
    }

    private double rate(double seconds) {
        return seconds > 0 ? count / seconds : 0;
    }

    static String eta(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}
