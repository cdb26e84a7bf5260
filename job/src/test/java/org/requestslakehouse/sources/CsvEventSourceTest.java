package org.requestslakehouse.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.transformations.SourceTransformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.csv.JsonEventReaderTest;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.model.RejectReason;
import org.requestslakehouse.testing.Real311;

/**
 * The CSV source holds its end back for a checkpoint exactly when the job checkpoints, and reads the CSV and
 * Open311 JSON files of a directory alike, each by its content.
 */
class CsvEventSourceTest {

    @Test
    void aDirectoryOfCsvAndJsonFilesGivesEveryRowAndElementAndEachDefectWithItsPosition(@TempDir Path dir)
            throws Exception {
        Files.copy(JsonEventReaderTest.city(JsonEventReaderTest.NYC), dir.resolve("nyc.csv"));
        Files.copy(JsonEventReaderTest.city(JsonEventReaderTest.CHICAGO), dir.resolve("chicago.json"));
        Files.writeString(
                dir.resolve("wrapped.json"),
                "{\"requests\": [\n{\"service_request_id\": \"SR1\"},\n{\"service_request_id\": \"SR2\" \"x\": 1}\n]}");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);

        List<RawEvent> events =
                new CsvEventSource(List.of(dir.toString())).create(env).executeAndCollect(1_000);

        Map<String, Long> byFile = events.stream()
                .collect(Collectors.groupingBy(
                        e -> Paths.get(e.sourceName).getFileName().toString(), TreeMap::new, Collectors.counting()));
        assertThat(byFile)
                .containsExactly(
                        Map.entry("chicago.json", 50L), Map.entry("nyc.csv", 60L), Map.entry("wrapped.json", 2L));
        assertThat(events).allMatch(e -> e.sourceType.equals(CsvBulkFormat.SOURCE_TYPE));
        List<RawEvent> defects =
                events.stream().filter(e -> e.sourceDefect != null).toList();
        assertThat(defects).hasSize(1);
        assertThat(defects.get(0).sourceDefect).isEqualTo(RejectReason.MALFORMED_JSON);
        assertThat(defects.get(0).sourcePosition).isEqualTo("3");
        assertThat(defects.get(0).sourceDefectDetail)
                .isEqualTo("line 3, element 2 (byte offset 46): not valid JSON: Unexpected character ('\"' (code 34)):"
                        + " was expecting comma to separate Object entries (line 3)");
    }

    @Test
    void aCheckpointedRunEndsItsFilesOnlyAfterACheckpoint() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(1_000);
        assertThat(sourceOf(env)).isInstanceOf(EndAfterCheckpointSource.class);
    }

    @Test
    void aRunWithoutCheckpointsReadsThePlainFileSource() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        assertThat(sourceOf(env)).isInstanceOf(FileSource.class);
    }

    private static Source<?, ?, ?> sourceOf(StreamExecutionEnvironment env) {
        DataStream<RawEvent> stream =
                new CsvEventSource(List.of(Real311.file(Real311.CKAN_2022).toString())).create(env);
        assertThat(stream.getTransformation().getUid()).isEqualTo(CsvEventSource.OPERATOR_UID);
        return ((SourceTransformation<?, ?, ?>) stream.getTransformation()).getSource();
    }
}
