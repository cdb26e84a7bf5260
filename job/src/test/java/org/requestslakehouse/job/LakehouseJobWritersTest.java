package org.requestslakehouse.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.config.ConfigLoader;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.testing.KafkaBrokerExtension;
import org.requestslakehouse.testing.Real311;
import org.requestslakehouse.testing.TestJobs;

/**
 * The writer parallelism {@link LakehouseJob#define} ships: one Iceberg writer per table when the input is bounded
 * (parallel writers lose files at end of input, see {@code IcebergSinks}), one per input subtask when it is not.
 */
class LakehouseJobWritersTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private static final String WRITER = "-IcebergStreamWriter";

    @Test
    void aBoundedCsvRunWritesEveryTableThroughOneWriter(@TempDir Path warehouse) {
        JobConfig config = ConfigLoader.load(
                null,
                Map.of(
                        "source.csv.paths", Real311.file(Real311.CKAN_2022).toString(),
                        "catalog.warehouse", warehouse.toString()));

        Map<String, Integer> writers = writerParallelism(config);

        assertThat(writers)
                .hasSize(7)
                .allSatisfy((writer, parallelism) ->
                        assertThat(parallelism).as(writer).isEqualTo(1));
    }

    @Test
    void anUnboundedKafkaRunWritesWithOneWriterPerInputSubtask(@TempDir Path warehouse) {
        KAFKA.createTopic("writers-unbounded", 2);
        Map<String, String> settings = TestJobs.kafkaSource(KAFKA.bootstrapServers(), "writers-unbounded");
        settings.put("catalog.warehouse", warehouse.toString());
        JobConfig config = ConfigLoader.load(null, settings);

        Map<String, Integer> writers = writerParallelism(config);

        assertThat(writers)
                .hasSize(7)
                .containsEntry("sink-bronze-raw-events" + WRITER, 2)
                .containsEntry("sink-silver-service-requests" + WRITER, 2)
                .containsEntry("sink-silver-rejected-events" + WRITER, 2);
    }

    /** Writer operator name to parallelism, from the stream graph production builds (job.parallelism defaults to 2). */
    private static Map<String, Integer> writerParallelism(JobConfig config) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(config.runtime().parallelism());
        LakehouseJob.define(env, config);
        StreamGraph graph = env.getStreamGraph();
        Map<String, Integer> writers = new TreeMap<>();
        for (StreamNode node : graph.getStreamNodes()) {
            if (node.getOperatorName().endsWith(WRITER)) {
                writers.put(node.getOperatorName(), node.getParallelism());
            }
        }
        return writers;
    }
}
