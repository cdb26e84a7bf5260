package org.requestslakehouse.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampParserTest {
    private final TimestampParser boston = new TimestampParser(ZoneId.of("America/New_York"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // 2019+ exports: Boston wall-clock time, EST in winter (UTC-5), EDT in summer (UTC-4)
                "2022-01-21 13:47:00          | 2022-01-21T18:47:00Z",
                "2022-07-21 13:47:00          | 2022-07-21T17:47:00Z",
                "  2022-01-21 13:47:00  \t    | 2022-01-21T18:47:00Z",
                "2022-01-21 13:47             | 2022-01-21T18:47:00Z",
                "2022-03-09 07:27:41.817      | 2022-03-09T12:27:41.817Z",
                "2022-01-03 00:11:13.85       | 2022-01-03T05:11:13.850Z",
                "2022-01-03 00:11:13.123456789| 2022-01-03T05:11:13.123456789Z",
                "2022-01-21T13:47:00          | 2022-01-21T18:47:00Z",
                // an offset or Z is honoured, not replaced by the zone
                "2022-01-21T13:47:00Z         | 2022-01-21T13:47:00Z",
                "2022-01-21T13:47:00.5z       | 2022-01-21T13:47:00.500Z",
                "2022-01-21T13:47:00+01:00    | 2022-01-21T12:47:00Z",
                "2022-01-21T13:47:00-0330     | 2022-01-21T17:17:00Z",
                "2022-01-21T13:47:00+05       | 2022-01-21T08:47:00Z",
                "2022-01-21 13:47:00-05:00    | 2022-01-21T18:47:00Z",
                // 2011 export
                "07/01/2011 01:32:33 AM       | 2011-07-01T05:32:33Z",
                "07/01/2011 12:32:33 AM       | 2011-07-01T04:32:33Z",
                "07/01/2011 12:32:33 PM       | 2011-07-01T16:32:33Z",
                "08/01/2011 03:21:46 PM       | 2011-08-01T19:21:46Z",
                "12/31/2011 11:59:59 pm       | 2012-01-01T04:59:59Z",
                "7/1/2011 1:32 AM             | 2011-07-01T05:32:00Z",
                "07/01/2011 13:32:33          | 2011-07-01T17:32:33Z",
                // java.util.Date#toString inside closure texts: the abbreviation decides the offset
                "Wed Jan 19 11:42:16 EST 2022 | 2022-01-19T16:42:16Z",
                "Thu Mar 27 14:52:03 EDT 2025 | 2025-03-27T18:52:03Z",
                "Sun Feb 09 10:43:09 UTC 2025 | 2025-02-09T10:43:09Z",
                "sun feb 9 10:43:09 pst 2025  | 2025-02-09T18:43:09Z",
            })
    void supportedForms(String text, String expected) {
        assertThat(boston.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {
                "",
                " ",
                "2022",
                "2022-01-21",
                "2022-01-21 13",
                "2022-13-01 00:00:00",
                "2022-02-29 00:00:00",
                "2022-04-31 00:00:00",
                "2022-01-21 24:00:00",
                "2022-01-21 23:60:00",
                "2022-01-21 23:59:60",
                "2022-1-21 13:47:00",
                "2022-01-21 13:47:00 EST",
                "2022-01-21 13:47:00.",
                "2022-01-21 13:47:00.1234567890",
                "2022-01-21 13:47:00+19:00",
                "2022-01-21 13:47:00+05:61",
                "2022-01-21X13:47:00",
                "2022/01/21 13:47:00",
                "13/01/2011 01:32:33 AM",
                "07/01/2011 00:32:33 AM",
                "07/01/2011 13:32:33 PM",
                "07/01/2011 01:32:33 XM",
                "07/01/11 01:32:33 AM",
                "07-01-2011 01:32:33 AM",
                "Wed Jan 19 11:42:16 XYZ 2022",
                "Wed Foo 19 11:42:16 EST 2022",
                "Wed Jan 19 11:42:16 EST",
                "Wednesday Jan 19 11:42:16 EST 2022",
                "not a date at all",
                "1642786020000",
                "2022-01-21 13:47:00 trailing",
                // outside 1990..2100: typing errors and epoch defaults, not cases
                "1989-12-31 23:59:59",
                "2101-01-01 00:00:00",
                "1970-01-01 00:00:00",
                "0001-01-01 00:00:00",
                "01/01/1900 12:00:00 AM"
            })
    void unsupportedOrOutOfRangeIsNullWithoutThrowing(String text) {
        assertThat(boston.parse(text)).isNull();
    }

    @Test
    void rangeBoundsAreInclusive() {
        assertThat(boston.parse("1990-01-01 00:00:00")).isEqualTo(Instant.parse("1990-01-01T05:00:00Z"));
        assertThat(boston.parse("2100-12-31 23:59:59")).isEqualTo(Instant.parse("2101-01-01T04:59:59Z"));
    }

    @Test
    void springForwardGapMovesForwardByTheGap() {
        // 2024-03-10 02:00 EST jumps to 03:00 EDT: 02:30 does not exist on Boston clocks
        assertThat(boston.parse("2024-03-10 02:30:00")).isEqualTo(Instant.parse("2024-03-10T07:30:00Z"));
        assertThat(boston.parse("2024-03-10 03:30:00")).isEqualTo(Instant.parse("2024-03-10T07:30:00Z"));
        assertThat(boston.parse("2024-03-10 01:59:59")).isEqualTo(Instant.parse("2024-03-10T06:59:59Z"));
    }

    @Test
    void fallBackOverlapTakesTheFirstOccurrence() {
        // 2024-11-03 02:00 EDT falls back to 01:00 EST: 01:30 happens twice, the EDT one is taken
        assertThat(boston.parse("2024-11-03 01:30:00")).isEqualTo(Instant.parse("2024-11-03T05:30:00Z"));
        assertThat(boston.parse("11/03/2024 01:30:00 AM")).isEqualTo(Instant.parse("2024-11-03T05:30:00Z"));
        assertThat(boston.parse("2024-11-03 02:30:00")).isEqualTo(Instant.parse("2024-11-03T07:30:00Z"));
        // an explicit abbreviation picks the second occurrence
        assertThat(boston.parse("Sun Nov 03 01:30:00 EST 2024")).isEqualTo(Instant.parse("2024-11-03T06:30:00Z"));
    }

    @Test
    void zoneIsConfigurable() {
        TimestampParser utc = new TimestampParser(ZoneId.of("UTC"));
        TimestampParser berlin = new TimestampParser(ZoneId.of("Europe/Berlin"));

        assertThat(utc.parse("2022-01-21 13:47:00")).isEqualTo(Instant.parse("2022-01-21T13:47:00Z"));
        assertThat(berlin.parse("2022-07-21 13:47:00")).isEqualTo(Instant.parse("2022-07-21T11:47:00Z"));
        assertThat(berlin.parse("2022-07-21T13:47:00Z")).isEqualTo(Instant.parse("2022-07-21T13:47:00Z"));
    }

    @Test
    void rangeOfTextCanBeParsedInPlace() {
        String closure = "Case Closed. Closed date : 2022-01-03 10:11:24.96 Case Invalid";

        assertThat(boston.parse(closure, 27, 49)).isEqualTo(Instant.parse("2022-01-03T15:11:24.960Z"));
    }

    @Test
    void nullIsNull() {
        assertThat(boston.parse(null)).isNull();
    }
}
