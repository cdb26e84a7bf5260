package org.requestslakehouse.gold;

import java.util.List;
import java.util.Map;
import org.requestslakehouse.model.DailySla;
import org.requestslakehouse.model.HourlyRequests;

/** Gold as a batch recomputation over the final silver rows says it should be. */
public record RecomputedGold(
        Map<HourlyKey, ExpectedRow<HourlyRequests>> hourly, Map<DailyKey, ExpectedRow<DailySla>> daily) {
    public List<HourlyRequests> hourlyRows() {
        return hourly.values().stream().map(ExpectedRow::row).toList();
    }

    public List<DailySla> dailyRows() {
        return daily.values().stream().map(ExpectedRow::row).toList();
    }
}
