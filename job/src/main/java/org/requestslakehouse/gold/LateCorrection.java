package org.requestslakehouse.gold;

import java.time.Instant;

/**
 * A change to a gold window that arrived after the window's state was dropped (window end + allowed lateness
 * behind the watermark). Written to {@code gold.late_corrections} so it is never silently lost.
 */
public class LateCorrection {
    /** Gold table the correction was meant for, e.g. {@code requests_hourly}. */
    public String tableName;

    public Instant windowStart;
    /** The window's key as {@code dim=value} pairs joined by '|', e.g. {@code neighborhood=Roxbury}. */
    public String windowKey;

    public String city;
    /** The request id as published. */
    public String requestId;
    /** The request id when it is a positive whole number, else null. */
    public Long caseEnquiryId;

    /** OPENED or CLOSED. */
    public String measure;
    /** +1 or -1. */
    public int delta;
    /** Event time of the contribution (open_ts or closed_ts). */
    public Instant eventTs;

    public Instant watermark;
    public Instant detectedAt;

    public LateCorrection() {}

    @Override
    public String toString() {
        return "LateCorrection{" + tableName + " " + windowStart + " " + windowKey + " case " + city + "/" + requestId
                + " " + measure + (delta > 0 ? "+" : "") + delta + "}";
    }
}
