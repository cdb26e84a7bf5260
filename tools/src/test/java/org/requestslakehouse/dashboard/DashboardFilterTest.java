package org.requestslakehouse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DashboardFilterTest {
    private static final KnownDimensions KNOWN = new KnownDimensions(
            new TreeSet<>(java.util.List.of("Roxbury", "South Boston / South Boston Waterfront")),
            new TreeSet<>(java.util.List.of("PWDx")),
            new TreeSet<>(java.util.List.of("Request for Pothole Repair")),
            new TreeSet<>(java.util.List.of("boston", "nyc")));

    @Test
    void parsesDatesAndKnownNamesWithEmptyFieldsMeaningAll() {
        DashboardFilter filter =
                parse("from=2024-03-01&to=2024-03-14&neighborhood=South%20Boston%20%2F%20South%20Boston%20Waterfront"
                        + "&department=&type=Request+for+Pothole+Repair");

        assertThat(filter)
                .isEqualTo(new DashboardFilter(
                        LocalDate.of(2024, 3, 1),
                        LocalDate.of(2024, 3, 14),
                        "South Boston / South Boston Waterfront",
                        null,
                        "Request for Pothole Repair"));
        assertThat(parse(null)).isEqualTo(DashboardFilter.NONE);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "from=2024-3-1|'from' must be a date like 2024-03-11, got '2024-3-1'",
                "to=2024-02-30|'to' is not a calendar date: '2024-02-30'",
                "from=+10000-01-01|'from' must be a date like 2024-03-11, got ' 10000-01-01'",
                "from=2024-03-10&to=2024-03-01|'from' (2024-03-10) is after 'to' (2024-03-01)",
                "neighborhood=Nowhere|Unknown neighborhood 'Nowhere'; GET /api/filters lists the 2 known values",
                "department=PWDx%27%20OR%20%271%27=%271|Unknown department 'PWDx' OR '1'='1'; GET /api/filters lists the 1 known values",
                "type=roxbury|Unknown type 'roxbury'; GET /api/filters lists the 1 known values",
                "neighborhood=Roxbury&neighborhood=Roxbury|Query parameter 'neighborhood' given more than once",
                "limit=10|Unknown query parameter 'limit'; allowed: city, department, from, neighborhood, to, type",
                "from=%E0%A4%A|Malformed percent-encoding in the query string"
            })
    void refusesWhatItCannotTakeLiterallyWithA400(String query, String message) {
        assertThatThrownBy(() -> parse(query))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessage(message);
    }

    @Test
    void knowsWhichGoldGrainAFilterCrosses() {
        assertThat(parse("neighborhood=Roxbury").crossesDailyGrain()).isTrue();
        assertThat(parse("neighborhood=Roxbury").crossesHourlyGrain()).isFalse();
        assertThat(parse("department=PWDx").crossesHourlyGrain()).isTrue();
        assertThat(parse("type=Request%20for%20Pothole%20Repair").crossesHourlyGrain())
                .isTrue();
        assertThat(parse("department=PWDx").crossesDailyGrain()).isFalse();
        assertThat(parse("from=2024-03-01").crossesHourlyGrain()).isFalse();
    }

    /** A city is a dimension of every gold table: filtering on it never sends a chart to silver. */
    @Test
    void aCityFilterNamesAKnownCityAndCrossesNoGrain() {
        DashboardFilter nyc = parse("city=nyc");

        assertThat(nyc).isEqualTo(new DashboardFilter(null, null, null, null, null, "nyc"));
        assertThat(nyc.crossesHourlyGrain()).isFalse();
        assertThat(nyc.crossesDailyGrain()).isFalse();
        assertThat(nyc.matchesNeighborhood("nyc", "Roxbury")).isTrue();
        assertThat(nyc.matchesNeighborhood("boston", "Roxbury")).isFalse();
        assertThat(nyc.matchesDepartmentAndType("boston", "PWDx", "Request for Pothole Repair"))
                .isFalse();
        assertThatThrownBy(() -> parse("city=paris"))
                .isInstanceOf(ApiException.class)
                .hasMessage("Unknown city 'paris'; GET /api/filters lists the 2 known values");
    }

    private static DashboardFilter parse(String query) {
        return DashboardFilter.parse(QueryString.parse(query, DashboardFilter.PARAMETERS), KNOWN);
    }
}
