package org.requestslakehouse.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.requestslakehouse.config.CatalogConfig;
import org.requestslakehouse.dashboard.ChartData.Completeness;
import org.requestslakehouse.dashboard.ChartData.DepartmentOnTime;
import org.requestslakehouse.dashboard.ChartData.FilterOptions;
import org.requestslakehouse.dashboard.ChartData.HourlySeries;
import org.requestslakehouse.dashboard.ChartData.NeighborhoodBreakdown;
import org.requestslakehouse.dashboard.ChartData.NeighborhoodRow;
import org.requestslakehouse.dashboard.ChartData.OnTimeByDepartment;
import org.requestslakehouse.dashboard.ChartData.ResolutionByType;
import org.requestslakehouse.dashboard.ChartData.TableCompleteness;
import org.requestslakehouse.dashboard.ChartData.TypeResolution;
import org.requestslakehouse.gold.GoldRecomputation;
import org.requestslakehouse.gold.GoldWatermark;
import org.requestslakehouse.gold.RecomputedGold;
import org.requestslakehouse.gold.ResolutionQuantiles;
import org.requestslakehouse.gold.tables.DailyByDepartmentAndType;
import org.requestslakehouse.gold.tables.HourlyByNeighborhood;
import org.requestslakehouse.model.ServiceRequest;

/**
 * The numbers behind each chart. Gold answers whenever its grain can: hourly charts from
 * {@code gold.requests_hourly} (hour × neighborhood), department charts from {@code gold.sla_daily}
 * (day × department × type). A filter on a dimension a table does not have (a department on the hourly chart, a
 * neighborhood on the on-time chart) is answered from silver with the same batch recomputation {@code verify}
 * checks gold against, so the numbers mean the same whichever table they come from. Resolution quantiles always
 * come from silver: quantiles of days (or departments) cannot be added up into quantiles of a range.
 */
public final class GoldQueries {
    /** Beyond about a year an hourly series has more points than a chart can show. */
    static final int MAX_HOURLY_DAYS = 400;
    /** The page opens on the last two weeks of data. */
    static final int DEFAULT_RANGE_DAYS = 14;

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final LakehouseView view;
    private final ZoneId zone;
    private final HourlyByNeighborhood hourlyTable = new HourlyByNeighborhood();
    private final DailyByDepartmentAndType dailyTable;
    private final int refreshSeconds;
    private final String hourlySource;
    private final String dailySource;
    private final String silverSource;

    public GoldQueries(LakehouseView view, ZoneId zone, CatalogConfig catalog, int refreshSeconds) {
        this.view = view;
        this.zone = zone;
        this.dailyTable = new DailyByDepartmentAndType(zone);
        this.refreshSeconds = refreshSeconds;
        this.hourlySource = catalog.goldDatabase() + ".requests_hourly";
        this.dailySource = catalog.goldDatabase() + ".sla_daily";
        this.silverSource = catalog.silverDatabase() + ".service_requests";
    }

    public KnownDimensions knownDimensions() {
        TreeSet<String> neighborhoods = new TreeSet<>();
        TreeSet<String> cities = new TreeSet<>();
        for (HourlyByNeighborhood.Row row : view.hourlyRows()) {
            neighborhoods.add(row.neighborhood);
            if (row.city != null) {
                cities.add(row.city);
            }
        }
        TreeSet<String> departments = new TreeSet<>();
        TreeSet<String> types = new TreeSet<>();
        for (DailyByDepartmentAndType.Row row : view.dailyRows()) {
            departments.add(row.department);
            types.add(row.type);
        }
        return new KnownDimensions(neighborhoods, departments, types, cities);
    }

    public FilterOptions filterOptions() {
        KnownDimensions known = knownDimensions();
        DataExtent extent = extent();
        LocalDate defaultFrom = extent.isEmpty() ? null : defaultFrom(extent);
        return new FilterOptions(
                zone.getId(),
                text(extent.first()),
                text(extent.last()),
                text(defaultFrom),
                text(extent.last()),
                List.copyOf(known.neighborhoods()),
                List.copyOf(known.departments()),
                List.copyOf(known.types()),
                refreshSeconds,
                List.copyOf(known.cities()));
    }

    public HourlySeries hourly(DashboardFilter requested) {
        String source = requested.crossesHourlyGrain() ? silverSource : hourlySource;
        DashboardFilter filter = withDataRange(requested);
        if (!hasRange(filter)) {
            return new HourlySeries(
                    source,
                    text(filter.from()),
                    text(filter.to()),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of());
        }
        if (ChronoUnit.DAYS.between(filter.from(), filter.to()) >= MAX_HOURLY_DAYS) {
            throw ApiException.badRequest(
                    "An hourly series covers at most " + MAX_HOURLY_DAYS + " days; narrow 'from' and 'to'");
        }
        Instant start = startOf(filter.from()).truncatedTo(ChronoUnit.HOURS);
        Instant end = startOf(filter.to().plusDays(1));
        int hours = (int) Duration.between(start, end).toHours();
        long[] opened = new long[hours];
        long[] closed = new long[hours];
        long backlogBeforeRange = 0;
        for (HourlyByNeighborhood.Row row : hourlyRows(requested)) {
            if (!filter.matchesNeighborhood(row.city, row.neighborhood) || !row.windowStart.isBefore(end)) {
                continue;
            }
            if (row.windowStart.isBefore(start)) {
                backlogBeforeRange += row.opened - row.closed;
            } else {
                int hour = (int) Duration.between(start, row.windowStart).toHours();
                opened[hour] += row.opened;
                closed[hour] += row.closed;
            }
        }
        List<String> windowStarts = new ArrayList<>(hours);
        List<String> labels = new ArrayList<>(hours);
        List<Long> openedSeries = new ArrayList<>(hours);
        List<Long> closedSeries = new ArrayList<>(hours);
        List<Long> backlog = new ArrayList<>(hours);
        long open = backlogBeforeRange;
        for (int h = 0; h < hours; h++) {
            Instant windowStart = start.plus(h, ChronoUnit.HOURS);
            open += opened[h] - closed[h];
            windowStarts.add(windowStart.toString());
            labels.add(LABEL.format(windowStart.atZone(zone)));
            openedSeries.add(opened[h]);
            closedSeries.add(closed[h]);
            backlog.add(open);
        }
        return new HourlySeries(
                source,
                text(filter.from()),
                text(filter.to()),
                windowStarts,
                labels,
                openedSeries,
                closedSeries,
                backlog);
    }

    public OnTimeByDepartment onTime(DashboardFilter requested) {
        String source = requested.crossesDailyGrain() ? silverSource : dailySource;
        DashboardFilter filter = withDataRange(requested);
        Map<String, long[]> byDepartment = new TreeMap<>();
        if (hasRange(filter)) {
            for (DailyByDepartmentAndType.Row row : dailyRows(requested)) {
                if (inRange(row.day, filter) && filter.matchesDepartmentAndType(row.city, row.department, row.type)) {
                    long[] t = byDepartment.computeIfAbsent(row.department, d -> new long[3]);
                    t[0] += row.closed;
                    t[1] += row.closedOnTime;
                    t[2] += row.closedOverdue;
                }
            }
        }
        List<DepartmentOnTime> departments = new ArrayList<>();
        byDepartment.forEach((department, t) ->
                departments.add(new DepartmentOnTime(department, t[0], t[1], t[2], rate(t[1], t[2]))));
        return new OnTimeByDepartment(source, text(filter.from()), text(filter.to()), departments);
    }

    public ResolutionByType resolution(DashboardFilter requested) {
        DashboardFilter filter = withDataRange(requested);
        Map<String, List<Double>> byType = new TreeMap<>();
        if (hasRange(filter)) {
            for (SilverCase c : view.silverCases()) {
                ServiceRequest r = c.request();
                if (r.closedTs != null
                        && r.resolutionHours != null
                        && filter.matches(c.dimensions())
                        && inRange(r.closedTs.atZone(zone).toLocalDate(), filter)) {
                    byType.computeIfAbsent(c.dimensions().type(), t -> new ArrayList<>())
                            .add(r.resolutionHours);
                }
            }
        }
        List<TypeResolution> types = new ArrayList<>();
        byType.forEach((type, hours) -> {
            ResolutionQuantiles q = ResolutionQuantiles.of(hours);
            types.add(new TypeResolution(type, hours.size(), q.p50(), q.p90()));
        });
        types.sort(Comparator.comparingLong(TypeResolution::closed).reversed().thenComparing(TypeResolution::type));
        return new ResolutionByType(silverSource, text(filter.from()), text(filter.to()), types);
    }

    public NeighborhoodBreakdown neighborhoods(DashboardFilter requested) {
        String source = requested.crossesHourlyGrain() ? silverSource : hourlySource;
        DashboardFilter filter = withDataRange(requested);
        Map<String, long[]> byNeighborhood = new TreeMap<>();
        if (hasRange(filter)) {
            Instant start = startOf(filter.from());
            Instant end = startOf(filter.to().plusDays(1));
            for (HourlyByNeighborhood.Row row : hourlyRows(requested)) {
                if (filter.matchesNeighborhood(row.city, row.neighborhood)
                        && !row.windowStart.isBefore(start)
                        && row.windowStart.isBefore(end)) {
                    long[] t = byNeighborhood.computeIfAbsent(row.neighborhood, n -> new long[4]);
                    t[0] += row.opened;
                    t[1] += row.closed;
                    t[2] += row.closedOnTime;
                    t[3] += row.closedOverdue;
                }
            }
        }
        List<NeighborhoodRow> rows = new ArrayList<>();
        byNeighborhood.forEach((n, t) -> rows.add(new NeighborhoodRow(n, t[0], t[1], t[2], t[3], rate(t[2], t[3]))));
        rows.sort(Comparator.comparingLong(NeighborhoodRow::opened)
                .reversed()
                .thenComparing(NeighborhoodRow::neighborhood));
        return new NeighborhoodBreakdown(source, text(filter.from()), text(filter.to()), rows);
    }

    public Completeness completeness() {
        List<TableCompleteness> tables = new ArrayList<>();
        for (GoldWatermark w : view.watermarks()) {
            tables.add(new TableCompleteness(w.tableName, text(w.completeThrough), text(w.updatedAt)));
        }
        tables.sort(Comparator.comparing(TableCompleteness::table));
        return new Completeness(tables);
    }

    private List<HourlyByNeighborhood.Row> hourlyRows(DashboardFilter filter) {
        return filter.crossesHourlyGrain() ? recomputed(filter).rows(hourlyTable) : view.hourlyRows();
    }

    private List<DailyByDepartmentAndType.Row> dailyRows(DashboardFilter filter) {
        return filter.crossesDailyGrain() ? recomputed(filter).rows(dailyTable) : view.dailyRows();
    }

    /** Gold as the job would have computed it had it only seen the cases the filter selects. */
    private RecomputedGold recomputed(DashboardFilter filter) {
        List<ServiceRequest> selected = new ArrayList<>();
        for (SilverCase c : view.silverCases()) {
            if (filter.matches(c.dimensions())) {
                selected.add(c.request());
            }
        }
        return new GoldRecomputation(zone).recompute(selected);
    }

    /** Open bounds default to the range the page opens on: the last two weeks in which cases were opened. */
    private DashboardFilter withDataRange(DashboardFilter filter) {
        DataExtent extent = extent();
        return filter.withDefaultRange(extent.isEmpty() ? null : defaultFrom(extent), extent.last());
    }

    private static LocalDate defaultFrom(DataExtent extent) {
        return max(extent.first(), extent.last().minusDays(DEFAULT_RANGE_DAYS - 1));
    }

    /**
     * First and last local day on which cases were opened; null bounds while gold is empty. Closing times are
     * left out on purpose: a few cases in the real exports close years after they open (or carry a mistyped
     * date), and the page would otherwise open on an empty fortnight in the future.
     */
    private DataExtent extent() {
        LocalDate first = null;
        LocalDate last = null;
        for (HourlyByNeighborhood.Row row : view.hourlyRows()) {
            if (row.opened > 0) {
                LocalDate day = row.windowStart.atZone(zone).toLocalDate();
                first = first == null ? day : min(first, day);
                last = last == null ? day : max(last, day);
            }
        }
        return new DataExtent(first, last);
    }

    private record DataExtent(LocalDate first, LocalDate last) {
        boolean isEmpty() {
            return first == null;
        }
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** False while gold is empty, or when an open bound defaulted past the other one. */
    private static boolean hasRange(DashboardFilter filter) {
        return filter.from() != null && filter.to() != null && !filter.from().isAfter(filter.to());
    }

    private static boolean inRange(LocalDate day, DashboardFilter filter) {
        return !day.isBefore(filter.from()) && !day.isAfter(filter.to());
    }

    /** Same definition as gold's on_time_rate: on time over closed against a target. */
    private static Double rate(long onTime, long overdue) {
        return onTime + overdue == 0 ? null : (double) onTime / (onTime + overdue);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
