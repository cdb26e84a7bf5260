package org.requestslakehouse.bench;

import java.util.Arrays;

/** Nearest-rank percentiles: always a value that was measured, never an interpolation between two. */
final class Percentiles {
    private Percentiles() {}

    /**
     * @param sortedValues ascending, not empty
     * @param percentile   in (0, 100]
     */
    static long nearestRank(long[] sortedValues, double percentile) {
        if (sortedValues.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (percentile <= 0 || percentile > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100], was " + percentile);
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sortedValues.length);
        return sortedValues[Math.max(rank, 1) - 1];
    }

    static long[] sorted(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }
}
