package org.requestslakehouse.dashboard;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.SortedSet;
import org.requestslakehouse.gold.lifecycle.CaseDimensions;

/**
 * What the user narrowed the dashboard to. Dates are Boston-local calendar days (the zone of the data),
 * inclusive; a null bound or dimension means "no restriction".
 */
public record DashboardFilter(
        LocalDate from, LocalDate to, String neighborhood, String department, String type, String city) {

    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String NEIGHBORHOOD = "neighborhood";
    public static final String DEPARTMENT = "department";
    public static final String TYPE = "type";
    public static final String CITY = "city";
    public static final Set<String> PARAMETERS = Set.of(FROM, TO, NEIGHBORHOOD, DEPARTMENT, TYPE, CITY);

    public static final DashboardFilter NONE = new DashboardFilter(null, null, null, null, null, null);

    /** A filter over every city. */
    public DashboardFilter(LocalDate from, LocalDate to, String neighborhood, String department, String type) {
        this(from, to, neighborhood, department, type, null);
    }

    /**
     * @throws ApiException 400 for a date that is not ISO {@code yyyy-MM-dd}, a reversed range, or a name gold
     *                      does not know
     */
    public static DashboardFilter parse(QueryString query, KnownDimensions known) {
        LocalDate from = date(query, FROM);
        LocalDate to = date(query, TO);
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.badRequest("'from' (" + from + ") is after 'to' (" + to + ")");
        }
        return new DashboardFilter(
                from,
                to,
                known(query, NEIGHBORHOOD, known.neighborhoods()),
                known(query, DEPARTMENT, known.departments()),
                known(query, TYPE, known.types()),
                known(query, CITY, known.cities()));
    }

    /** Gold's hourly table has no department or type: a filter on them must be answered from silver. */
    public boolean crossesHourlyGrain() {
        return department != null || type != null;
    }

    /** Gold's daily table has no neighborhood: a filter on it must be answered from silver. */
    public boolean crossesDailyGrain() {
        return neighborhood != null;
    }

    public boolean matches(CaseDimensions dimensions) {
        return matchesCity(dimensions.city())
                && (neighborhood == null || neighborhood.equals(dimensions.neighborhood()))
                && (department == null || department.equals(dimensions.department()))
                && (type == null || type.equals(dimensions.type()));
    }

    /** Every gold table has the city, so a city filter never crosses a grain. */
    public boolean matchesCity(String value) {
        return city == null || city.equals(value);
    }

    public boolean matchesNeighborhood(String cityValue, String value) {
        return matchesCity(cityValue) && (neighborhood == null || neighborhood.equals(value));
    }

    public boolean matchesDepartmentAndType(String cityValue, String departmentValue, String typeValue) {
        return matchesCity(cityValue)
                && (department == null || department.equals(departmentValue))
                && (type == null || type.equals(typeValue));
    }

    /** The same filter with the date range filled in where the client left it open. */
    public DashboardFilter withDefaultRange(LocalDate defaultFrom, LocalDate defaultTo) {
        return new DashboardFilter(
                from != null ? from : defaultFrom, to != null ? to : defaultTo, neighborhood, department, type, city);
    }

    private static LocalDate date(QueryString query, String name) {
        String value = query.get(name);
        if (value == null) {
            return null;
        }
        // ISO_LOCAL_DATE alone would accept +10000-01-01; the API only speaks plain four-digit years.
        if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw ApiException.badRequest(
                    "'" + name + "' must be a date like 2024-03-11, got '" + QueryString.printable(value) + "'");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'" + name + "' is not a calendar date: '" + value + "'");
        }
    }

    private static String known(QueryString query, String name, SortedSet<String> values) {
        String value = query.get(name);
        if (value == null) {
            return null;
        }
        if (!values.contains(value)) {
            throw ApiException.badRequest("Unknown " + name + " '" + QueryString.printable(value)
                    + "'; GET /api/filters lists the " + values.size() + " known values");
        }
        return value;
    }
}
