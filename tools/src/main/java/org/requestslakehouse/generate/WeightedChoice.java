package org.requestslakehouse.generate;

import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;

/**
 * Picks items with probability proportional to a weight. Immutable, so one instance is shared by every
 * generator; the randomness comes from the caller's generator, which keeps output a pure function of the seed.
 */
final class WeightedChoice<T> {
    private final Object[] items;
    private final double[] cumulative;

    private WeightedChoice(Object[] items, double[] weights) {
        this.items = items;
        this.cumulative = new double[weights.length];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            double w = weights[i];
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weight must be finite and >= 0, got " + w + " for " + items[i]);
            }
            total += w;
            cumulative[i] = total;
        }
        if (weights.length == 0 || total <= 0) {
            throw new IllegalArgumentException("a weighted choice needs at least one item with a positive weight");
        }
    }

    static <T> WeightedChoice<T> of(List<T> items, ToDoubleFunction<T> weight) {
        double[] weights = new double[items.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = weight.applyAsDouble(items.get(i));
        }
        return new WeightedChoice<>(items.toArray(), weights);
    }

    static <T> WeightedChoice<T> of(List<T> items, List<? extends Number> weights) {
        if (items.size() != weights.size()) {
            throw new IllegalArgumentException(items.size() + " items but " + weights.size() + " weights");
        }
        return new WeightedChoice<>(
                items.toArray(),
                weights.stream().mapToDouble(Number::doubleValue).toArray());
    }

    /** Items and weights as alternating arguments: {@code ofPairs("a", 3.0, "b", 1.0)}. */
    static <T> WeightedChoice<T> ofPairs(Object... itemsAndWeights) {
        if (itemsAndWeights.length % 2 != 0) {
            throw new IllegalArgumentException("expected item, weight pairs");
        }
        Object[] items = new Object[itemsAndWeights.length / 2];
        double[] weights = new double[items.length];
        for (int i = 0; i < items.length; i++) {
            items[i] = itemsAndWeights[2 * i];
            weights[i] = ((Number) itemsAndWeights[2 * i + 1]).doubleValue();
        }
        return new WeightedChoice<>(items, weights);
    }

    @SuppressWarnings("unchecked")
    T pick(RandomGenerator random) {
        double target = random.nextDouble() * cumulative[cumulative.length - 1];
        // first slot whose cumulative weight exceeds the target, so zero-weight items are never chosen
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return (T) items[lo];
    }
}
