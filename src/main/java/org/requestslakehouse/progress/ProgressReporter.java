package org.requestslakehouse.progress;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a long command. On a terminal: one line redrawn in place with count, rate and ETA. Otherwise
 * (CI logs, pipes): a plain line at most every {@code logEveryNanos}, so logs stay readable.
 */
public final class ProgressReporter {
    private static final long REDRAW_NANOS = 200_000_000L;

    private final String label;
    private final String unit;
    private final long total;
    private final PrintStream out;
    private final boolean terminal;
    private final long logEveryNanos;
    private final long startNanos = System.nanoTime();
    private long lastPrintNanos = startNanos;
    private long count;

    /** @param total expected count, or a negative number when unknown (no ETA then) */
    public ProgressReporter(String label, String unit, long total, PrintStream out, boolean terminal, long logEverySeconds) {
        this.label = label;
        this.unit = unit;
        this.total = total;
        this.out = out;
        this.terminal = terminal;
        this.logEveryNanos = logEverySeconds * 1_000_000_000L;
    }

    /** Progress to stderr, redrawn when attached to a terminal, else one line every 10 s. */
    public static ProgressReporter forConsole(String label, String unit, long total) {
        return new ProgressReporter(label, unit, total, System.err, System.console() != null, 10);
    }

    public void advance(long n) {
        count += n;
        long now = System.nanoTime();
        if (now - lastPrintNanos >= (terminal ? REDRAW_NANOS : logEveryNanos)) {
            lastPrintNanos = now;
            print(now, false);
        }
    }

    public long count() {
        return count;
    }

    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Prints the final line: count, seconds and average rate. */
    public void finish() {
        print(System.nanoTime(), true);
    }

    private void print(long now, boolean done) {
        double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
        double rate = count / seconds;
        StringBuilder line = new StringBuilder(label).append(": ").append(String.format(Locale.ROOT, "%,d", count));
        if (total >= 0) {
            line.append('/').append(String.format(Locale.ROOT, "%,d", total));
            if (!done && terminal) {
                line.append(' ').append(bar(count, total));
            }
        }
        line.append(' ').append(unit).append(String.format(Locale.ROOT, ", %,.0f %s/s", rate, unit));
        if (done) {
            line.append(String.format(Locale.ROOT, ", %.1f s", seconds));
        } else if (total > 0 && rate > 0) {
            line.append(String.format(Locale.ROOT, ", ETA %s", eta((total - count) / rate)));
        }
        if (terminal) {
            out.print("\r" + line + "\u001B[K" + (done ? "\n" : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }

    private static String bar(long count, long total) {
        int width = 24;
        int filled = (int) Math.min(width, total == 0 ? width : count * width / total);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }

    static String eta(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
