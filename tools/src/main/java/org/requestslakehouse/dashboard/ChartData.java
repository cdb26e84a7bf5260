package org.requestslakehouse.dashboard;

import java.util.List;

/**
 * The JSON the API answers with, one record per endpoint: the contract between the server and the page. Dates
 * and times are ISO-8601 strings; {@code source} names the table a chart was computed from, because a filter
 * that crosses a gold table's grain is answered from silver.
 */
public final class ChartData {
    private ChartData() {}

    /**
     * {@code GET /api/filters}: the values the filters accept, the first and last day on which cases were opened,
     * and the range the page opens on (and every endpoint defaults to): the last fortnight of that.
     */
    public record FilterOptions(
            String timeZone,
            String firstDay,
            String lastDay,
            String defaultFrom,
            String defaultTo,
            List<String> neighborhoods,
            List<String> departments,
            List<String> types,
            int refreshSeconds,
            List<String> cities) {}

    /**
     * {@code GET /api/gold/hourly}: every UTC hour of the range, labelled in local time. Backlog is opened minus
     * closed since the first window in the table, as of the end of each hour.
     */
    public record HourlySeries(
            String source,
            String from,
            String to,
            List<String> windowStarts,
            List<String> labels,
            List<Long> opened,
            List<Long> closed,
            List<Long> backlog) {}

    /** {@code GET /api/gold/on-time}: rate is null for a department with no case closed against a target. */
    public record OnTimeByDepartment(String source, String from, String to, List<DepartmentOnTime> departments) {}

    public record DepartmentOnTime(String department, long closed, long onTime, long overdue, Double onTimeRate) {}

    /** {@code GET /api/gold/resolution}: quantiles of the cases closed in the range, per type. */
    public record ResolutionByType(String source, String from, String to, List<TypeResolution> types) {}

    public record TypeResolution(String type, long closed, Double p50Hours, Double p90Hours) {}

    /** {@code GET /api/gold/neighborhoods}: most opened first. */
    public record NeighborhoodBreakdown(String source, String from, String to, List<NeighborhoodRow> neighborhoods) {}

    public record NeighborhoodRow(
            String neighborhood, long opened, long closed, long onTime, long overdue, Double onTimeRate) {}

    /** {@code GET /api/gold/completeness}: per gold table, the event time up to which it is final. */
    public record Completeness(List<TableCompleteness> tables) {}

    public record TableCompleteness(String table, String completeThrough, String updatedAt) {}

    /** Every error: the status again, so a client reading only the body still knows what happened. */
    public record Error(int status, String error) {}
}
