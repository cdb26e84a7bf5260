package org.requestslakehouse.gold;

import java.time.Instant;
import java.util.Arrays;
import org.requestslakehouse.gold.lifecycle.CaseDimensions;
import org.requestslakehouse.gold.lifecycle.GoldDelta;
import org.requestslakehouse.gold.lifecycle.Measure;

/**
 * What a gold window operator receives: the net effect of one or more {@link GoldDelta}s on one window, so that
 * deltas are combined before the keyed exchange instead of each being shipped, looked up and written on its own
 * (see {@link WindowChangeCombiner}). A change is either combined, or one delta passed on alone ({@link #single}):
 * the latter for windows the watermark has reached, where the window operator may find it late and must then record
 * which case it came from.
 */
public class WindowChange {
    /**
     * Where the window is: its table computes the key from these, as from a delta. They are those of the first
     * delta combined; the other deltas agree on every dimension the key uses and on the window.
     */
    public Instant eventTs;

    public String city;
    public String neighborhood;
    public String department;
    public String type;

    public long opened;
    public long closed;
    public long closedOnTime;
    public long closedOverdue;
    /** resolution_hours added, ascending; a value added and retracted within one change is in neither array. */
    public double[] resolutionAdded = SortedDoubles.EMPTY;
    /** resolution_hours retracted, ascending. */
    public double[] resolutionRetracted = SortedDoubles.EMPTY;

    /** The delta when this change is exactly that delta, passed on alone; null when combined. */
    public GoldDelta single;

    public WindowChange() {}

    /** A change that is this delta alone. */
    public static WindowChange of(GoldDelta delta) {
        WindowChange change = locatedAt(delta);
        change.single = delta;
        change.add(delta);
        return change;
    }

    /** An empty change to the window of {@code delta}, to {@link #add} deltas of that window to. */
    static WindowChange locatedAt(GoldDelta delta) {
        WindowChange change = new WindowChange();
        change.eventTs = delta.eventTs;
        change.city = delta.city;
        change.neighborhood = delta.neighborhood;
        change.department = delta.department;
        change.type = delta.type;
        return change;
    }

    /** Adds a delta of the same window, with the window's own arithmetic ({@link WindowAccumulator}). */
    void add(GoldDelta delta) {
        if (delta.measure == Measure.OPENED) {
            opened += delta.sign;
            return;
        }
        closed += delta.sign;
        if (Boolean.TRUE.equals(delta.closedOnTime)) {
            closedOnTime += delta.sign;
        } else if (Boolean.FALSE.equals(delta.closedOnTime)) {
            closedOverdue += delta.sign;
        }
        if (delta.resolutionHours == null) {
            return;
        }
        double hours = delta.resolutionHours;
        if (delta.sign > 0) {
            double[] cancelled = SortedDoubles.remove(resolutionRetracted, hours);
            if (cancelled != resolutionRetracted) {
                resolutionRetracted = cancelled;
            } else {
                resolutionAdded = SortedDoubles.insert(resolutionAdded, hours);
            }
        } else {
            double[] cancelled = SortedDoubles.remove(resolutionAdded, hours);
            if (cancelled != resolutionAdded) {
                resolutionAdded = cancelled;
            } else {
                resolutionRetracted = SortedDoubles.insert(resolutionRetracted, hours);
            }
        }
    }

    public CaseDimensions dimensions() {
        return new CaseDimensions(city, neighborhood, department, type);
    }

    @Override
    public String toString() {
        return (single != null ? "WindowChange{" + single : "WindowChange{combined at " + eventTs)
                + ", opened " + opened + ", closed " + closed + " (on time " + closedOnTime + ", overdue "
                + closedOverdue + "), hours +" + Arrays.toString(resolutionAdded) + " -"
                + Arrays.toString(resolutionRetracted) + "}";
    }
}
