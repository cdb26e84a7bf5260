package org.requestslakehouse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.catalog.CatalogFactory;
import org.requestslakehouse.config.CatalogConfig;
import org.requestslakehouse.config.ConfigLoader;
import org.requestslakehouse.sinks.iceberg.LakehouseTables;

/** The HTTP surface over an empty lakehouse: what it serves, what it refuses, and that every error is JSON. */
class DashboardServerTest {
    @TempDir
    static Path warehouse;

    private static DashboardServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        CatalogConfig catalog = ConfigLoader.load(
                        null, Map.of("source.csv.paths", "x", "catalog.warehouse", warehouse.toString()))
                .catalog();
        var iceberg = CatalogFactory.open(catalog);
        try {
            new LakehouseTables(catalog).createMissing(iceberg);
        } finally {
            CatalogFactory.close(iceberg);
        }
        server = DashboardServer.start(catalog, ZoneId.of("America/New_York"), 0, 5);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void servesThePageAndChartJsFromTheJarWithAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValue(HttpResponses.CONTENT_SECURITY_POLICY);
        assertThat(page.body()).contains("<script src=\"" + StaticAssets.CHART_JS_PATH + "\" defer></script>");

        HttpResponse<String> chartJs = get(StaticAssets.CHART_JS_PATH);
        assertThat(chartJs.statusCode()).isEqualTo(200);
        assertThat(chartJs.body()).startsWith("/*!\n * Chart.js v" + StaticAssets.chartJsVersion());
        assertThat(get("/dashboard.js").statusCode()).isEqualTo(200);
        assertThat(get("/dashboard.css").statusCode()).isEqualTo(200);
    }

    @Test
    void servesNothingButItsOwnAssets() throws Exception {
        assertThat(get("/org/requestslakehouse/dashboard/index.html").statusCode())
                .isEqualTo(404);
        assertThat(get("/META-INF/maven/org.webjars.npm/chart.js/pom.properties")
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("/%2e%2e/pom.xml").statusCode()).isEqualTo(404);
        assertThat(get("/api/nothing").body()).isEqualTo("{\"status\":404,\"error\":\"No endpoint /api/nothing\"}");
    }

    @Test
    void anEmptyLakehouseGivesEmptyChartsNotErrors() throws Exception {
        assertThat(get("/api/filters").body())
                .isEqualTo("{\"timeZone\":\"America/New_York\",\"firstDay\":null,\"lastDay\":null,"
                        + "\"defaultFrom\":null,\"defaultTo\":null,\"neighborhoods\":[],\"departments\":[],\"types\":[],\"refreshSeconds\":5,"
                        + "\"cities\":[]}");
        assertThat(get("/api/gold/hourly").body())
                .isEqualTo("{\"source\":\"gold.requests_hourly\",\"from\":null,\"to\":null,"
                        + "\"windowStarts\":[],\"labels\":[],\"opened\":[],\"closed\":[],\"backlog\":[]}");
        assertThat(get("/api/gold/completeness").body()).isEqualTo("{\"tables\":[]}");
        assertThat(get("/api/gold/hourly").headers().firstValue("Cache-Control"))
                .hasValue("no-store");
    }

    @Test
    void caseIdsAreValidatedAndUnknownCasesAre404() throws Exception {
        assertError("/api/cases/42", 404, "No case 42 in silver.service_requests");
        assertError(
                "/api/cases/SR19-00134785?city=open311",
                404,
                "No case SR19-00134785 of open311 in silver.service_requests");
        String idForm = "A case id is letters, digits, '.', '_', ':' or '-', at most 200";
        assertError("/api/cases/", 400, idForm + ", got ''");
        assertError(
                "/api/cases/" + "1".repeat(201),
                400,
                idForm + ", got '" + QueryString.printable("1".repeat(201)) + "'");
        assertError("/api/cases/1%20OR%201=1", 400, idForm + ", got '1%20OR%201=1'");
        assertError("/api/cases/42?city=Boston%27", 400, "A city is a profile name, got 'Boston''");
        assertError("/api/cases/42?fields=all", 400, "Unknown query parameter 'fields'; allowed: city");
    }

    @Test
    void filtersAreValidatedBeforeAnythingIsRead() throws Exception {
        assertError(
                "/api/gold/on-time?neighborhood=Roxbury",
                400,
                "Unknown neighborhood 'Roxbury'; GET /api/filters lists the 0 known values");
        assertError("/api/gold/hourly?from=yesterday", 400, "'from' must be a date like 2024-03-11, got 'yesterday'");
    }

    @Test
    void onlyGetAndOnlyForLocalhost() throws Exception {
        HttpResponse<String> post = HTTP.send(
                HttpRequest.newBuilder(server.url().resolve("/api/filters"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.body()).isEqualTo("{\"status\":405,\"error\":\"Method POST is not allowed; use GET\"}");

        // A page on another origin that rebinds its DNS name to 127.0.0.1 still sends its own Host.
        assertThat(statusLine("/api/filters", "attacker.example:" + server.port()))
                .isEqualTo("HTTP/1.1 403 Forbidden");
        assertThat(statusLine("/", "attacker.example")).isEqualTo("HTTP/1.1 403 Forbidden");
        assertThat(statusLine("/api/filters", "127.0.0.1:" + server.port())).isEqualTo("HTTP/1.1 200 OK");
    }

    private static void assertError(String path, int status, String message) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(response.body()).as(path).isEqualTo("{\"status\":" + status + ",\"error\":\"" + message + "\"}");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(server.url().resolve(path))
                        .timeout(Duration.ofMinutes(1))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A raw request, because java.net.http does not let a client choose its Host header. */
    private static String statusLine(String path, String host) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return response.substring(0, response.indexOf("\r\n"));
        }
    }
}
