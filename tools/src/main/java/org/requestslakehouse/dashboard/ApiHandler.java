package org.requestslakehouse.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/...}: chart data and the case lookup, as JSON. Every answer is JSON, errors included
 * ({@code {"status":400,"error":"..."}}), and nothing the client sends is used except after validation.
 */
final class ApiHandler implements HttpHandler {
    static final String CASES = "/api/cases/";
    /** The case lookup's only parameter: which city's request, when several publish the id. */
    static final String CITY = "city";

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    private final GoldQueries queries;
    private final CaseLookup cases;

    ApiHandler(GoldQueries queries, CaseLookup cases) {
        this.queries = queries;
        this.cases = cases;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                if (!HttpResponses.fromLoopbackHost(exchange)) {
                    HttpResponses.error(exchange, 403, "This server answers requests for localhost only");
                    return;
                }
                String method = exchange.getRequestMethod();
                if (!"GET".equals(method) && !"HEAD".equals(method)) {
                    throw ApiException.methodNotAllowed(QueryString.printable(method));
                }
                Object body = route(
                        exchange.getRequestURI().getRawPath(),
                        exchange.getRequestURI().getRawQuery());
                HttpResponses.json(exchange, 200, body);
            } catch (ApiException e) {
                HttpResponses.error(exchange, e.status(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.error(
                        "Dashboard API request {} failed",
                        exchange.getRequestURI().getRawPath(),
                        e);
                HttpResponses.error(
                        exchange,
                        500,
                        "Internal error (" + e.getClass().getSimpleName() + "); see the dashboard's log");
            }
        }
    }

    private Object route(String path, String rawQuery) {
        if (path.startsWith(CASES)) {
            QueryString query = QueryString.parse(rawQuery, Set.of(CITY));
            return cases.find(path.substring(CASES.length()), query.get(CITY));
        }
        return switch (path) {
            case "/api/filters" -> {
                QueryString.parse(rawQuery, Set.of());
                yield queries.filterOptions();
            }
            case "/api/gold/completeness" -> {
                QueryString.parse(rawQuery, Set.of());
                yield queries.completeness();
            }
            case "/api/gold/hourly" -> queries.hourly(filter(rawQuery));
            case "/api/gold/on-time" -> queries.onTime(filter(rawQuery));
            case "/api/gold/resolution" -> queries.resolution(filter(rawQuery));
            case "/api/gold/neighborhoods" -> queries.neighborhoods(filter(rawQuery));
            default -> throw ApiException.notFound("No endpoint " + QueryString.printable(path));
        };
    }

    private DashboardFilter filter(String rawQuery) {
        return DashboardFilter.parse(
                QueryString.parse(rawQuery, DashboardFilter.PARAMETERS), queries.knownDimensions());
    }
}
