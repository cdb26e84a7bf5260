package org.requestslakehouse.generate;

import java.time.LocalDate;

/**
 * Everything that shapes a generated data set. Two generators with equal settings produce identical records.
 *
 * @param seed      seed of the single random stream every value is drawn from
 * @param startDate first Boston-local day cases are opened on
 * @param days      number of days the open times spread over
 * @param quirks    whether to reproduce the data-quality quirks of the real exports (see {@link Quirk})
 */
public record GeneratorSettings(long seed, LocalDate startDate, int days, boolean quirks) {

    /** Winter into spring 2024: the range crosses the 10 March switch to daylight saving time. */
    public static final LocalDate DEFAULT_START = LocalDate.of(2024, 1, 1);

    public static final int DEFAULT_DAYS = 90;

    public GeneratorSettings {
        if (startDate == null) {
            throw new IllegalArgumentException("startDate is required");
        }
        if (days < 1) {
            throw new IllegalArgumentException("days must be >= 1, got " + days);
        }
    }

    public static GeneratorSettings defaults(long seed) {
        return new GeneratorSettings(seed, DEFAULT_START, DEFAULT_DAYS, true);
    }

    public GeneratorSettings withQuirks(boolean enabled) {
        return new GeneratorSettings(seed, startDate, days, enabled);
    }

    /** First day after the range; open cases are judged OVERDUE against its start. */
    public LocalDate endDateExclusive() {
        return startDate.plusDays(days);
    }
}
