package org.requestslakehouse.generate;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Reports a long generation run on stderr. On a terminal it keeps one line up to date ({@code \r}) with rate and
 * ETA; otherwise (CI logs, redirected output) it prints a plain line at every tenth of the rows, so logs stay short.
 * Both end with a summary line.
 */
public final class GenerationProgress implements ProgressListener {

    private static final long REDRAW_INTERVAL_NANOS = 250_000_000L;
    private static final int STEPS = 10;

    private final PrintWriter out;
    private final long totalRows;
    private final boolean interactive;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private long lastRedrawNanos;
    private int stepsReported;
    private boolean lineOpen;

    public GenerationProgress(PrintWriter out, long totalRows, boolean interactive, LongSupplier nanoClock) {
        this.out = out;
        this.totalRows = totalRows;
        this.interactive = interactive;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        this.lastRedrawNanos = startNanos;
    }

    /** Interactive when a console is attached, timed by {@link System#nanoTime()}. */
    public static GenerationProgress forCurrentTerminal(PrintWriter out, long totalRows) {
        return new GenerationProgress(out, totalRows, System.console() != null, System::nanoTime);
    }

    @Override
    public void rowsWritten(long written) {
        long now = nanoClock.getAsLong();
        if (interactive) {
            if (now - lastRedrawNanos >= REDRAW_INTERVAL_NANOS || written >= totalRows) {
                lastRedrawNanos = now;
                out.print("\r" + status(written, now) + "   ");
                out.flush();
                lineOpen = true;
            }
            return;
        }
        int step = totalRows == 0 ? STEPS : (int) Math.min(STEPS, written * STEPS / totalRows);
        if (step > stepsReported) {
            stepsReported = step;
            out.println("generate: " + status(written, now));
            out.flush();
        }
    }

    /** Prints the summary line: rows, destination, seconds and rate. */
    public void finish(long written, String destination) {
        long now = nanoClock.getAsLong();
        if (lineOpen) {
            out.println();
        }
        double seconds = seconds(now);
        out.println(String.format(Locale.US, "generated %,d rows into %s in %.1f s (%,.0f rows/s)",
                written, destination, seconds, rate(written, seconds)));
        out.flush();
    }

    private String status(long written, long now) {
        double seconds = seconds(now);
        double rate = rate(written, seconds);
        long percent = totalRows == 0 ? 100 : written * 100 / totalRows;
        String eta = rate > 0 ? String.format(Locale.US, "%.1f s", (totalRows - written) / rate) : "unknown";
        return String.format(Locale.US, "%,d of %,d rows (%d%%), %,.0f rows/s, ETA %s",
                written, totalRows, percent, rate, eta);
    }

    private double seconds(long now) {
        return (now - startNanos) / 1e9;
    }

    private static double rate(long written, double seconds) {
        return seconds > 0 ? written / seconds : 0;
    }
}
