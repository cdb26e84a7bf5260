package org.requestslakehouse.replay;

/**
 * Decides when each event may be sent. Two independent limits, both optional:
 * <ul>
 *   <li>speedup N: event-time pacing, N seconds of history per wall-clock second, anchored at the first event;
 *       events whose time goes backwards (unsorted exports) are sent at once rather than waiting;</li>
 *   <li>rate N: at most N events per second on average, anchored at the first event so a slow spell is caught up
 *       instead of lost.</li>
 * </ul>
 * The later of the two deadlines wins.
 */
public final class Pacer {
    private final PacingClock clock;
    private final double speedup;
    private final double ratePerSecond;
    private long startNanos = -1;
    private long firstEventMillis;
    private long sent;

    /** @param speedup 0 for no event-time pacing; @param ratePerSecond 0 for no rate limit */
    public Pacer(PacingClock clock, double speedup, double ratePerSecond) {
        if (speedup < 0 || ratePerSecond < 0) {
            throw new IllegalArgumentException("speedup and rate must be >= 0");
        }
        this.clock = clock;
        this.speedup = speedup;
        this.ratePerSecond = ratePerSecond;
    }

    /** Starts a new pass: the next event is anchored afresh (a looping replay starts its history again). */
    public void restart() {
        startNanos = -1;
        sent = 0;
    }

    /** Blocks until the event with this event time may be sent. */
    public void awaitTurn(long eventTimeMillis) throws InterruptedException {
        if (startNanos < 0) {
            startNanos = clock.nanoTime();
            firstEventMillis = eventTimeMillis;
        }
        long deadline = startNanos;
        if (speedup > 0) {
            long historyMillis = Math.max(0, eventTimeMillis - firstEventMillis);
            deadline = Math.max(deadline, startNanos + (long) (historyMillis * 1_000_000d / speedup));
        }
        if (ratePerSecond > 0) {
            deadline = Math.max(deadline, startNanos + (long) (sent * 1_000_000_000d / ratePerSecond));
        }
        long wait = deadline - clock.nanoTime();
        if (wait > 0) {
            clock.sleepNanos(wait);
        }
        sent++;
    }
}
