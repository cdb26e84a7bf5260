package org.requestslakehouse.gold;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.kll.KllSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * The resolution-hours statistics of one gold window, and the single definition of its quantiles shared by the
 * streaming aggregator and the batch recomputation.
 *
 * <p>Quantiles come from a KLL sketch with k = {@value #K} and inclusive search: the p-quantile is the smallest
 * value v such that at least p of the values are &lt;= v. A KLL sketch cannot remove items, and windows must
 * forget the values of retracted cases, so the windows keep the exact multiset of values and build the sketch
 * from it at emission time.
 *
 * <p>Tolerance: with at most k values the sketch holds them all and the quantiles are exact, so streaming and
 * batch agree bit for bit. Beyond k it compacts at random and is only guaranteed within a normalised rank error
 * of about 1.33% (KLL's single-query bound for k = 200 at 99% confidence). Two independently built sketches may
 * then answer differently; {@link #acceptedBand} gives the values whose rank lies within
 * {@link #RANK_TOLERANCE} (twice that bound, so a correct answer is rejected with negligible probability) of the
 * requested rank, computed from the exact values.
 */
public final class ResolutionQuantiles {
    public static final int K = 200;
    public static final double RANK_TOLERANCE = 2 * KllSketch.getNormalizedRankError(K, false);

    private static final ResolutionQuantiles NONE = new ResolutionQuantiles(new double[0]);

    private final double[] sorted;
    private final KllDoublesSketch sketch;

    private ResolutionQuantiles(double[] sorted) {
        this.sorted = sorted;
        this.sketch = KllDoublesSketch.newHeapInstance(K);
        if (sorted.length > 0) {
            sketch.update(sorted, 0, sorted.length);
        }
    }

    public static ResolutionQuantiles of(Collection<Double> values) {
        if (values.isEmpty()) {
            return NONE;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return new ResolutionQuantiles(sorted);
    }

    /** @param sortedValues ascending; not copied, so the caller must not change it afterwards */
    public static ResolutionQuantiles ofSorted(double[] sortedValues) {
        return sortedValues.length == 0 ? NONE : new ResolutionQuantiles(sortedValues);
    }

    /** @param multiset distinct values with how often each occurs; entries with a count below 1 are skipped */
    public static ResolutionQuantiles ofCounts(Iterable<Map.Entry<Double, Integer>> multiset) {
        double[] values = new double[16];
        int n = 0;
        for (Map.Entry<Double, Integer> entry : multiset) {
            for (int i = 0; i < entry.getValue(); i++) {
                if (n == values.length) {
                    values = Arrays.copyOf(values, n * 2);
                }
                values[n++] = entry.getKey();
            }
        }
        if (n == 0) {
            return NONE;
        }
        double[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return new ResolutionQuantiles(sorted);
    }

    public int count() {
        return sorted.length;
    }

    /** True when the quantiles are exact order statistics rather than sketch estimates. */
    public boolean isExact() {
        return !sketch.isEstimationMode();
    }

    /** Null when there are no values. */
    public Double p50() {
        return quantile(0.5);
    }

    /** Null when there are no values. */
    public Double p90() {
        return quantile(0.9);
    }

    /** Null when there are no values. Summed in ascending order, so equal multisets give equal means. */
    public Double mean() {
        if (sorted.length == 0) {
            return null;
        }
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        return sum / sorted.length;
    }

    public Double quantile(double rank) {
        return sorted.length == 0 ? null : sketch.getQuantile(rank, QuantileSearchCriteria.INCLUSIVE);
    }

    /**
     * The answers to {@code quantile(rank)} that a correct sketch over the same values may give: the exact answer
     * while the sketch is exact, else every value whose rank is within {@link #RANK_TOLERANCE} of {@code rank}.
     * Null when there are no values.
     */
    public QuantileBand acceptedBand(double rank) {
        if (sorted.length == 0) {
            return null;
        }
        if (isExact()) {
            return QuantileBand.exactly(quantile(rank));
        }
        return new QuantileBand(
                exactQuantile(Math.max(0, rank - RANK_TOLERANCE)), exactQuantile(Math.min(1, rank + RANK_TOLERANCE)));
    }

    /** Inclusive definition, as the sketch's: the value at natural rank ceil(rank * n). */
    private double exactQuantile(double rank) {
        int naturalRank = (int) Math.ceil(rank * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, naturalRank) - 1)];
    }
}
