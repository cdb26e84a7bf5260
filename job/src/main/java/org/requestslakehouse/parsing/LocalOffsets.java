package org.requestslakehouse.parsing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A zone's offset for a local date-time, the one {@link ZoneRules#getOffset(LocalDateTime)} returns, read from a
 * table of the zone's own transitions over a span of years. {@code ZoneRules} finds the year's transitions in a
 * cache keyed by a boxed year and then walks them, on every call; this runs for every timestamp of every message.
 *
 * <p>Inside a gap or an overlap that offset is the one before the transition, so from the local time {@code T +
 * max(before, after)} on (T the transition's instant in epoch seconds) the offset after it applies, and before that
 * local time the offset before it. Immutable and thread-safe.
 */
final class LocalOffsets {
    /** Local epoch seconds from which {@code offsets[i + 1]} applies, ascending. */
    private final long[] from;
    /** Offsets in seconds: {@code offsets[0]} before the first transition. */
    private final int[] offsets;

    private LocalOffsets(long[] from, int[] offsets) {
        this.from = from;
        this.offsets = offsets;
    }

    /** The table for local times in the years {@code firstYear..lastYear}; outside them it is not exact. */
    static LocalOffsets of(ZoneRules rules, int firstYear, int lastYear) {
        // a day's margin either side covers every offset a zone can have (at most 18 hours)
        long start = LocalDate.of(firstYear, 1, 1).minusDays(1).toEpochDay() * 86_400L;
        long end = LocalDate.of(lastYear + 1, 1, 1).plusDays(1).toEpochDay() * 86_400L;
        List<ZoneOffsetTransition> transitions = new ArrayList<>();
        ZoneOffsetTransition t = rules.nextTransition(Instant.ofEpochSecond(start));
        while (t != null && t.toEpochSecond() < end) {
            transitions.add(t);
            t = rules.nextTransition(t.getInstant());
        }
        long[] from = new long[transitions.size()];
        int[] offsets = new int[transitions.size() + 1];
        offsets[0] = rules.getOffset(Instant.ofEpochSecond(start)).getTotalSeconds();
        for (int i = 0; i < from.length; i++) {
            ZoneOffsetTransition transition = transitions.get(i);
            int before = transition.getOffsetBefore().getTotalSeconds();
            int after = transition.getOffsetAfter().getTotalSeconds();
            from[i] = transition.toEpochSecond() + Math.max(before, after);
            offsets[i + 1] = after;
        }
        return new LocalOffsets(from, offsets);
    }

    /** The offset in seconds for a local date-time given as seconds since 1970-01-01T00:00 local time. */
    int offsetSeconds(long localEpochSecond) {
        int found = Arrays.binarySearch(from, localEpochSecond);
        return offsets[found >= 0 ? found + 1 : -found - 1];
    }
}
