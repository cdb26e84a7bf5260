package org.requestslakehouse.reliability;

/**
 * Where {@link FaultPoint}s sit, named after the operator each one is chained to (and so fails with):
 * <ul>
 *   <li>{@link #AFTER_SOURCE}: the source task (Kafka source, parse, event time, bronze and rejected writers)</li>
 *   <li>{@link #BRONZE}, {@link #REJECTED}: the same source task, on the bronze and quarantine branches</li>
 *   <li>{@link #SILVER}: the keyed task running the silver latest-version filter and gold's lifecycle</li>
 *   <li>{@link #HOURLY}, {@link #DAILY}: the two gold window aggregators</li>
 *   <li>{@link #WATERMARKS}: the gold completeness operators</li>
 *   <li>{@link #LATE_CORRECTIONS}: the aggregators' late side output (no records in an in-order stream)</li>
 * </ul>
 */
final class FaultLocations {
    static final String AFTER_SOURCE = "after-source";
    static final String BRONZE = "bronze";
    static final String REJECTED = "rejected";
    static final String SILVER = "silver";
    static final String HOURLY = "hourly";
    static final String DAILY = "daily";
    static final String WATERMARKS = "watermarks";
    static final String LATE_CORRECTIONS = "late-corrections";

    private FaultLocations() {}
}
