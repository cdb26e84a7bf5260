package org.requestslakehouse.replay;

/** How CSV rows become events. Both modes must lead to the same gold (see docs/gold.md). */
public enum ReplayMode {
    /** One SNAPSHOT event per row, in file order: the case as the export shows it. */
    SNAPSHOT,
    /**
     * An OPENED event at open_ts (the row with its closure blanked) and, for closed cases, a CLOSED event at
     * closed_ts (never before open_ts), in event-time order.
     */
    LIFECYCLE
}
