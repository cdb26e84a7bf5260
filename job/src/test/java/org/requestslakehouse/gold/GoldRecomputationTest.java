package org.requestslakehouse.gold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.requestslakehouse.gold.Versions.closed;
import static org.requestslakehouse.gold.Versions.open;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.requestslakehouse.model.ServiceRequest;
import org.requestslakehouse.testing.BostonGold;

class GoldRecomputationTest {
    private static final GoldRecomputation RECOMPUTATION = new GoldRecomputation(ZoneId.of("America/New_York"));

    @Test
    void aCaseCountsAsOpenedWhereItOpenedAndAsClosedWhereItClosed() {
        RecomputedGold gold = RECOMPUTATION.recompute(List.of(
                closed(1, "2024-03-10T06:15:00Z", "2024-03-11T03:30:00Z", true, 21.25, "Roxbury", "PWDx", "Pothole"),
                open(2, "2024-03-10T06:45:00Z", " Roxbury ", "PWDx", "Pothole")));

        assertThat(gold.rows(BostonGold.HOURLY))
                .extracting(
                        r -> r.windowStart,
                        r -> r.neighborhood,
                        r -> r.opened,
                        r -> r.closed,
                        r -> r.closedOnTime,
                        r -> r.resolutionHoursP50)
                .containsExactlyInAnyOrder(
                        tuple(Instant.parse("2024-03-10T06:00:00Z"), "Roxbury", 2L, 0L, 0L, null),
                        tuple(Instant.parse("2024-03-11T03:00:00Z"), "Roxbury", 0L, 1L, 1L, 21.25));
        // 2024-03-11T03:30Z is 23:30 on March 10th in Boston (EDT since that morning).
        assertThat(gold.rows(BostonGold.DAILY))
                .extracting(r -> r.day, r -> r.opened, r -> r.closed, r -> r.onTimeRate, r -> r.meanResolutionHours)
                .containsExactly(tuple(LocalDate.parse("2024-03-10"), 2L, 1L, 1.0, 21.25));
    }

    @Test
    void onTimeAndOverdueFollowTheVersionAndUnknownCountsOnlyAsClosed() {
        RecomputedGold gold = RECOMPUTATION.recompute(List.of(
                closed(1, "2024-03-12T14:00:00Z", "2024-03-12T15:00:00Z", true, 1.0, "Roxbury", "PWDx", "Pothole"),
                closed(2, "2024-03-12T14:00:00Z", "2024-03-12T15:10:00Z", false, 3.0, "Roxbury", "PWDx", "Pothole"),
                closed(3, "2024-03-12T14:00:00Z", "2024-03-12T15:20:00Z", false, null, "Roxbury", "PWDx", "Pothole"),
                closed(4, "2024-03-12T14:00:00Z", "2024-03-12T15:30:00Z", null, 8.0, "Roxbury", "PWDx", "Pothole")));

        assertThat(gold.rows(BostonGold.DAILY))
                .extracting(
                        r -> r.closed,
                        r -> r.closedOnTime,
                        r -> r.closedOverdue,
                        r -> r.onTimeRate,
                        r -> r.meanResolutionHours,
                        r -> r.resolutionHoursP50,
                        r -> r.resolutionHoursP90)
                .containsExactly(tuple(4L, 1L, 2L, 1.0 / 3, 4.0, 3.0, 8.0));
    }

    @Test
    void missingDimensionsAreUnknown() {
        RecomputedGold gold = RECOMPUTATION.recompute(List.of(open(1, "2024-03-12T14:00:00Z", null, "", "Pothole")));

        assertThat(gold.rows(BostonGold.HOURLY)).extracting(r -> r.neighborhood).containsExactly("UNKNOWN");
        assertThat(gold.rows(BostonGold.DAILY))
                .extracting(r -> r.department, r -> r.type)
                .containsExactly(tuple("UNKNOWN", "Pothole"));
    }

    @Test
    void tombstonesAreSkipped() {
        ServiceRequest tombstone = open(1, "2024-03-12T14:00:00Z", "Roxbury", "PWDx", "Pothole");
        tombstone.tombstone = true;

        RecomputedGold gold = RECOMPUTATION.recompute(
                List.of(tombstone, open(1, "2024-03-12T16:00:00Z", "Roxbury", "PWDx", "Pothole")));

        assertThat(gold.rows(BostonGold.HOURLY))
                .extracting(r -> r.windowStart)
                .containsExactly(Instant.parse("2024-03-12T16:00:00Z"));
    }

    /** The same id in two cities is two cases, counted in rows of their own city. */
    @Test
    void theSameIdInTwoCitiesCountsInEachCitysRows() {
        ServiceRequest nyc = open(7, "2024-03-12T14:10:00Z", "Roxbury", "PWDx", "Pothole");
        nyc.city = "nyc";
        RecomputedGold gold =
                RECOMPUTATION.recompute(List.of(open(7, "2024-03-12T14:00:00Z", "Roxbury", "PWDx", "Pothole"), nyc));

        assertThat(gold.rows(BostonGold.HOURLY))
                .extracting(r -> r.windowStart, r -> r.city, r -> r.neighborhood, r -> r.opened)
                .containsExactlyInAnyOrder(
                        tuple(Instant.parse("2024-03-12T14:00:00Z"), "boston", "Roxbury", 1L),
                        tuple(Instant.parse("2024-03-12T14:00:00Z"), "nyc", "Roxbury", 1L));
        assertThat(gold.rows(BostonGold.DAILY))
                .extracting(r -> r.day, r -> r.city, r -> r.opened)
                .containsExactlyInAnyOrder(
                        tuple(LocalDate.parse("2024-03-12"), "boston", 1L),
                        tuple(LocalDate.parse("2024-03-12"), "nyc", 1L));
    }

    @Test
    void aCaseGivenTwiceIsRejectedRatherThanCountedTwice() {
        List<ServiceRequest> twice = List.of(
                open(7, "2024-03-12T14:00:00Z", "Roxbury", "PWDx", "Pothole"),
                open(7, "2024-03-12T15:00:00Z", "Roxbury", "PWDx", "Pothole"));

        assertThatThrownBy(() -> RECOMPUTATION.recompute(twice))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Case 7 appears more than once");
    }
}
