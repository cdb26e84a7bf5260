package org.requestslakehouse.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The page, its script and style, and Chart.js from its WebJar, all read from the classpath once at start-up.
 * Only these paths are served: a request path is a key into a fixed map, never a path into the classpath.
 */
final class StaticAssets implements HttpHandler {
    static final String CHART_JS_PATH = "/webjars/chart.js/chart.umd.min.js";

    private static final String PAGE = "org/requestslakehouse/dashboard/";
    private static final String CHART_JS_POM = "META-INF/maven/org.webjars.npm/chart.js/pom.properties";

    private final Map<String, Asset> assets = new LinkedHashMap<>();

    private record Asset(String contentType, byte[] bytes) {}

    StaticAssets() {
        Asset page = asset(PAGE + "index.html", "text/html; charset=utf-8");
        assets.put("/", page);
        assets.put("/index.html", page);
        assets.put("/dashboard.js", asset(PAGE + "dashboard.js", "text/javascript; charset=utf-8"));
        assets.put("/dashboard.css", asset(PAGE + "dashboard.css", "text/css; charset=utf-8"));
        // The WebJar's directory carries its version; reading it from the jar's pom keeps the two in step.
        assets.put(
                CHART_JS_PATH,
                asset(
                        "META-INF/resources/webjars/chart.js/" + chartJsVersion() + "/dist/chart.umd.min.js",
                        "text/javascript; charset=utf-8"));
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!HttpResponses.fromLoopbackHost(exchange)) {
                HttpResponses.send(exchange, 403, "text/plain; charset=utf-8", HttpResponses.utf8("localhost only\n"));
                return;
            }
            String method = exchange.getRequestMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                HttpResponses.send(exchange, 405, "text/plain; charset=utf-8", HttpResponses.utf8("GET only\n"));
                return;
            }
            Asset asset = assets.get(exchange.getRequestURI().getRawPath());
            if (asset == null) {
                HttpResponses.send(exchange, 404, "text/plain; charset=utf-8", HttpResponses.utf8("Not found\n"));
                return;
            }
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            HttpResponses.send(exchange, 200, asset.contentType(), asset.bytes());
        }
    }

    static String chartJsVersion() {
        Properties pom = new Properties();
        try (InputStream in = resource(CHART_JS_POM)) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + CHART_JS_POM, e);
        }
        return pom.getProperty("version");
    }

    private static Asset asset(String resource, String contentType) {
        try (InputStream in = resource(resource)) {
            return new Asset(contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("Missing from the classpath: " + name);
        }
        return in;
    }
}
