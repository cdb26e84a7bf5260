package org.requestslakehouse.reliability;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One failure to inject exactly once, as soon as bronze holds {@code afterEvents} committed rows and the place it
 * targets is next used.
 */
final class Fault {
    private final FaultKind kind;
    /** A table name, or null for any table (or where the kind needs none). */
    private final String target;
    private final long afterEvents;
    private final AtomicLong firedAtEvents = new AtomicLong(-1);

    Fault(FaultKind kind, String target, long afterEvents) {
        this.kind = kind;
        this.target = target;
        this.afterEvents = afterEvents;
    }

    FaultKind kind() {
        return kind;
    }

    String target() {
        return target;
    }

    long afterEvents() {
        return afterEvents;
    }

    boolean isDue(FaultKind candidate, String place, long progress) {
        return kind == candidate && (target == null || target.equals(place)) && progress >= afterEvents && !fired();
    }

    /** @return true for the one caller that gets to inject it */
    boolean fire(long progress) {
        return firedAtEvents.compareAndSet(-1, progress);
    }

    boolean fired() {
        return firedAtEvents.get() >= 0;
    }

    @Override
    public String toString() {
        String where = target == null ? "" : " at " + target;
        String when = fired() ? String.format(Locale.ROOT, "fired after %,d bronze rows", firedAtEvents.get()) : "not fired";
        return String.format(Locale.ROOT, "%s%s, due after %,d bronze rows (%s)", kind, where, afterEvents, when);
    }
}
