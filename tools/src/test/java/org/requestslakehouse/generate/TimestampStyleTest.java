package org.requestslakehouse.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimestampStyleTest {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.US);
    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a", Locale.US);
    private static final DateTimeFormatter DATE_TO_STRING =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.US);

    /** Random instants 2005-2035 plus every second around the 2024 and 2011 DST changes. */
    private static List<Instant> instants() {
        List<Instant> instants = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(5);
        long from = Instant.parse("2005-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2035-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            instants.add(Instant.ofEpochSecond(random.nextLong(from, to)));
        }
        for (String change : List.of(
                "2024-03-10T07:00:00Z", "2024-11-03T06:00:00Z", "2011-03-13T07:00:00Z", "2011-11-06T06:00:00Z")) {
            Instant at = Instant.parse(change);
            for (int s = -3700; s <= 3700; s++) {
                instants.add(at.plusSeconds(s));
            }
        }
        instants.add(Instant.parse("2024-01-01T05:00:00Z"));
        instants.add(Instant.parse("2024-01-01T16:59:59Z"));
        instants.add(Instant.parse("2024-01-01T17:00:00Z"));
        return instants;
    }

    @Test
    void everyStyleMatchesItsDateTimeFormatterPattern() {
        for (Instant instant : instants()) {
            ZonedDateTime boston = instant.atZone(BostonTime.ZONE);
            assertThat(TimestampStyle.ISO_SPACE.format(instant))
                    .as("%s", instant)
                    .isEqualTo(ISO.format(boston));
            assertThat(TimestampStyle.US_12_HOUR.format(instant))
                    .as("%s", instant)
                    .isEqualTo(US.format(boston));
            assertThat(TimestampStyle.DATE_TO_STRING.format(instant))
                    .as("%s", instant)
                    .isEqualTo(DATE_TO_STRING.format(boston));
        }
    }

    @Test
    void examplesFromTheRealExports() {
        // closed_dt 2022-01-19 11:42:16 with closure text "Closed date : Wed Jan 19 11:42:16 EST 2022"
        Instant closed = BostonTime.toInstant(LocalDateTime.of(2022, 1, 19, 11, 42, 16));
        assertThat(TimestampStyle.ISO_SPACE.format(closed)).isEqualTo("2022-01-19 11:42:16");
        assertThat(TimestampStyle.DATE_TO_STRING.format(closed)).isEqualTo("Wed Jan 19 11:42:16 EST 2022");
        Instant summer = BostonTime.toInstant(LocalDateTime.of(2025, 3, 27, 14, 52, 3));
        assertThat(TimestampStyle.DATE_TO_STRING.format(summer)).isEqualTo("Thu Mar 27 14:52:03 EDT 2025");
        Instant socrata = BostonTime.toInstant(LocalDateTime.of(2011, 7, 1, 0, 32, 33));
        assertThat(TimestampStyle.US_12_HOUR.format(socrata)).isEqualTo("07/01/2011 12:32:33 AM");
        assertThat(TimestampStyle.US_12_HOUR.format(socrata.plusSeconds(12 * 3600)))
                .isEqualTo("07/01/2011 12:32:33 PM");
    }

    @Test
    void offsetTableAgreesWithTheZoneRules() {
        for (Instant instant : instants()) {
            assertThat(BostonTime.offsetSeconds(instant.getEpochSecond()))
                    .as("%s", instant)
                    .isEqualTo(BostonTime.ZONE.getRules().getOffset(instant).getTotalSeconds());
        }
        // outside the table it falls back to the rules
        Instant far = Instant.parse("2150-07-01T12:00:00Z");
        assertThat(BostonTime.offsetSeconds(far.getEpochSecond())).isEqualTo(-4 * 3600);
    }

    @Test
    void localTimesInTheSpringGapMoveForward() {
        Instant skipped = BostonTime.toInstant(LocalDateTime.of(2024, 3, 10, 2, 30));
        assertThat(TimestampStyle.ISO_SPACE.format(skipped)).isEqualTo("2024-03-10 03:30:00");
    }
}
