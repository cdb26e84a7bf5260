package org.requestslakehouse.gold;

import java.time.Instant;

/** A row of {@code gold.watermarks}: event time up to which a gold table is final. */
public class GoldWatermark {
    /** Table name without database, e.g. {@code requests_hourly}. */
    public String tableName;

    public Instant completeThrough;
    public Instant updatedAt;

    public GoldWatermark() {}

    public GoldWatermark(String tableName, Instant completeThrough, Instant updatedAt) {
        this.tableName = tableName;
        this.completeThrough = completeThrough;
        this.updatedAt = updatedAt;
    }

    @Override
    public String toString() {
        return "GoldWatermark{" + tableName + " through " + completeThrough + "}";
    }
}
