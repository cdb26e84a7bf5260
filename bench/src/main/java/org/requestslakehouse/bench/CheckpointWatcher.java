package org.requestslakehouse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Follows a running job's checkpoints through Flink's REST API and keeps the newest completed one that still held
 * state. A bounded job's last checkpoints are taken after its tasks finished and hold nothing, so the state size
 * must be caught while the job runs.
 */
final class CheckpointWatcher implements Runnable, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(500);

    /** A completed checkpoint with its full (not incremental) state size. */
    record Checkpoint(long id, long stateBytes) {}

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI checkpoints;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Checkpoint latestWithState;
    private volatile long completed;

    CheckpointWatcher(int restPort, String jobId) {
        this.checkpoints = URI.create("http://localhost:" + restPort + "/jobs/" + jobId + "/checkpoints");
        this.thread = new Thread(this, "bench-checkpoint-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** The newest completed checkpoint that held state, or null if none did. */
    Checkpoint latestWithState() {
        return latestWithState;
    }

    /** Checkpoints completed so far, with or without state. */
    long completed() {
        return completed;
    }

    @Override
    public void run() {
        while (!closed) {
            try {
                poll();
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                // the REST endpoint goes away when the job ends: keep what was seen
            }
        }
    }

    private void poll() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(checkpoints)
                        .timeout(Duration.ofSeconds(5))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return;
        }
        JsonNode stats = JSON.readTree(response.body());
        completed = stats.path("counts").path("completed").asLong(0);
        Checkpoint seen = completedWithState(stats);
        Checkpoint known = latestWithState;
        if (seen != null && (known == null || seen.id() > known.id())) {
            latestWithState = seen;
        }
    }

    /** The latest completed checkpoint in Flink's {@code /jobs/:id/checkpoints} answer, if it held state. */
    static Checkpoint completedWithState(JsonNode stats) {
        JsonNode completed = stats.path("latest").path("completed");
        if (completed.isMissingNode() || completed.isNull()) {
            return null;
        }
        long size = completed.path("state_size").asLong(0);
        return size > 0 ? new Checkpoint(completed.path("id").asLong(), size) : null;
    }

    /** Stops polling; one last poll first, so a checkpoint completed since the previous one is not missed. */
    @Override
    public void close() {
        try {
            poll();
        } catch (IOException | RuntimeException e) {
            // the job is gone: what was seen stands
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closed = true;
        thread.interrupt();
    }
}
