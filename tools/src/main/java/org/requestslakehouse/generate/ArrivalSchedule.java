package org.requestslakehouse.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.NoSuchElementException;
import java.util.random.RandomGenerator;

/**
 * Open times for exactly {@code rows} cases over a range of local days (Boston's unless told otherwise), in increasing order, following a
 * daily and weekly rhythm in local time: busy weekday mornings, quiet nights and weekends.
 *
 * <p>The range is cut into UTC hours (so a spring-forward day has 23 of them and a fall-back day 25), each weighted
 * by its local hour of day and day of week. Open times are the order statistics of {@code rows} independent draws
 * from that piecewise-constant density. They are produced one at a time with the sequential order-statistics
 * recursion {@code 1-U(i) = (1-U(i-1)) * V^(1/(n-i+1))}, so a million rows need no sorting and no buffer.
 */
final class ArrivalSchedule {

    /** Relative 311 volume by local hour of day, 0 to 23. */
    private static final double[] HOUR_OF_DAY = {
        0.25, 0.15, 0.10, 0.08, 0.08, 0.15, 0.45, 0.95, 1.45, 1.70, 1.75, 1.70,
        1.60, 1.60, 1.55, 1.45, 1.30, 1.10, 0.95, 0.85, 0.75, 0.65, 0.50, 0.35
    };
    /** Relative volume by local day of week, Monday to Sunday. */
    private static final double[] DAY_OF_WEEK = {1.20, 1.15, 1.10, 1.08, 1.02, 0.72, 0.63};

    private static final int SECONDS_PER_HOUR = 3600;

    private final long[] hourStartEpochSeconds;
    private final double[] cumulativeWeight;
    private final long rows;
    private long produced;
    /** log(1 - U) of the last order statistic, kept in log space so it stays exact near the end. */
    private double logSurvival;

    private int hour;

    ArrivalSchedule(LocalDate startDate, int days, long rows) {
        this(startDate, days, rows, BostonTime.ZONE);
    }

    /** Days and the daily rhythm in {@code zone}'s local time. */
    ArrivalSchedule(LocalDate startDate, int days, long rows, ZoneId zone) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0, got " + rows);
        }
        long start = startDate.atStartOfDay(zone).toEpochSecond();
        long end = startDate.plusDays(days).atStartOfDay(zone).toEpochSecond();
        int hours = (int) ((end - start) / SECONDS_PER_HOUR);
        this.hourStartEpochSeconds = new long[hours];
        this.cumulativeWeight = new double[hours];
        double total = 0;
        for (int i = 0; i < hours; i++) {
            long hourStart = start + (long) i * SECONDS_PER_HOUR;
            ZonedDateTime local = Instant.ofEpochSecond(hourStart).atZone(zone);
            total += HOUR_OF_DAY[local.getHour()]
                    * DAY_OF_WEEK[local.getDayOfWeek().getValue() - 1];
            hourStartEpochSeconds[i] = hourStart;
            cumulativeWeight[i] = total;
        }
        this.rows = rows;
    }

    boolean hasNext() {
        return produced < rows;
    }

    Instant next(RandomGenerator random) {
        if (produced >= rows) {
            throw new NoSuchElementException("all " + rows + " open times were produced");
        }
        long remaining = rows - produced;
        // 1 - nextDouble() lies in (0, 1], so the log is finite
        logSurvival += Math.log(1.0 - random.nextDouble()) / remaining;
        produced++;
        double quantile = -Math.expm1(logSurvival);
        double target = quantile * cumulativeWeight[cumulativeWeight.length - 1];
        while (hour < cumulativeWeight.length - 1 && cumulativeWeight[hour] <= target) {
            hour++;
        }
        double hourFloor = hour == 0 ? 0 : cumulativeWeight[hour - 1];
        double fraction = (target - hourFloor) / (cumulativeWeight[hour] - hourFloor);
        long offset = Math.min(SECONDS_PER_HOUR - 1, (long) (fraction * SECONDS_PER_HOUR));
        return Instant.ofEpochSecond(hourStartEpochSeconds[hour] + Math.max(0, offset));
    }
}
