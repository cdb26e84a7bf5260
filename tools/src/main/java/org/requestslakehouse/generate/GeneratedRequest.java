package org.requestslakehouse.generate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One synthetic 311 case with canonical values: instants rather than local text, zip with its leading zero, ward as a
 * number, closure text with a plain {@code &}. {@link #toColumns(Layout)} publishes it the way a layout does,
 * including the formatting quirks listed in {@link #quirks()}; the canonical values are what a correct parser should
 * recover from that output.
 *
 * @param targetTs      SLA target; null when the type has none or the target was dropped ({@link Quirk#TARGET_MISSING})
 * @param closedTs      null while the case is open
 * @param onTimeStatus  ONTIME or OVERDUE; null when dropped ({@link Quirk#ON_TIME_MISSING})
 * @param closureReason closure text as published; null while the case is open
 * @param closureKind   what the closure text states; null while the case is open
 * @param department    the queue owner's code (PWDx, BTDT, ISD, GEN_, INFO, ...)
 * @param quirks        data-quality quirks this record carries, empty when quirks are disabled
 */
public record GeneratedRequest(
        long caseId,
        Instant openTs,
        Instant targetTs,
        Instant closedTs,
        String onTimeStatus,
        String closureReason,
        ClosureKind closureKind,
        String caseTitle,
        String subject,
        String reason,
        String type,
        String queue,
        String department,
        List<String> submittedPhotos,
        List<String> closedPhotos,
        Place place,
        String source,
        Set<Quirk> quirks) {

    public static final String ON_TIME = "ONTIME";
    public static final String OVERDUE = "OVERDUE";

    public boolean closed() {
        return closedTs != null;
    }

    /** {@code Closed} or {@code Open}, as published. */
    public String caseStatus() {
        return closed() ? "Closed" : "Open";
    }

    public boolean has(Quirk quirk) {
        return quirks.contains(quirk);
    }

    /** Neighborhood name, null when the case was not geocoded. */
    public String neighborhood() {
        return place.neighborhood();
    }

    /** The published values in the layout's header order. */
    public String[] values(Layout layout) {
        return RowRenderer.render(this, layout);
    }

    /** Header name to published value, in header order: the JSON object a CSV row of this layout turns into. */
    public Map<String, String> toColumns(Layout layout) {
        String[] values = values(layout);
        List<String> header = layout.header();
        Map<String, String> columns = new LinkedHashMap<>(header.size() * 2);
        for (int i = 0; i < values.length; i++) {
            columns.put(header.get(i), values[i]);
        }
        return columns;
    }
}
