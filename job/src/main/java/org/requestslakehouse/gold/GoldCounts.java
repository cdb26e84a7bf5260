package org.requestslakehouse.gold;

/** The counts of one gold window, as the streaming aggregator and the batch recomputation each arrive at them. */
public record GoldCounts(long opened, long closed, long closedOnTime, long closedOverdue) {

    /** closed_on_time / (closed_on_time + closed_overdue); null when no closed case had a target. */
    public Double onTimeRate() {
        long rated = closedOnTime + closedOverdue;
        return rated == 0 ? null : (double) closedOnTime / rated;
    }
}
