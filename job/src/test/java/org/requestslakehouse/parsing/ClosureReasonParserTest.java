package org.requestslakehouse.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.requestslakehouse.parsing.ClosureReasonParser.ParsedClosure;

class ClosureReasonParserTest {
    private final ClosureReasonParser parser =
            new ClosureReasonParser(new TimestampParser(ZoneId.of("America/New_York")));

    /** Every wording in the three real samples, plus the bare statuses and the generator's "Case Duplicate". */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "Case Closed Case Resolved replaced 100 amp fuse and reset breaker               | RESOLVED         | null",
                "Case Closed Case Resolved                                                       | RESOLVED         | null",
                "Case Closed Case Scheduled Items have been scheduled for pickup.                | SCHEDULED        | null",
                "Case Closed Case Noted                                                          | NOTED            | null",
                "Case Closed Case Noted Duplicate request                                        | NOTED            | null",
                "Case Closed Case Invalid                                                        | INVALID          | null",
                "Case Closed Internal Case                                                       | INTERNAL         | null",
                "Case Closed Internal Case Performed by Highway Maintenance crew.                | INTERNAL         | null",
                "Case Closed VIOISS: Violation Filed                                             | VIOLATION_ISSUED | null",
                "Case Closed VIOCOR: Violation Corrected                                         | RESOLVED         | null",
                "Case Closed NOVIO: No Violation Found/No Cause                                  | NO_VIOLATION     | null",
                "Case Closed ADCLSD: Administratively Closed                                     | ADMINISTRATIVE   | null",
                "Case Closed Case Duplicate Duplicate of case #101000295000                      | DUPLICATE        | null",
                "Case Closed. Closed date : Wed Jan 19 11:42:16 EST 2022 Resolved Removed df     | RESOLVED         | 2022-01-19T16:42:16Z",
                "Case Closed. Closed date : Sun Jan 09 06:43:06 EST 2022 Noted                   | NOTED            | 2022-01-09T11:43:06Z",
                "Case Closed. Closed date : Sun Jan 02 11:03:10 EST 2022 Noted Case noted. Duplicate case. | NOTED | 2022-01-02T16:03:10Z",
                "Case Closed. Closed date : Thu Mar 27 14:52:03 EDT 2025 Resolved Picked up      | RESOLVED         | 2025-03-27T18:52:03Z",
                "Case Closed. Closed date : 2022-03-09 07:27:41.817 Case Resolved REPLACED POLE  | RESOLVED         | 2022-03-09T12:27:41.817Z",
                "Case Closed. Closed date : 2022-01-03 10:06:33.717 Case Noted area inspector    | NOTED            | 2022-01-03T15:06:33.717Z",
                "Case Closed. Closed date : 2022-01-03 06:44:23.4 Duplicate of Existing Case     | DUPLICATE        | 2022-01-03T11:44:23.400Z",
                "Case Closed. Closed date : 2022-01-03 10:11:24.96 Case Invalid                  | INVALID          | 2022-01-03T15:11:24.960Z",
                "Case Closed. Closed date : 2022-01-06 16:30:36.01 Bulk Item Automation         | SCHEDULED        | 2022-01-06T21:30:36.010Z",
                "Case Closed. Closed date : 2025-02-09 14:56:19.257 Case Resolved               | RESOLVED         | 2025-02-09T19:56:19.257Z",
                "Case Noted                                                                      | NOTED            | null",
                "Case Invalid                                                                    | INVALID          | null",
                "Resolved                                                                        | RESOLVED         | null",
                "case closed case resolved                                                       | RESOLVED         | null",
                "Case Closed                                                                     | OTHER            | null",
                "Case Closed Case Resolvedx                                                      | OTHER            | null",
                "Something else entirely                                                         | OTHER            | null",
            })
    void categoryAndQuotedCloseTime(String text, ClosureCategory category, String reportedTs) {
        ParsedClosure parsed = parser.parse(FieldNormalizers.text(text));

        assertThat(parsed.category()).isEqualTo(category);
        assertThat(parsed.reportedTs()).isEqualTo(reportedTs == null ? null : Instant.parse(reportedTs));
        assertThat(parsed.reportedTsUnreadable()).isFalse();
    }

    @Test
    void unreadableQuotedTimeIsReportedButTheCategoryStillRead() {
        ParsedClosure parsed = parser.parse("Case Closed. Closed date : Wed Foo 99 11:42:16 EST 2022 Resolved done");

        assertThat(parsed).isEqualTo(new ParsedClosure(ClosureCategory.RESOLVED, null, true));
    }

    @Test
    void unknownZoneAbbreviationIsUnreadableRatherThanGuessed() {
        ParsedClosure parsed = parser.parse("Case Closed. Closed date : Wed Jan 19 11:42:16 CET 2022 Noted");

        assertThat(parsed).isEqualTo(new ParsedClosure(ClosureCategory.NOTED, null, true));
    }

    @Test
    void tabsAndDoubleSpacesFromTheExportsDoNotMatterOnceNormalised() {
        String raw = "Case Closed.  Closed date :\tWed Jan 19 11:42:16 EST 2022\tResolved  Removed df  ";

        ParsedClosure parsed = parser.parse(FieldNormalizers.text(raw));

        assertThat(parsed)
                .isEqualTo(new ParsedClosure(ClosureCategory.RESOLVED, Instant.parse("2022-01-19T16:42:16Z"), false));
    }

    @Test
    void blankReasonOfAnOpenCaseHasNoClosure() {
        assertThat(parser.parse(FieldNormalizers.text(" "))).isNull();
        assertThat(parser.parse(null)).isNull();
    }
}
