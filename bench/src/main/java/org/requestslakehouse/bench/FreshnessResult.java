package org.requestslakehouse.bench;

/**
 * Freshness at a fixed input rate: seconds from an event's production to the commit of the snapshot that makes it
 * visible, over the events produced after the warm-up.
 *
 * @param goldNotVisible cases whose opening never became visible in gold before the run ended (expected 0)
 */
public record FreshnessResult(
        double ratePerSecond,
        long events,
        long measuredEvents,
        double silverP50Seconds,
        double silverP99Seconds,
        double goldP50Seconds,
        double goldP99Seconds,
        long goldNotVisible) {

    static FreshnessResult of(double ratePerSecond, long events, FreshnessAnalysis.Latencies latencies) {
        long[] silver = Percentiles.sorted(latencies.silverMillis());
        long[] gold = Percentiles.sorted(latencies.goldMillis());
        if (silver.length == 0 || gold.length == 0) {
            throw new IllegalStateException("No event produced after the warm-up became visible (silver "
                    + silver.length + ", gold " + gold.length + "); run with more events");
        }
        return new FreshnessResult(
                ratePerSecond,
                events,
                silver.length,
                Percentiles.nearestRank(silver, 50) / 1000.0,
                Percentiles.nearestRank(silver, 99) / 1000.0,
                Percentiles.nearestRank(gold, 50) / 1000.0,
                Percentiles.nearestRank(gold, 99) / 1000.0,
                latencies.goldNotVisible());
    }
}
