package org.requestslakehouse.gold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.requestslakehouse.gold.Versions.closed;
import static org.requestslakehouse.gold.Versions.open;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.requestslakehouse.model.DailySla;
import org.requestslakehouse.model.HourlyRequests;
import org.requestslakehouse.model.ServiceRequest;

class GoldComparisonTest {
    private static final GoldRecomputation RECOMPUTATION = new GoldRecomputation(ZoneId.of("America/New_York"));
    private static final List<ServiceRequest> CASES = List.of(
            closed(1, "2024-03-12T14:00:00Z", "2024-03-12T15:00:00Z", true, 1.0, "Roxbury", "PWDx", "Pothole"),
            closed(2, "2024-03-12T14:10:00Z", "2024-03-12T15:10:00Z", false, 3.0, "Roxbury", "PWDx", "Pothole"),
            open(3, "2024-03-12T14:20:00Z", "Dorchester", "PWDx", "Pothole"));

    private final RecomputedGold expected = RECOMPUTATION.recompute(CASES);

    @Test
    void theRecomputationAgreesWithItself() {
        assertThat(GoldComparison.compare(expected, expected.hourlyRows(), expected.dailyRows()))
                .isEmpty();
    }

    @Test
    void aMissingRowEqualsARowOfZeros() {
        HourlyRequests zeros = new HourlyRequests();
        zeros.windowStart = Instant.parse("2024-03-12T09:00:00Z");
        zeros.neighborhood = "Roxbury";
        List<HourlyRequests> actual = new ArrayList<>(expected.hourlyRows());
        actual.add(zeros);

        assertThat(GoldComparison.compare(expected, actual, expected.dailyRows()))
                .isEmpty();
    }

    @Test
    void everyWrongCountIsListedWithItsRow() {
        List<HourlyRequests> actual = copies(expected.hourlyRows());
        HourlyRequests dorchester = actual.stream()
                .filter(r -> r.neighborhood.equals("Dorchester"))
                .findFirst()
                .orElseThrow();
        dorchester.opened = 2;
        actual.removeIf(r -> r.windowStart.equals(Instant.parse("2024-03-12T15:00:00Z")));

        assertThat(GoldComparison.compare(expected, actual, expected.dailyRows()))
                .containsExactly(
                        "requests_hourly [2024-03-12T14:00:00Z, Dorchester]: opened expected 1, actual 2",
                        "requests_hourly [2024-03-12T15:00:00Z, Roxbury] (no row): closed expected 2, actual 0",
                        "requests_hourly [2024-03-12T15:00:00Z, Roxbury] (no row): closed_on_time expected 1, actual 0",
                        "requests_hourly [2024-03-12T15:00:00Z, Roxbury] (no row): closed_overdue expected 1, actual 0",
                        "requests_hourly [2024-03-12T15:00:00Z, Roxbury] (no row): resolution_hours_p50 expected 1.0, actual null",
                        "requests_hourly [2024-03-12T15:00:00Z, Roxbury] (no row): resolution_hours_p90 expected 3.0, actual null");
    }

    @Test
    void ratesAndMeansAreComparedWithinTheirTolerances() {
        DailySla row = copiesOfDaily(expected.dailyRows()).get(0);
        row.onTimeRate += 1e-12;
        row.meanResolutionHours += 1e-12;
        assertThat(GoldComparison.compare(expected, expected.hourlyRows(), List.of(row)))
                .isEmpty();

        row.onTimeRate = 0.6;
        row.meanResolutionHours = 2.5;
        assertThat(GoldComparison.compare(expected, expected.hourlyRows(), List.of(row)))
                .containsExactly(
                        "sla_daily [2024-03-12, PWDx, Pothole]: on_time_rate expected 0.5, actual 0.6",
                        "sla_daily [2024-03-12, PWDx, Pothole]: mean_resolution_hours expected 2.0, actual 2.5");
    }

    @Test
    void exactQuantilesMustMatchExactly() {
        DailySla row = copiesOfDaily(expected.dailyRows()).get(0);
        row.resolutionHoursP90 = 2.0;

        assertThat(GoldComparison.compare(expected, expected.hourlyRows(), List.of(row)))
                .containsExactly(
                        "sla_daily [2024-03-12, PWDx, Pothole]: resolution_hours_p90 expected 3.0, actual 2.0");
    }

    @Test
    void estimatedQuantilesMayDifferWithinTheRankBand() {
        List<ServiceRequest> many = IntStream.rangeClosed(1, 1000)
                .mapToObj(i -> closed(
                        i,
                        "2024-03-12T14:00:00Z",
                        "2024-03-12T15:00:00Z",
                        true,
                        (double) i,
                        "Roxbury",
                        "PWDx",
                        "Pothole"))
                .toList();
        RecomputedGold big = RECOMPUTATION.recompute(many);
        DailySla row = copiesOfDaily(big.dailyRows()).get(0);

        row.resolutionHoursP50 = 500.0 + 20;
        assertThat(GoldComparison.compare(big, big.hourlyRows(), List.of(row))).isEmpty();

        row.resolutionHoursP50 = 500.0 + 40;
        assertThat(GoldComparison.compare(big, big.hourlyRows(), List.of(row)))
                .hasSize(1)
                .allSatisfy(d -> assertThat(d)
                        .startsWith("sla_daily [2024-03-12, PWDx, Pothole]: resolution_hours_p50 expected ["));
    }

    @Test
    void twoRowsForOneKeyAreADifference() {
        List<DailySla> actual = new ArrayList<>(expected.dailyRows());
        actual.addAll(copiesOfDaily(expected.dailyRows()));

        assertThat(GoldComparison.compare(expected, expected.hourlyRows(), actual))
                .containsExactly("sla_daily [" + LocalDate.parse("2024-03-12") + ", PWDx, Pothole]: more than one row");
    }

    @Test
    void aRowWithoutItsKeyColumnsIsReportedNotFatal() {
        HourlyRequests keyless = new HourlyRequests();
        keyless.opened = 1;
        List<HourlyRequests> actual = new ArrayList<>(expected.hourlyRows());
        actual.add(keyless);

        assertThat(GoldComparison.compare(expected, actual, expected.dailyRows()))
                .containsExactly("requests_hourly [null, null]: opened expected 0, actual 1");
    }

    /** Copies, because the expected rows must not change with the actual ones. */
    private static List<HourlyRequests> copies(List<HourlyRequests> rows) {
        List<HourlyRequests> copies = new ArrayList<>();
        for (HourlyRequests r : rows) {
            HourlyRequests c = new HourlyRequests();
            c.windowStart = r.windowStart;
            c.neighborhood = r.neighborhood;
            c.opened = r.opened;
            c.closed = r.closed;
            c.closedOnTime = r.closedOnTime;
            c.closedOverdue = r.closedOverdue;
            c.resolutionHoursP50 = r.resolutionHoursP50;
            c.resolutionHoursP90 = r.resolutionHoursP90;
            copies.add(c);
        }
        return copies;
    }

    private static List<DailySla> copiesOfDaily(List<DailySla> rows) {
        List<DailySla> copies = new ArrayList<>();
        for (DailySla r : rows) {
            DailySla c = new DailySla();
            c.day = r.day;
            c.department = r.department;
            c.type = r.type;
            c.opened = r.opened;
            c.closed = r.closed;
            c.closedOnTime = r.closedOnTime;
            c.closedOverdue = r.closedOverdue;
            c.onTimeRate = r.onTimeRate;
            c.meanResolutionHours = r.meanResolutionHours;
            c.resolutionHoursP50 = r.resolutionHoursP50;
            c.resolutionHoursP90 = r.resolutionHoursP90;
            copies.add(c);
        }
        return copies;
    }
}
