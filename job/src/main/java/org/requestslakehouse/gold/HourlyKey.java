package org.requestslakehouse.gold;

import java.time.Instant;
import java.util.Objects;
import org.requestslakehouse.model.HourlyRequests;

/** Key of a {@code gold.requests_hourly} window: the UTC hour and the neighborhood. */
public class HourlyKey {
    public Instant windowStart;
    public String neighborhood;

    public HourlyKey() {}

    public HourlyKey(Instant windowStart, String neighborhood) {
        this.windowStart = windowStart;
        this.neighborhood = neighborhood;
    }

    public static HourlyKey of(HourlyRequests row) {
        return new HourlyKey(row.windowStart, row.neighborhood);
    }

    // keyBy partitions on hashCode(), so it must be value-based and stable across JVMs.
    @Override
    public boolean equals(Object o) {
        return o instanceof HourlyKey k
                && Objects.equals(windowStart, k.windowStart)
                && Objects.equals(neighborhood, k.neighborhood);
    }

    @Override
    public int hashCode() {
        return Objects.hash(windowStart, neighborhood);
    }

    @Override
    public String toString() {
        return windowStart + ", " + neighborhood;
    }
}
