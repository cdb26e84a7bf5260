package org.requestslakehouse.reliability;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One failure to inject exactly once: the test arms it, and it strikes the next time the place it targets is used
 * (or, for a lost TaskManager, when the test shuts one down).
 */
final class Fault {
    private final FaultKind kind;
    /** A table name, or null for any table (or where the kind needs none). */
    private final String target;

    private volatile boolean armed;
    private final AtomicLong firedAtEvents = new AtomicLong(-1);

    Fault(FaultKind kind, String target) {
        this.kind = kind;
        this.target = target;
    }

    FaultKind kind() {
        return kind;
    }

    String target() {
        return target;
    }

    void arm() {
        armed = true;
    }

    boolean isDue(FaultKind candidate, String place) {
        return armed && kind == candidate && (target == null || target.equals(place)) && !fired();
    }

    /**
     * @param progress bronze rows committed when it struck, for the report
     * @return true for the one caller that gets to inject it
     */
    boolean fire(long progress) {
        return firedAtEvents.compareAndSet(-1, progress);
    }

    boolean fired() {
        return firedAtEvents.get() >= 0;
    }

    @Override
    public String toString() {
        String where = target == null ? "" : " at " + target;
        String when = fired()
                ? String.format(Locale.ROOT, "fired after %,d bronze rows", firedAtEvents.get())
                : armed ? "armed, not fired" : "not armed";
        return kind + where + " (" + when + ")";
    }
}
