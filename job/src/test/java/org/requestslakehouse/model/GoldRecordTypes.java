package org.requestslakehouse.model;

import java.util.stream.Stream;
import org.requestslakehouse.gold.CompletenessState;
import org.requestslakehouse.gold.DailyKey;
import org.requestslakehouse.gold.HourlyKey;
import org.requestslakehouse.gold.WindowAccumulator;
import org.requestslakehouse.lifecycle.CaseContribution;
import org.requestslakehouse.lifecycle.GoldDelta;

/** The gold records that cross operator boundaries, key streams or live in state, for {@link KryoFallbackTest}. */
final class GoldRecordTypes {
    private GoldRecordTypes() {}

    static Stream<Class<?>> all() {
        return Stream.of(
                GoldDelta.class,
                CaseContribution.class,
                HourlyKey.class,
                DailyKey.class,
                WindowAccumulator.class,
                CompletenessState.class);
    }
}
