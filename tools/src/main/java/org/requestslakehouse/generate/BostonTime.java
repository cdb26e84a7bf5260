package org.requestslakehouse.generate;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.requestslakehouse.config.ParseSettings;

/**
 * Boston wall-clock time: the exports publish local times without an offset.
 *
 * <p>Offsets come from a table of every transition of the zone between 1900 and 2100, built once. Rendering a
 * million rows converts four or five instants each, and {@link ZoneRules#getOffset(Instant)} recomputes the rule
 * transitions of a year behind a map lookup every time; a binary search over the table is several times cheaper.
 */
final class BostonTime {

    /** The zone the job parses published local times in by default: generated data must read back the same. */
    static final ZoneId ZONE = ZoneId.of(ParseSettings.TIME_ZONE.defaultValue());

    private static final long TABLE_START =
            Instant.parse("1900-01-01T00:00:00Z").getEpochSecond();
    private static final long TABLE_END = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();
    /** Epoch seconds at which the offset changes, ascending. */
    private static final long[] TRANSITIONS;
    /** OFFSETS[i] is the offset in seconds in force from TRANSITIONS[i - 1] (inclusive) to TRANSITIONS[i]. */
    private static final int[] OFFSETS;

    static {
        ZoneRules rules = ZONE.getRules();
        List<Long> transitions = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        Instant cursor = Instant.ofEpochSecond(TABLE_START);
        offsets.add(rules.getOffset(cursor).getTotalSeconds());
        ZoneOffsetTransition next = rules.nextTransition(cursor);
        while (next != null && next.toEpochSecond() < TABLE_END) {
            transitions.add(next.toEpochSecond());
            offsets.add(next.getOffsetAfter().getTotalSeconds());
            next = rules.nextTransition(next.getInstant());
        }
        TRANSITIONS = transitions.stream().mapToLong(Long::longValue).toArray();
        OFFSETS = offsets.stream().mapToInt(Integer::intValue).toArray();
    }

    private BostonTime() {}

    /** UTC offset in seconds that Boston observes at {@code epochSecond}. */
    static int offsetSeconds(long epochSecond) {
        if (epochSecond < TABLE_START || epochSecond >= TABLE_END) {
            return ZONE.getRules().getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
        }
        int found = Arrays.binarySearch(TRANSITIONS, epochSecond);
        // a transition instant already has the new offset; otherwise count the transitions before it
        return OFFSETS[found >= 0 ? found + 1 : -found - 1];
    }

    /** Seconds since 1970-01-01T00:00 on Boston's wall clock. */
    static long localEpochSecond(Instant instant) {
        return instant.getEpochSecond() + offsetSeconds(instant.getEpochSecond());
    }

    static LocalDateTime toLocal(Instant instant) {
        return LocalDateTime.ofEpochSecond(localEpochSecond(instant), 0, ZoneOffset.UTC);
    }

    /** A skipped wall-clock time (spring forward) moves forward by the gap; a repeated one takes the earlier instant. */
    static Instant toInstant(LocalDateTime local) {
        return ZonedDateTime.ofLocal(local, ZONE, null).toInstant();
    }

    /** EST or EDT, as {@code java.util.Date#toString()} names Boston's zone. */
    static boolean isDaylightTime(Instant instant) {
        return offsetSeconds(instant.getEpochSecond())
                != ZONE.getRules().getStandardOffset(instant).getTotalSeconds();
    }
}
