package org.requestslakehouse.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The table against {@link ZoneRules#getOffset(LocalDateTime)} itself, over every year the parser accepts. */
class LocalOffsetsTest {
    private static final int FIRST = TimestampParser.MIN_YEAR;
    private static final int LAST = TimestampParser.MAX_YEAR;

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "America/New_York", // the first city
                "America/Chicago",
                "Europe/London",
                "Australia/Lord_Howe", // a half-hour shift
                "America/Sao_Paulo", // daylight time dropped in 2019
                "Pacific/Apia", // skipped a whole day in 2011
                "UTC"
            })
    void everyHalfHourAndEveryTransitionEdgeHasTheZoneRulesOffset(String zone) {
        ZoneRules rules = ZoneId.of(zone).getRules();
        LocalOffsets table = LocalOffsets.of(rules, FIRST, LAST);
        LocalDateTime end = LocalDateTime.of(LAST + 1, 1, 1, 0, 0);
        int checked = 0;
        for (LocalDateTime t = LocalDateTime.of(FIRST, 1, 1, 0, 0); t.isBefore(end); t = t.plusMinutes(30)) {
            assertSameOffset(rules, table, t);
            checked++;
        }
        int transitions = 0;
        ZoneOffsetTransition transition =
                rules.nextTransition(LocalDateTime.of(FIRST, 1, 1, 0, 0).toInstant(ZoneOffset.UTC));
        while (transition != null && transition.getDateTimeBefore().getYear() <= LAST) {
            for (LocalDateTime edge :
                    new LocalDateTime[] {transition.getDateTimeBefore(), transition.getDateTimeAfter()}) {
                for (int second = -2; second <= 2; second++) {
                    assertSameOffset(rules, table, edge.plusSeconds(second));
                }
            }
            transitions++;
            transition = rules.nextTransition(transition.getInstant());
        }
        assertThat(checked).as("half hours checked").isEqualTo(40542 * 48);
        assertThat(transitions > 0).as("transition edges checked").isEqualTo(!rules.isFixedOffset());
    }

    private static void assertSameOffset(ZoneRules rules, LocalOffsets table, LocalDateTime local) {
        assertThat(table.offsetSeconds(local.toEpochSecond(ZoneOffset.UTC)))
                .as("%s", local)
                .isEqualTo(rules.getOffset(local).getTotalSeconds());
    }
}
