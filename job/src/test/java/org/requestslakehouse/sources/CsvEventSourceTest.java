package org.requestslakehouse.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.transformations.SourceTransformation;
import org.junit.jupiter.api.Test;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.testing.Real311;

/** The CSV source holds its end back for a checkpoint exactly when the job checkpoints. */
class CsvEventSourceTest {

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
