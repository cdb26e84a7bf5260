package org.requestslakehouse.gold;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.requestslakehouse.gold.lifecycle.CaseDimensions;
import org.requestslakehouse.model.RequestKey;
import org.requestslakehouse.model.ServiceRequest;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;

/**
 * Gold computed the obvious way, from the final version of every case, as the reference the streaming result is
 * checked against. It shares only the definitions with the streaming path (dimension normalisation, window
 * assignment and row building of each {@link GoldTable}, the quantile sketch) and counts on its own: no deltas, no
 * retractions, no timers.
 */
public final class GoldRecomputation {
    private final List<GoldTable<?, ?>> tables;

    /** Every registered gold table, counting local days in {@code zone}. */
    public GoldRecomputation(ZoneId zone) {
        this.tables = LakehouseTable.goldTables(zone);
    }

    /**
     * @param finalVersions one row per case (city and request id), e.g. the rows of {@code silver.service_requests}; tombstones are
     *                      skipped
     * @throws IllegalArgumentException when a case appears twice, since it would be counted twice
     */
    public RecomputedGold recompute(Iterable<ServiceRequest> finalVersions) {
        List<Tallies<?, ?>> tallies =
                tables.stream().<Tallies<?, ?>>map(Tallies::new).toList();
        Set<RequestKey> cases = new HashSet<>();
        for (ServiceRequest r : finalVersions) {
            if (r.tombstone) {
                continue;
            }
            RequestKey key = RequestKey.of(r);
            if (!cases.add(key)) {
                throw new IllegalArgumentException("Case " + key.requestId + " appears more than once in " + key.city
                        + "; the recomputation needs exactly one final version per case");
            }
            CaseDimensions dims = CaseDimensions.of(r);
            for (Tallies<?, ?> table : tallies) {
                table.count(r, dims);
            }
        }
        Map<String, Map<?, ? extends ExpectedRow<?>>> rows = new HashMap<>();
        for (Tallies<?, ?> table : tallies) {
            rows.put(table.table.tableName(), table.expectedRows());
        }
        return new RecomputedGold(rows);
    }

    /** The windows of one table. */
    private static final class Tallies<K, R extends GoldRow> {
        final GoldTable<K, R> table;
        final Map<K, Tally> windows = new HashMap<>();

        Tallies(GoldTable<K, R> table) {
            this.table = table;
        }

        void count(ServiceRequest r, CaseDimensions dims) {
            if (r.openTs != null) {
                tally(table.keyOf(r.openTs, dims)).opened++;
            }
            if (r.closedTs != null) {
                tally(table.keyOf(r.closedTs, dims)).close(r);
            }
        }

        Map<K, ExpectedRow<R>> expectedRows() {
            Map<K, ExpectedRow<R>> rows = new HashMap<>();
            windows.forEach((key, t) -> {
                ResolutionQuantiles q = ResolutionQuantiles.of(t.resolutionHours);
                R row = table.row(key, t.counts(), q, null);
                rows.put(key, new ExpectedRow<>(row, q.acceptedBand(0.5), q.acceptedBand(0.9)));
            });
            return rows;
        }

        private Tally tally(K key) {
            return windows.computeIfAbsent(key, k -> new Tally());
        }
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

        GoldCounts counts() {
            return new GoldCounts(opened, closed, onTime, overdue);
        }
    }
}
