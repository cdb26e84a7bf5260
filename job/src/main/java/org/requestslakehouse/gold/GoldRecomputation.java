package org.requestslakehouse.gold;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.requestslakehouse.lifecycle.CaseDimensions;
import org.requestslakehouse.model.DailySla;
import org.requestslakehouse.model.HourlyRequests;
import org.requestslakehouse.model.ServiceRequest;

/**
 * Gold computed the obvious way, from the final version of every case, as the reference the streaming result is
 * checked against. It shares only the definitions with the streaming path (dimension normalisation, window
 * assignment, the quantile sketch) and counts on its own: no deltas, no retractions, no timers.
 */
public final class GoldRecomputation {
    private final HourlyByNeighborhood hourlyGrain = new HourlyByNeighborhood();
    private final DailyByDepartmentAndType dailyGrain;

    public GoldRecomputation(ZoneId zone) {
        this.dailyGrain = new DailyByDepartmentAndType(zone);
    }

    /**
     * @param finalVersions one row per case, e.g. the rows of {@code silver.service_requests}; tombstones are
     *                      skipped
     * @throws IllegalArgumentException when a case appears twice, since it would be counted twice
     */
    public RecomputedGold recompute(Iterable<ServiceRequest> finalVersions) {
        Map<HourlyKey, Tally> hourly = new HashMap<>();
        Map<DailyKey, Tally> daily = new HashMap<>();
        Set<Long> cases = new HashSet<>();
        for (ServiceRequest r : finalVersions) {
            if (r.tombstone) {
                continue;
            }
            if (!cases.add(r.caseEnquiryId)) {
                throw new IllegalArgumentException("Case " + r.caseEnquiryId
                        + " appears more than once; the recomputation needs exactly one final version per case");
            }
            CaseDimensions dims = CaseDimensions.of(r);
            if (r.openTs != null) {
                tally(hourly, hourlyGrain.keyOf(r.openTs, dims)).opened++;
                tally(daily, dailyGrain.keyOf(r.openTs, dims)).opened++;
            }
            if (r.closedTs != null) {
                tally(hourly, hourlyGrain.keyOf(r.closedTs, dims)).close(r);
                tally(daily, dailyGrain.keyOf(r.closedTs, dims)).close(r);
            }
        }

        Map<HourlyKey, ExpectedRow<HourlyRequests>> hourlyRows = new HashMap<>();
        hourly.forEach((key, tally) -> hourlyRows.put(key, hourlyRow(key, tally)));
        Map<DailyKey, ExpectedRow<DailySla>> dailyRows = new HashMap<>();
        daily.forEach((key, tally) -> dailyRows.put(key, dailyRow(key, tally)));
        return new RecomputedGold(hourlyRows, dailyRows);
    }

    private static ExpectedRow<HourlyRequests> hourlyRow(HourlyKey key, Tally t) {
        ResolutionQuantiles q = ResolutionQuantiles.of(t.resolutionHours);
        HourlyRequests row = new HourlyRequests();
        row.windowStart = key.windowStart;
        row.neighborhood = key.neighborhood;
        row.opened = t.opened;
        row.closed = t.closed;
        row.closedOnTime = t.onTime;
        row.closedOverdue = t.overdue;
        row.resolutionHoursP50 = q.p50();
        row.resolutionHoursP90 = q.p90();
        return new ExpectedRow<>(row, q.acceptedBand(0.5), q.acceptedBand(0.9));
    }

    private static ExpectedRow<DailySla> dailyRow(DailyKey key, Tally t) {
        ResolutionQuantiles q = ResolutionQuantiles.of(t.resolutionHours);
        DailySla row = new DailySla();
        row.day = key.day;
        row.department = key.department;
        row.type = key.type;
        row.opened = t.opened;
        row.closed = t.closed;
        row.closedOnTime = t.onTime;
        row.closedOverdue = t.overdue;
        row.onTimeRate = t.onTime + t.overdue == 0 ? null : t.onTime / (double) (t.onTime + t.overdue);
        row.meanResolutionHours = t.resolutionHours.isEmpty()
                ? null
                : t.resolutionHours.stream().mapToDouble(Double::doubleValue).sum() / t.resolutionHours.size();
        row.resolutionHoursP50 = q.p50();
        row.resolutionHoursP90 = q.p90();
        return new ExpectedRow<>(row, q.acceptedBand(0.5), q.acceptedBand(0.9));
    }

    private static <K> Tally tally(Map<K, Tally> tallies, K key) {
        return tallies.computeIfAbsent(key, k -> new Tally());
    }

    /** Plain counters of one window. */
    private static final class Tally {
        long opened;
        long closed;
        long onTime;
        long overdue;
        final List<Double> resolutionHours = new ArrayList<>();

        void close(ServiceRequest r) {
            closed++;
            if (r.closedOnTime != null) {
                if (r.closedOnTime) {
                    onTime++;
                } else {
                    overdue++;
                }
            }
            if (r.resolutionHours != null) {
                resolutionHours.add(r.resolutionHours);
            }
        }
    }
}
