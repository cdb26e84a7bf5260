package org.requestslakehouse.gold;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Compares gold as written with gold as recomputed, and lists every difference in words.
 *
 * <p>Rules, per {@link GoldMeasure.Comparison}: a missing row equals a row of zeros (a window whose cases all moved
 * away may or may not have had its zero row written). Counts must match exactly. p50/p90 must lie within the band
 * the recomputation allows (exact up to {@value ResolutionQuantiles#K} values, see {@link ResolutionQuantiles}).
 * on_time_rate must match within {@value #RATE_TOLERANCE}; the mean within a relative
 * {@value #MEAN_RELATIVE_TOLERANCE}, as the two sides add the same values in different orders.
 */
public final class GoldComparison {
    public static final double RATE_TOLERANCE = 1e-9;
    public static final double MEAN_RELATIVE_TOLERANCE = 1e-9;

    private static final GoldRow ZERO = new GoldRow();

    private GoldComparison() {}

    /** @return the differences of one table, ordered by window; empty when its gold is correct */
    public static <K, R extends GoldRow> List<String> compare(
            GoldTable<K, R> table, RecomputedGold recomputed, Iterable<R> actualRows) {
        List<String> differences = new ArrayList<>();
        Map<K, ExpectedRow<R>> expected = recomputed.expected(table);
        Map<K, R> actual = new HashMap<>();
        for (R row : actualRows) {
            K key = table.keyOfRow(row);
            if (actual.put(key, row) != null) {
                differences.add(table + " [" + key + "]: more than one row");
            }
        }
        TreeSet<K> keys = new TreeSet<>(table.order());
        keys.addAll(expected.keySet());
        keys.addAll(actual.keySet());
        for (K key : keys) {
            ExpectedRow<R> want = expected.get(key);
            R got = actual.get(key);
            String where = table + " [" + key + "]" + (got == null ? " (no row)" : "") + ": ";
            for (GoldMeasure measure : table.measures()) {
                compare(
                        where,
                        measure,
                        want == null ? ZERO : want.row(),
                        want == null ? null : band(want, measure),
                        got == null ? ZERO : got,
                        differences);
            }
        }
        return differences;
    }

    private static QuantileBand band(ExpectedRow<?> want, GoldMeasure measure) {
        return switch (measure.comparison()) {
            case P50 -> want.p50();
            case P90 -> want.p90();
            default -> null;
        };
    }

    private static void compare(
            String where, GoldMeasure measure, GoldRow want, QuantileBand band, GoldRow got, List<String> differences) {
        Object wanted = measure.get(want);
        Object actual = measure.get(got);
        boolean ok = switch (measure.comparison()) {
            case EXACT -> Objects.equals(wanted, actual);
            case RATE -> close((Double) wanted, (Double) actual, RATE_TOLERANCE);
            case MEAN ->
                close(
                        (Double) wanted,
                        (Double) actual,
                        wanted == null ? 0 : MEAN_RELATIVE_TOLERANCE * Math.max(1, Math.abs((Double) wanted)));
            case P50, P90 -> band == null ? actual == null : actual != null && band.contains((Double) actual);
        };
        if (!ok) {
            Object expectation = measure.comparison() == GoldMeasure.Comparison.P50
                            || measure.comparison() == GoldMeasure.Comparison.P90
                    ? band
                    : wanted;
            differences.add(where + measure.column() + " expected " + expectation + ", actual " + actual);
        }
    }

    private static boolean close(Double want, Double got, double tolerance) {
        return want == null || got == null ? Objects.equals(want, got) : Math.abs(want - got) <= tolerance;
    }
}
