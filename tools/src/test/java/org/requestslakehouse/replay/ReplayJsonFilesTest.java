package org.requestslakehouse.replay;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.config.ConfigLoader;

/** Replay reads Open311 requests.json files like CSV ones: one event per element, the element's bytes as published. */
class ReplayJsonFilesTest {

    @Test
    void directoriesGiveCsvAndJsonFilesPlainOrGzipAndNothingElse(@TempDir Path dir) throws IOException {
        for (String name : List.of("a.csv", "b.json", "c.JSON.gz", "d.csv.gz", "e.txt", ".hidden.json", "f.gz")) {
            Files.writeString(dir.resolve(name), "[]");
        }

        assertThat(ReplayInputs.expand(List.of(dir)))
                .extracting(p -> p.getFileName().toString())
                .containsExactly("a.csv", "b.json", "c.JSON.gz", "d.csv.gz");
    }

    @Test
    void eachElementIsPublishedAsPublishedAndAMalformedOneAsItsBytes(@TempDir Path dir) throws Exception {
        String good1 = "{\"service_request_id\": \"SR19-1\", \"requested_datetime\": \"2019-01-29T17:19:38-06:00\","
                + " \"lat\": 41.9, \"long\": -87.6}";
        String broken = "{\"service_request_id\": \"SR19-2\",, \"lat\": 1}";
        String good2 = "{\"service_request_id\": \"SR19-3\", \"lat\": null, \"long\": null}";
        Path file = dir.resolve("requests.json");
        Files.writeString(file, "{\"requests\": [\n" + good1 + ",\n" + broken + ",\n" + good2 + "\n]}\n");

        List<ReplayEvent> events = new ArrayList<>();
        try (ReplayEventStream stream = new ReplayEventStream(
                List.of(file),
                ReplayMode.SNAPSHOT,
                ReplayFilter.ALL,
                ConfigLoader.load(null, Map.of("source.csv.paths", "unused")).parse())) {
            stream.forEachRemaining(events::add);
        }

        assertThat(events).extracting(e -> new String(e.json(), UTF_8)).containsExactly(good1, broken, good2);
        assertThat(events.get(1).key()).isEqualTo(file + ":3");
    }
}
