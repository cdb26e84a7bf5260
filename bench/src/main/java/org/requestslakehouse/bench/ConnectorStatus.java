package org.requestslakehouse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** A Kafka Connect connector's state, from the worker's REST API ({@code GET /connectors/<name>/status}). */
final class ConnectorStatus {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI uri;
    private final Path workerLog;

    ConnectorStatus(int restPort, String connector, Path workerLog) {
        this.uri = URI.create("http://localhost:" + restPort + "/connectors/" + connector + "/status");
        this.workerLog = workerLog;
    }

    /** The connector and exactly {@code tasks} tasks run; false while the worker is still starting. */
    boolean running(int tasks) throws InterruptedException {
        JsonNode status = fetch();
        return status != null && allRunning(status, tasks);
    }

    /** A failed task never recovers by itself: fail the run instead of waiting for its timeout. */
    void failIfFailed() throws InterruptedException {
        JsonNode status = fetch();
        if (status != null && anyFailed(status)) {
            throw new IllegalStateException("The Kafka Connect peer failed: " + status + "; see " + workerLog);
        }
    }

    static boolean allRunning(JsonNode status, int tasks) {
        if (!"RUNNING".equals(status.path("connector").path("state").asText())) {
            return false;
        }
        JsonNode taskStates = status.path("tasks");
        if (taskStates.size() != tasks) {
            return false;
        }
        for (JsonNode task : taskStates) {
            if (!"RUNNING".equals(task.path("state").asText())) {
                return false;
            }
        }
        return true;
    }

    static boolean anyFailed(JsonNode status) {
        if ("FAILED".equals(status.path("connector").path("state").asText())) {
            return true;
        }
        for (JsonNode task : status.path("tasks")) {
            if ("FAILED".equals(task.path("state").asText())) {
                return true;
            }
        }
        return false;
    }

    private JsonNode fetch() throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException notListeningYet) {
            return null;
        }
    }
}
