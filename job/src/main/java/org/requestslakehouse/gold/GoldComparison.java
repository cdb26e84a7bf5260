package org.requestslakehouse.gold;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import org.requestslakehouse.model.DailySla;
import org.requestslakehouse.model.HourlyRequests;

/**
 * Compares gold as written with gold as recomputed, and lists every difference in words.
 *
 * <p>Rules: a missing row equals a row of zeros (a window whose cases all moved away may or may not have had
 * its zero row written). Counts must match exactly. p50/p90 must lie within the band the recomputation
 * allows (exact up to {@value ResolutionQuantiles#K} values, see {@link ResolutionQuantiles}). on_time_rate must
 * match within {@value #RATE_TOLERANCE}; the mean within a relative {@value #MEAN_RELATIVE_TOLERANCE}, as the
 * two sides add the same values in different orders.
 */
public final class GoldComparison {
    public static final double RATE_TOLERANCE = 1e-9;
    public static final double MEAN_RELATIVE_TOLERANCE = 1e-9;

    // Null-tolerant: the rows under check come from tables, and a damaged one must be reported, not crash the check.
    private static final Comparator<HourlyKey> HOURLY_ORDER = Comparator.comparing(
                    (HourlyKey k) -> k.windowStart, nullsFirst())
            .thenComparing(k -> k.neighborhood, nullsFirst());
    private static final Comparator<DailyKey> DAILY_ORDER = Comparator.comparing((DailyKey k) -> k.day, nullsFirst())
            .thenComparing(k -> k.department, nullsFirst())
            .thenComparing(k -> k.type, nullsFirst());

    private GoldComparison() {}

    /** @return the differences, ordered by table and window; empty when gold is correct */
    public static List<String> compare(
            RecomputedGold expected, Iterable<HourlyRequests> actualHourly, Iterable<DailySla> actualDaily) {
        List<String> differences = new ArrayList<>();
        compareTable(
                HourlyByNeighborhood.TABLE,
                HOURLY_ORDER,
                expected.hourly(),
                actualHourly,
                HourlyKey::of,
                Measures::of,
                differences);
        compareTable(
                DailyByDepartmentAndType.TABLE,
                DAILY_ORDER,
                expected.daily(),
                actualDaily,
                DailyKey::of,
                Measures::of,
                differences);
        return differences;
    }

    private static <K, R> void compareTable(
            String table,
            Comparator<K> order,
            Map<K, ExpectedRow<R>> expected,
            Iterable<R> actualRows,
            Function<R, K> keyOf,
            Function<R, Measures> measuresOf,
            List<String> differences) {
        Map<K, R> actual = new HashMap<>();
        for (R row : actualRows) {
            K key = keyOf.apply(row);
            if (actual.put(key, row) != null) {
                differences.add(table + " [" + key + "]: more than one row");
            }
        }
        TreeSet<K> keys = new TreeSet<>(order);
        keys.addAll(expected.keySet());
        keys.addAll(actual.keySet());
        for (K key : keys) {
            ExpectedRow<R> want = expected.get(key);
            R got = actual.get(key);
            String where = table + " [" + key + "]" + (got == null ? " (no row)" : "") + ": ";
            compareRow(
                    where,
                    want == null ? Measures.ZERO : measuresOf.apply(want.row()),
                    want == null ? null : want.p50(),
                    want == null ? null : want.p90(),
                    got == null ? Measures.ZERO : measuresOf.apply(got),
                    differences);
        }
    }

    private static void compareRow(
            String where, Measures want, QuantileBand p50, QuantileBand p90, Measures got, List<String> differences) {
        exact(where, "opened", want.opened(), got.opened(), differences);
        exact(where, "closed", want.closed(), got.closed(), differences);
        exact(where, "closed_on_time", want.onTime(), got.onTime(), differences);
        exact(where, "closed_overdue", want.overdue(), got.overdue(), differences);
        within(where, "resolution_hours_p50", p50, got.p50(), differences);
        within(where, "resolution_hours_p90", p90, got.p90(), differences);
        close(where, "on_time_rate", want.onTimeRate(), got.onTimeRate(), RATE_TOLERANCE, differences);
        double meanTolerance = want.mean() == null ? 0 : MEAN_RELATIVE_TOLERANCE * Math.max(1, Math.abs(want.mean()));
        close(where, "mean_resolution_hours", want.mean(), got.mean(), meanTolerance, differences);
    }

    private static void exact(String where, String column, long want, long got, List<String> differences) {
        if (want != got) {
            differences.add(where + column + " expected " + want + ", actual " + got);
        }
    }

    private static void within(String where, String column, QuantileBand band, Double got, List<String> differences) {
        boolean ok = band == null ? got == null : got != null && band.contains(got);
        if (!ok) {
            differences.add(where + column + " expected " + band + ", actual " + got);
        }
    }

    private static void close(
            String where, String column, Double want, Double got, double tolerance, List<String> differences) {
        boolean ok = want == null || got == null ? Objects.equals(want, got) : Math.abs(want - got) <= tolerance;
        if (!ok) {
            differences.add(where + column + " expected " + want + ", actual " + got);
        }
    }

    private static <T extends Comparable<? super T>> Comparator<T> nullsFirst() {
        return Comparator.nullsFirst(Comparator.naturalOrder());
    }

    /** The compared columns of either table; the hourly table has no rate and no mean. */
    private record Measures(
            long opened,
            long closed,
            long onTime,
            long overdue,
            Double p50,
            Double p90,
            Double onTimeRate,
            Double mean) {
        static final Measures ZERO = new Measures(0, 0, 0, 0, null, null, null, null);

        static Measures of(HourlyRequests r) {
            return new Measures(
                    r.opened,
                    r.closed,
                    r.closedOnTime,
                    r.closedOverdue,
                    r.resolutionHoursP50,
                    r.resolutionHoursP90,
                    null,
                    null);
        }

        static Measures of(DailySla r) {
            return new Measures(
                    r.opened,
                    r.closed,
                    r.closedOnTime,
                    r.closedOverdue,
                    r.resolutionHoursP50,
                    r.resolutionHoursP90,
                    r.onTimeRate,
                    r.meanResolutionHours);
        }
    }
}
