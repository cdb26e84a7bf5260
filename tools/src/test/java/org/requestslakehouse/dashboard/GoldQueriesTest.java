package org.requestslakehouse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.requestslakehouse.config.ConfigLoader;
import org.requestslakehouse.dashboard.ChartData.DepartmentOnTime;
import org.requestslakehouse.dashboard.ChartData.HourlySeries;
import org.requestslakehouse.dashboard.ChartData.NeighborhoodRow;
import org.requestslakehouse.dashboard.ChartData.TypeResolution;
import org.requestslakehouse.gold.GoldWatermark;
import org.requestslakehouse.gold.tables.DailyByDepartmentAndType;
import org.requestslakehouse.gold.tables.HourlyByNeighborhood;
import org.requestslakehouse.model.ServiceRequest;
import org.requestslakehouse.testing.ServiceRequests;

class GoldQueriesTest {
    private static final ZoneId BOSTON = ZoneId.of("America/New_York");
    /** The spring-forward day: 23 hours long in Boston. */
    private static final LocalDate DST_DAY = LocalDate.of(2024, 3, 10);

    private static final DashboardFilter ON_DST_DAY = new DashboardFilter(DST_DAY, DST_DAY, null, null, null);

    private final InMemoryView view = new InMemoryView();
    private final GoldQueries queries = new GoldQueries(
            view,
            BOSTON,
            ConfigLoader.load(null, Map.of("source.csv.paths", "x")).catalog(),
            5);

    @Test
    void hourlySeriesCoversEveryLocalHourOfTheRangeWithBacklogCarriedInFromBefore() {
        view.hourly.add(hourly("2024-03-09T12:00:00Z", "Roxbury", 2, 0));
        view.hourly.add(hourly("2024-03-10T05:00:00Z", "Roxbury", 3, 1));
        view.hourly.add(hourly("2024-03-10T06:00:00Z", "Back Bay", 1, 1));
        view.hourly.add(hourly("2024-03-11T04:00:00Z", "Roxbury", 7, 0));

        HourlySeries all = queries.hourly(ON_DST_DAY);

        assertThat(all.source()).isEqualTo("gold.requests_hourly");
        assertThat(all.labels())
                .hasSize(23)
                .startsWith("2024-03-10 00:00", "2024-03-10 01:00", "2024-03-10 03:00")
                .endsWith("2024-03-10 23:00");
        assertThat(all.windowStarts()).startsWith("2024-03-10T05:00:00Z").endsWith("2024-03-11T03:00:00Z");
        assertThat(all.opened()).startsWith(3L, 1L, 0L).containsOnlyOnce(3L).containsOnlyOnce(1L);
        assertThat(all.closed()).startsWith(1L, 1L, 0L);
        assertThat(all.backlog()).startsWith(4L, 4L).containsOnly(4L);

        HourlySeries backBay = queries.hourly(new DashboardFilter(DST_DAY, DST_DAY, "Back Bay", null, null));
        assertThat(backBay.opened()).startsWith(0L, 1L, 0L).containsOnlyOnce(1L);
        assertThat(backBay.backlog()).containsOnly(0L);
    }

    @Test
    void aDepartmentFilterOnTheHourlyChartIsAnsweredFromSilver() {
        view.hourly.add(hourly("2024-03-10T14:00:00Z", "Roxbury", 2, 0));
        view.silver.add(
                silverCase(1, "Roxbury", "PWDx", "Pothole", "2024-03-10T14:10:00Z", "2024-03-10T16:10:00Z", true));
        view.silver.add(silverCase(2, "Roxbury", "BTDT", "Parking", "2024-03-10T14:20:00Z", null, null));

        HourlySeries pwd = queries.hourly(new DashboardFilter(DST_DAY, DST_DAY, null, "PWDx", null));

        assertThat(pwd.source()).isEqualTo("silver.service_requests");
        int twoPm = pwd.windowStarts().indexOf("2024-03-10T14:00:00Z");
        int fourPm = pwd.windowStarts().indexOf("2024-03-10T16:00:00Z");
        assertThat(pwd.opened().get(twoPm)).isEqualTo(1L);
        assertThat(pwd.closed().get(fourPm)).isEqualTo(1L);
        assertThat(pwd.opened().stream().mapToLong(Long::longValue).sum()).isEqualTo(1);
        assertThat(pwd.backlog().get(fourPm - 1)).isEqualTo(1L);
        assertThat(pwd.backlog().get(fourPm)).isEqualTo(0L);
    }

    @Test
    void onTimeSumsGoldDaysOfTheRangePerDepartmentAndSaysWhenNothingClosedAgainstATarget() {
        view.daily.add(daily("2024-03-09", "PWDx", "Pothole", 5, 5, 0));
        view.daily.add(daily("2024-03-10", "PWDx", "Pothole", 4, 3, 1));
        view.daily.add(daily("2024-03-10", "PWDx", "Sidewalk", 2, 0, 2));
        view.daily.add(daily("2024-03-10", "GEN_", "Notification", 2, 0, 0));

        assertThat(queries.onTime(ON_DST_DAY).departments())
                .containsExactly(
                        new DepartmentOnTime("GEN_", 2, 0, 0, null), new DepartmentOnTime("PWDx", 6, 3, 3, 0.5));
        assertThat(queries.onTime(new DashboardFilter(DST_DAY, DST_DAY, null, null, "Pothole"))
                        .departments())
                .containsExactly(new DepartmentOnTime("PWDx", 4, 3, 1, 0.75));
        assertThat(queries.onTime(ON_DST_DAY).source()).isEqualTo("gold.sla_daily");
    }

    @Test
    void aNeighborhoodFilterOnTheOnTimeChartIsAnsweredFromSilver() {
        view.daily.add(daily("2024-03-10", "PWDx", "Pothole", 2, 1, 1));
        view.silver.add(
                silverCase(1, "Roxbury", "PWDx", "Pothole", "2024-03-10T14:00:00Z", "2024-03-10T15:00:00Z", true));
        view.silver.add(
                silverCase(2, " Back  Bay", "PWDx", "Pothole", "2024-03-10T14:00:00Z", "2024-03-10T18:00:00Z", false));

        var roxbury = queries.onTime(new DashboardFilter(DST_DAY, DST_DAY, "Roxbury", null, null));

        assertThat(roxbury.source()).isEqualTo("silver.service_requests");
        assertThat(roxbury.departments()).containsExactly(new DepartmentOnTime("PWDx", 1, 1, 0, 1.0));
        assertThat(queries.onTime(new DashboardFilter(DST_DAY, DST_DAY, "Back Bay", null, null))
                        .departments())
                .containsExactly(new DepartmentOnTime("PWDx", 1, 0, 1, 0.0));
    }

    @Test
    void resolutionQuantilesAreOfTheCasesClosedInTheRangeByLocalDay() {
        double[] hours = {1, 2, 3, 4};
        for (int i = 0; i < hours.length; i++) {
            view.silver.add(withResolution(
                    silverCase(
                            i + 1, "Roxbury", "PWDx", "Pothole", "2024-03-09T12:00:00Z", "2024-03-10T12:00:00Z", true),
                    hours[i]));
        }
        view.silver.add(withResolution(
                silverCase(9, "Roxbury", "BTDT", "Parking", "2024-03-10T12:00:00Z", "2024-03-10T13:00:00Z", true), 1));
        // 23:30 in Boston on the 10th is already the 11th in UTC: still closed on the 10th.
        view.silver.add(withResolution(
                silverCase(10, "Roxbury", "BTDT", "Parking", "2024-03-10T12:00:00Z", "2024-03-11T03:30:00Z", true),
                15.5));
        view.silver.add(withResolution(
                silverCase(11, "Roxbury", "BTDT", "Parking", "2024-03-10T12:00:00Z", "2024-03-11T04:30:00Z", true),
                99));

        var resolution = queries.resolution(ON_DST_DAY);

        assertThat(resolution.source()).isEqualTo("silver.service_requests");
        assertThat(resolution.types())
                .containsExactly(
                        new TypeResolution("Pothole", 4, 2.0, 4.0), new TypeResolution("Parking", 2, 1.0, 15.5));
    }

    @Test
    void neighborhoodsAreRankedByCasesOpenedInTheRange() {
        view.hourly.add(hourly("2024-03-10T05:00:00Z", "Roxbury", 1, 1, 1, 0));
        view.hourly.add(hourly("2024-03-10T07:00:00Z", "Back Bay", 3, 2, 1, 1));
        view.hourly.add(hourly("2024-03-11T07:00:00Z", "Roxbury", 9, 0, 0, 0));

        assertThat(queries.neighborhoods(ON_DST_DAY).neighborhoods())
                .containsExactly(
                        new NeighborhoodRow("Back Bay", 3, 2, 1, 1, 0.5),
                        new NeighborhoodRow("Roxbury", 1, 1, 1, 0, 1.0));
    }

    @Test
    void theDefaultRangeIsTheLastFortnightInWhichCasesWereOpenedIgnoringClosuresYearsLater() {
        view.hourly.add(hourly("2024-01-01T15:00:00Z", "Roxbury", 1, 0));
        view.hourly.add(hourly("2024-03-31T15:00:00Z", "Roxbury", 1, 0));
        view.hourly.add(hourly("2027-07-29T15:00:00Z", "Roxbury", 0, 1));
        view.daily.add(daily("2027-07-29", "PWDx", "Pothole", 1, 1, 0));

        var options = queries.filterOptions();

        assertThat(options.firstDay()).isEqualTo("2024-01-01");
        assertThat(options.lastDay()).isEqualTo("2024-03-31");
        assertThat(options.defaultFrom()).isEqualTo("2024-03-18");
        assertThat(options.defaultTo()).isEqualTo("2024-03-31");
        assertThat(options.neighborhoods()).containsExactly("Roxbury");
        assertThat(options.departments()).containsExactly("PWDx");
        assertThat(queries.hourly(DashboardFilter.NONE).from()).isEqualTo("2024-03-18");
        assertThat(queries.hourly(DashboardFilter.NONE).labels()).hasSize(14 * 24);
    }

    @Test
    void emptyGoldGivesEmptyChartsNotErrors() {
        assertThat(queries.filterOptions().lastDay()).isNull();
        assertThat(queries.hourly(DashboardFilter.NONE).labels()).isEmpty();
        assertThat(queries.onTime(DashboardFilter.NONE).departments()).isEmpty();
        assertThat(queries.resolution(DashboardFilter.NONE).types()).isEmpty();
        assertThat(queries.neighborhoods(DashboardFilter.NONE).neighborhoods()).isEmpty();
        assertThat(queries.completeness().tables()).isEmpty();
    }

    @Test
    void anHourlySeriesOfMoreThanFourHundredDaysIsRefused() {
        DashboardFilter tooLong =
                new DashboardFilter(LocalDate.of(2023, 1, 1), LocalDate.of(2024, 2, 5), null, null, null);
        assertThatThrownBy(() -> queries.hourly(tooLong))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessage("An hourly series covers at most 400 days; narrow 'from' and 'to'");
    }

    @Test
    void completenessListsEveryGoldTableByName() {
        view.watermarks.add(new GoldWatermark(
                "sla_daily", Instant.parse("2024-03-10T05:00:00Z"), Instant.parse("2024-03-12T00:00:00Z")));
        view.watermarks.add(new GoldWatermark("requests_hourly", Instant.parse("2024-03-11T03:00:00Z"), null));

        assertThat(queries.completeness().tables())
                .containsExactly(
                        new ChartData.TableCompleteness("requests_hourly", "2024-03-11T03:00:00Z", null),
                        new ChartData.TableCompleteness("sla_daily", "2024-03-10T05:00:00Z", "2024-03-12T00:00:00Z"));
    }

    /** Two cities with a Roxbury each: the city filter keeps one city's rows, without it both count. */
    @Test
    void aCityFilterKeepsOneCitysRows() {
        view.hourly.add(inCity(hourly("2024-03-10T14:00:00Z", "Roxbury", 2, 0), "boston"));
        view.hourly.add(inCity(hourly("2024-03-10T14:00:00Z", "Roxbury", 5, 0), "nyc"));
        DailyByDepartmentAndType.Row boston = daily("2024-03-10", "PWDx", "Pothole", 1, 1, 0);
        boston.city = "boston";
        DailyByDepartmentAndType.Row nyc = daily("2024-03-10", "PWDx", "Pothole", 3, 0, 3);
        nyc.city = "nyc";
        view.daily.add(boston);
        view.daily.add(nyc);

        assertThat(queries.filterOptions().cities()).containsExactly("boston", "nyc");
        DashboardFilter onlyNyc = new DashboardFilter(DST_DAY, DST_DAY, null, null, null, "nyc");
        assertThat(queries.neighborhoods(onlyNyc).neighborhoods())
                .extracting(NeighborhoodRow::neighborhood, NeighborhoodRow::opened)
                .containsExactly(tuple("Roxbury", 5L));
        assertThat(queries.neighborhoods(ON_DST_DAY).neighborhoods())
                .extracting(NeighborhoodRow::neighborhood, NeighborhoodRow::opened)
                .containsExactly(tuple("Roxbury", 7L));
        assertThat(queries.onTime(onlyNyc).departments())
                .extracting(DepartmentOnTime::department, DepartmentOnTime::closed, DepartmentOnTime::overdue)
                .containsExactly(tuple("PWDx", 3L, 3L));
        assertThat(queries.hourly(onlyNyc).opened().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(5);
    }

    private static HourlyByNeighborhood.Row inCity(HourlyByNeighborhood.Row row, String city) {
        row.city = city;
        return row;
    }

    private static HourlyByNeighborhood.Row hourly(String windowStart, String neighborhood, long opened, long closed) {
        return hourly(windowStart, neighborhood, opened, closed, 0, 0);
    }

    private static HourlyByNeighborhood.Row hourly(
            String windowStart, String neighborhood, long opened, long closed, long onTime, long overdue) {
        HourlyByNeighborhood.Row h = new HourlyByNeighborhood.Row();
        h.windowStart = Instant.parse(windowStart);
        h.neighborhood = neighborhood;
        h.opened = opened;
        h.closed = closed;
        h.closedOnTime = onTime;
        h.closedOverdue = overdue;
        return h;
    }

    private static DailyByDepartmentAndType.Row daily(
            String day, String department, String type, long closed, long onTime, long overdue) {
        DailyByDepartmentAndType.Row d = new DailyByDepartmentAndType.Row();
        d.day = LocalDate.parse(day);
        d.department = department;
        d.type = type;
        d.closed = closed;
        d.closedOnTime = onTime;
        d.closedOverdue = overdue;
        return d;
    }

    private static ServiceRequest silverCase(
            long id,
            String neighborhood,
            String department,
            String type,
            String openTs,
            String closedTs,
            Boolean closedOnTime) {
        ServiceRequest r = ServiceRequests.identify(new ServiceRequest(), id);
        r.neighborhood = neighborhood;
        r.department = department;
        r.type = type;
        r.openTs = Instant.parse(openTs);
        r.closedTs = closedTs == null ? null : Instant.parse(closedTs);
        r.closedOnTime = closedOnTime;
        return r;
    }

    private static ServiceRequest withResolution(ServiceRequest r, double hours) {
        r.resolutionHours = hours;
        return r;
    }

    private static final class InMemoryView implements LakehouseView {
        final List<HourlyByNeighborhood.Row> hourly = new ArrayList<>();
        final List<DailyByDepartmentAndType.Row> daily = new ArrayList<>();
        final List<GoldWatermark> watermarks = new ArrayList<>();
        final List<ServiceRequest> silver = new ArrayList<>();

        @Override
        public List<HourlyByNeighborhood.Row> hourlyRows() {
            return hourly;
        }

        @Override
        public List<DailyByDepartmentAndType.Row> dailyRows() {
            return daily;
        }

        @Override
        public List<GoldWatermark> watermarks() {
            return watermarks;
        }

        @Override
        public List<SilverCase> silverCases() {
            return silver.stream().map(SilverCase::of).toList();
        }
    }
}
