package org.requestslakehouse.generate;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.random.RandomGenerator;

/**
 * How a service type's target date follows from its open time. The real exports show two patterns: the same
 * wall-clock time N days later (give or take a few seconds), and 08:30 on the N-th business day.
 */
record SlaRule(Kind kind, int amount) {

    enum Kind {
        NONE,
        HOURS_AFTER_OPEN,
        DAYS_AFTER_OPEN,
        BUSINESS_DAYS_AT_0830
    }

    private static final LocalTime BUSINESS_DAY_DEADLINE = LocalTime.of(8, 30);

    static final SlaRule NONE = new SlaRule(Kind.NONE, 0);

    static SlaRule hours(int hours) {
        return new SlaRule(Kind.HOURS_AFTER_OPEN, hours);
    }

    static SlaRule days(int days) {
        return new SlaRule(Kind.DAYS_AFTER_OPEN, days);
    }

    static SlaRule businessDays(int days) {
        return new SlaRule(Kind.BUSINESS_DAYS_AT_0830, days);
    }

    boolean hasTarget() {
        return kind != Kind.NONE;
    }

    /** The target for a case opened at {@code openTs}, or null when the type has no SLA. */
    Instant target(Instant openTs, RandomGenerator random) {
        return switch (kind) {
            case NONE -> null;
            case HOURS_AFTER_OPEN -> openTs.plusSeconds(amount * 3600L + clockDrift(random));
            case DAYS_AFTER_OPEN -> {
                LocalDateTime local = BostonTime.toLocal(openTs).plusDays(amount);
                yield BostonTime.toInstant(local).plusSeconds(clockDrift(random));
            }
            case BUSINESS_DAYS_AT_0830 -> {
                LocalDate day = BostonTime.toLocal(openTs).toLocalDate();
                for (int added = 0; added < amount; ) {
                    day = day.plusDays(1);
                    if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                        added++;
                    }
                }
                yield BostonTime.toInstant(day.atTime(BUSINESS_DAY_DEADLINE));
            }
        };
    }

    /** The city's system stamps targets a few seconds off the open time, mostly later. */
    private static long clockDrift(RandomGenerator random) {
        return random.nextInt(-3, 61);
    }
}
