package org.requestslakehouse.model;

import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.requestslakehouse.gold.CompletenessState;
import org.requestslakehouse.gold.GoldWatermark;
import org.requestslakehouse.gold.LateCorrection;
import org.requestslakehouse.gold.WindowAccumulator;
import org.requestslakehouse.gold.WindowChange;
import org.requestslakehouse.gold.lifecycle.CaseContribution;
import org.requestslakehouse.gold.lifecycle.GoldDelta;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;

/**
 * The gold records that cross operator boundaries, key streams or live in state, for {@link KryoFallbackTest}; the
 * keys and rows of every registered gold table are included without listing them here.
 */
final class GoldRecordTypes {
    private GoldRecordTypes() {}

    static Stream<Class<?>> all() {
        Stream<Class<?>> perTable = LakehouseTable.goldTables(ZoneOffset.UTC).stream()
                .flatMap(table -> Stream.of(table.keyClass(), table.rowClass()));
        return Stream.concat(
                Stream.of(
                        GoldDelta.class,
                        CaseContribution.class,
                        GoldWatermark.class,
                        LateCorrection.class,
                        WindowAccumulator.class,
                        WindowChange.class,
                        CompletenessState.class),
                perTable);
    }
}
