package org.requestslakehouse.gold;

import java.util.List;
import java.util.Map;

/** Gold as a batch recomputation over the final silver rows says it should be, per table and window. */
public final class RecomputedGold {
    private final Map<String, Map<?, ? extends ExpectedRow<?>>> byTable;

    RecomputedGold(Map<String, Map<?, ? extends ExpectedRow<?>>> byTable) {
        this.byTable = Map.copyOf(byTable);
    }

    /** The expected row of each window of {@code table}. */
    @SuppressWarnings("unchecked") // recompute() filled this entry for this table, with its own key and row types
    public <K, R extends GoldRow> Map<K, ExpectedRow<R>> expected(GoldTable<K, R> table) {
        Map<?, ? extends ExpectedRow<?>> rows = byTable.get(table.tableName());
        if (rows == null) {
            throw new IllegalArgumentException("Gold table " + table + " was not recomputed");
        }
        return (Map<K, ExpectedRow<R>>) rows;
    }

    public <R extends GoldRow> List<R> rows(GoldTable<?, R> table) {
        return expected(table).values().stream().map(ExpectedRow::row).toList();
    }
}
