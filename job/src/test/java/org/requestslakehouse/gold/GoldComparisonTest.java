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
import org.requestslakehouse.gold.tables.DailyByDepartmentAndType;
import org.requestslakehouse.gold.tables.HourlyByNeighborhood;
import org.requestslakehouse.model.ServiceRequest;
import org.requestslakehouse.testing.BostonGold;
import org.requestslakehouse.testing.ServiceRequests;

class GoldComparisonTest {
    private static final GoldRecomputation RECOMPUTATION = new GoldRecomputation(ZoneId.of("America/New_York"));
    private static final List<ServiceRequest> CASES = List.of(
            closed(1, "2024-03-12T14:00:00Z", "2024-03-12T15:00:00Z", true, 1.0, "Roxbury", "PWDx", "Pothole"),
            closed(2, "2024-03-12T14:10:00Z", "2024-03-12T15:10:00Z", false, 3.0, "Roxbury", "PWDx", "Pothole"),
            open(3, "2024-03-12T14:20:00Z", "Dorchester", "PWDx", "Pothole"));

    private final RecomputedGold expected = RECOMPUTATION.recompute(CASES);

    @Test
    void theRecomputationAgreesWithItself() {
        assertThat(BostonGold.compare(expected, expected.rows(BostonGold.HOURLY), expected.rows(BostonGold.DAILY)))
                .isEmpty();
    }

    @Test
    void aMissingRowEqualsARowOfZeros() {
        HourlyByNeighborhood.Row zeros = new HourlyByNeighborhood.Row();
        zeros.windowStart = Instant.parse("2024-03-12T09:00:00Z");
        zeros.city = ServiceRequests.CITY;
        zeros.neighborhood = "Roxbury";
        List<HourlyByNeighborhood.Row> actual = new ArrayList<>(expected.rows(BostonGold.HOURLY));
        actual.add(zeros);

        assertThat(BostonGold.compare(expected, actual, expected.rows(BostonGold.DAILY)))
                .isEmpty();
    }

    @Test
    void everyWrongCountIsListedWithItsRow() {
        List<HourlyByNeighborhood.Row> actual = copies(expected.rows(BostonGold.HOURLY));
        HourlyByNeighborhood.Row dorchester = actual.stream()
                .filter(r -> r.neighborhood.equals("Dorchester"))
                .findFirst()
                .orElseThrow();
        dorchester.opened = 2;
        actual.removeIf(r -> r.windowStart.equals(Instant.parse("2024-03-12T15:00:00Z")));

        assertThat(BostonGold.compare(expected, actual, expected.rows(BostonGold.DAILY)))
                .containsExactly(
                        "requests_hourly [2024-03-12T14:00:00Z, boston, Dorchester]: opened expected 1, actual 2",
                        "requests_hourly [2024-03-12T15:00:00Z, boston, Roxbury] (no row): closed expected 2, actual 0",
                        "requests_hourly [2024-03-12T15:00:00Z, boston, Roxbury] (no row): closed_on_time expected 1, actual 0",
                        "requests_hourly [2024-03-12T15:00:00Z, boston, Roxbury] (no row): closed_overdue expected 1, actual 0",
                        "requests_hourly [2024-03-12T15:00:00Z, boston, Roxbury] (no row): resolution_hours_p50 expected 1.0, actual null",
                        "requests_hourly [2024-03-12T15:00:00Z, boston, Roxbury] (no row): resolution_hours_p90 expected 3.0, actual null");
    }

    @Test
    void ratesAndMeansAreComparedWithinTheirTolerances() {
        DailyByDepartmentAndType.Row row =
                copiesOfDaily(expected.rows(BostonGold.DAILY)).get(0);
        row.onTimeRate += 1e-12;
        row.meanResolutionHours += 1e-12;
        assertThat(BostonGold.compare(expected, expected.rows(BostonGold.HOURLY), List.of(row)))
                .isEmpty();

        row.onTimeRate = 0.6;
        row.meanResolutionHours = 2.5;
        assertThat(BostonGold.compare(expected, expected.rows(BostonGold.HOURLY), List.of(row)))
                .containsExactly(
                        "sla_daily [2024-03-12, boston, PWDx, Pothole]: on_time_rate expected 0.5, actual 0.6",
                        "sla_daily [2024-03-12, boston, PWDx, Pothole]: mean_resolution_hours expected 2.0, actual 2.5");
    }

    @Test
    void exactQuantilesMustMatchExactly() {
        DailyByDepartmentAndType.Row row =
                copiesOfDaily(expected.rows(BostonGold.DAILY)).get(0);
        row.resolutionHoursP90 = 2.0;

        assertThat(BostonGold.compare(expected, expected.rows(BostonGold.HOURLY), List.of(row)))
                .containsExactly(
                        "sla_daily [2024-03-12, boston, PWDx, Pothole]: resolution_hours_p90 expected 3.0, actual 2.0");
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
        DailyByDepartmentAndType.Row row =
                copiesOfDaily(big.rows(BostonGold.DAILY)).get(0);

        row.resolutionHoursP50 = 500.0 + 20;
        assertThat(BostonGold.compare(big, big.rows(BostonGold.HOURLY), List.of(row)))
                .isEmpty();

        row.resolutionHoursP50 = 500.0 + 40;
        assertThat(BostonGold.compare(big, big.rows(BostonGold.HOURLY), List.of(row)))
                .hasSize(1)
                .allSatisfy(d -> assertThat(d)
                        .startsWith("sla_daily [2024-03-12, boston, PWDx, Pothole]: resolution_hours_p50 expected ["));
    }

    @Test
    void twoRowsForOneKeyAreADifference() {
        List<DailyByDepartmentAndType.Row> actual = new ArrayList<>(expected.rows(BostonGold.DAILY));
        actual.addAll(copiesOfDaily(expected.rows(BostonGold.DAILY)));

        assertThat(BostonGold.compare(expected, expected.rows(BostonGold.HOURLY), actual))
                .containsExactly(
                        "sla_daily [" + LocalDate.parse("2024-03-12") + ", boston, PWDx, Pothole]: more than one row");
    }

    @Test
    void aRowWithoutItsKeyColumnsIsReportedNotFatal() {
        HourlyByNeighborhood.Row keyless = new HourlyByNeighborhood.Row();
        keyless.opened = 1;
        List<HourlyByNeighborhood.Row> actual = new ArrayList<>(expected.rows(BostonGold.HOURLY));
        actual.add(keyless);

        assertThat(BostonGold.compare(expected, actual, expected.rows(BostonGold.DAILY)))
                .containsExactly("requests_hourly [null, null, null]: opened expected 0, actual 1");
    }

    /** Copies, because the expected rows must not change with the actual ones. */
    private static List<HourlyByNeighborhood.Row> copies(List<HourlyByNeighborhood.Row> rows) {
        List<HourlyByNeighborhood.Row> copies = new ArrayList<>();
        for (HourlyByNeighborhood.Row r : rows) {
            HourlyByNeighborhood.Row c = new HourlyByNeighborhood.Row();
            c.windowStart = r.windowStart;
            c.city = r.city;
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

    private static List<DailyByDepartmentAndType.Row> copiesOfDaily(List<DailyByDepartmentAndType.Row> rows) {
        List<DailyByDepartmentAndType.Row> copies = new ArrayList<>();
        for (DailyByDepartmentAndType.Row r : rows) {
            DailyByDepartmentAndType.Row c = new DailyByDepartmentAndType.Row();
            c.day = r.day;
            c.city = r.city;
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
