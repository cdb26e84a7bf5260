package org.requestslakehouse.replay;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.config.ConfigLoader;

/**
 * A replay publishes a CSV defect as the bytes the file has, like any row the parser rejects, so the job
 * quarantines it; before, one bad byte ended the replay with an exception.
 */
class ReplayEventStreamDefectsTest {

    @Test
    void aDefectiveLineIsPublishedAsItsBytesAndTheFollowingRowsStillAre(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        csv.writeBytes("case_enquiry_id,open_dt\n101,2024-01-01 10:00:00\n".getBytes(UTF_8));
        byte[] defect = {'1', '0', '2', ',', (byte) 0xE9};
        csv.writeBytes(defect);
        csv.writeBytes("\n103,2024-01-01 11:00:00\n".getBytes(UTF_8));
        Path file = dir.resolve("latin1.csv");
        Files.write(file, csv.toByteArray());

        List<ReplayEvent> events = new ArrayList<>();
        try (ReplayEventStream stream = new ReplayEventStream(
                List.of(file),
                ReplayMode.SNAPSHOT,
                ReplayFilter.ALL,
                ConfigLoader.load(null, Map.of("source.csv.paths", "unused")).parse())) {
            stream.forEachRemaining(events::add);
        }

        assertThat(events).extracting(ReplayEvent::key).containsExactly("101", file + ":3", "103");
        assertThat(events.get(1).json()).isEqualTo(defect);
    }
}
