package org.requestslakehouse.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.runtime.kryo.KryoSerializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.config.ConfigLoader;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.job.LakehouseJob;
import org.requestslakehouse.model.RawEvent;

/** Properties of the whole job graph, as production builds it (real Iceberg sinks, gold on). */
class LakehousePipelineGraphTest {

    /** Object reuse is the environment's ({@code JobEnvironmentsTest}): defining the job must not change it. */
    @Test
    void buildingThePipelineLeavesTheEnvironmentsSettingsAlone(@TempDir Path warehouse) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

        buildPipeline(env, warehouse);

        assertThat(env.getConfig().isObjectReuseEnabled()).isFalse();
    }

    /**
     * Kryo is slow and ties state to class layouts. The one exception is not ours: Iceberg's writers hand their
     * per-checkpoint {@code FlinkWriteResult} to the committer through Kryo, one small record per checkpoint.
     */
    @Test
    void onlyIcebergsOwnWriteResultsGoThroughKryo(@TempDir Path warehouse) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        buildPipeline(env, warehouse);
        StreamGraph graph = env.getStreamGraph();

        List<String> kryo = new ArrayList<>();
        for (StreamNode node : graph.getStreamNodes()) {
            if (node.getTypeSerializerOut() instanceof KryoSerializer<?>) {
                kryo.add(node.getOperatorName() + " (output)");
            }
            for (TypeSerializer<?> in : node.getTypeSerializersIn()) {
                if (in instanceof KryoSerializer<?>) {
                    kryo.add(node.getOperatorName() + " (input)");
                }
            }
        }

        assertThat(kryo)
                .isNotEmpty()
                .allSatisfy(use ->
                        assertThat(use).matches(".*-Iceberg(StreamWriter \\(output\\)|FilesCommitter \\(input\\))"));
    }

    /** They save work only inside the task in front of them: as tasks of their own they would add a network hop. */
    @Test
    void theGoldCombinersRunChainedToTheOperatorsTheyFollow(@TempDir Path warehouse) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        buildPipeline(env, warehouse);

        List<String> tasks = new ArrayList<>();
        env.getStreamGraph().getJobGraph().getVertices().forEach(vertex -> tasks.add(vertex.getName()));

        assertThat(tasks)
                .noneMatch(task -> task.startsWith("gold-hourly-combine"))
                .anySatisfy(task -> assertThat(task)
                        .contains("silver-latest-version")
                        .contains("gold-lifecycle")
                        .contains("gold-hourly-combine")
                        .contains("gold-daily-combine"));
    }

    private static void buildPipeline(StreamExecutionEnvironment env, Path warehouse) {
        JobConfig config = ConfigLoader.load(
                null, Map.of("source.csv.paths", "unused.csv", "catalog.warehouse", warehouse.toString()));
        RawEvent event = new RawEvent(
                "csv", "unused.csv", null, "2", null, 0L, "{\"case_enquiry_id\": 1}".getBytes(StandardCharsets.UTF_8));
        DataStream<RawEvent> events = env.fromData(TypeInformation.of(RawEvent.class), event);
        // The sinks of a bounded run, as the CSV source configured here is.
        LakehousePipeline.build(
                events, WatermarkPolicy.BOUNDED_OUT_OF_ORDERNESS, LakehouseJob.sinks(config, true), config);
    }
}
