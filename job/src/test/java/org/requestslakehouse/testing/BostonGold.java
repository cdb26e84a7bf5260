package org.requestslakehouse.testing;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.requestslakehouse.gold.GoldComparison;
import org.requestslakehouse.gold.RecomputedGold;
import org.requestslakehouse.gold.tables.DailyByDepartmentAndType;
import org.requestslakehouse.gold.tables.HourlyByNeighborhood;

/** The two gold tables with Boston's calendar days, and a comparison of both at once, as {@code verify} reports it. */
public final class BostonGold {
    public static final ZoneId ZONE = ZoneId.of("America/New_York");
    public static final HourlyByNeighborhood HOURLY = new HourlyByNeighborhood();
    public static final DailyByDepartmentAndType DAILY = new DailyByDepartmentAndType(ZONE);

    private BostonGold() {}

    /** The differences of requests_hourly, then those of sla_daily. */
    public static List<String> compare(
            RecomputedGold expected,
            Iterable<HourlyByNeighborhood.Row> hourly,
            Iterable<DailyByDepartmentAndType.Row> daily) {
        List<String> differences = new ArrayList<>(GoldComparison.compare(HOURLY, expected, hourly));
        differences.addAll(GoldComparison.compare(DAILY, expected, daily));
        return differences;
    }
}
