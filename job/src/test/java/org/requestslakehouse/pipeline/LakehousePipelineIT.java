package org.requestslakehouse.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.config.ConfigLoader;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.job.JobEnvironments;
import org.requestslakehouse.job.LakehouseJob;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;
import org.requestslakehouse.testing.ExpectedLakehouse;
import org.requestslakehouse.testing.KafkaBrokerExtension;
import org.requestslakehouse.testing.KafkaTestClient.Message;
import org.requestslakehouse.testing.LakehouseAssertions;
import org.requestslakehouse.testing.Real311;
import org.requestslakehouse.verify.GoldVerifier;

/**
 * The whole job on a mini-cluster with checkpointing, over the real Boston samples, read back from Iceberg.
 * Expectations are computed independently of the job: by reading the files with the CSV reader and the parser
 * one row at a time.
 */
class LakehousePipelineIT {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    /** Columns that say when and through which source a row was written, not what it says. */
    private static final Set<String> WRITE_METADATA = Set.of("ingested_at", "source_ref");

    @Test
    void csvSamplesLandExactlyAndNothingIsLost(@TempDir Path warehouse) throws Exception {
        ExpectedLakehouse expected = ExpectedLakehouse.of(Real311.all());
        JobConfig config = config(warehouse, Map.of("source.csv.paths", joined(Real311.all())));

        runBounded(config);

        List<Record> bronze = LakehouseAssertions.rows(config.catalog(), LakehouseTable.RAW_EVENTS);
        List<Record> silver = LakehouseAssertions.rows(config.catalog(), LakehouseTable.SERVICE_REQUESTS);
        List<Record> rejected = LakehouseAssertions.rows(config.catalog(), LakehouseTable.REJECTED_EVENTS);
        assertThat(bronze).hasSize(expected.rows());
        assertThat(bronze.stream()
                        .map(r -> r.getField("source_name") + ":" + r.getField("source_position"))
                        .collect(Collectors.toSet()))
                .isEqualTo(expected.coordinates());
        assertThat(silver.stream()
                        .map(r -> (Long) r.getField("case_enquiry_id"))
                        .collect(Collectors.toSet()))
                .isEqualTo(expected.validCaseIds());
        assertThat(silver).hasSize(expected.validCaseIds().size());
        assertThat(rejected.stream()
                        .map(r -> r.getField("source_name") + ":" + r.getField("source_position") + "="
                                + r.getField("reason_code"))
                        .collect(Collectors.toSet()))
                .isEqualTo(expected.rejections());
        assertThat(payloads(bronze)).isEqualTo(expected.payloads());
        assertThat(GoldVerifier.verify(config, System.out)).isTrue();
    }

    @Test
    void rerunningTheSameInputLeavesSilverUnchanged(@TempDir Path warehouse) throws Exception {
        JobConfig config = config(warehouse, Map.of("source.csv.paths", joined(Real311.all())));
        runBounded(config);
        Set<Map<String, Object>> first = LakehouseAssertions.comparable(
                LakehouseAssertions.rows(config.catalog(), LakehouseTable.SERVICE_REQUESTS), WRITE_METADATA);

        runBounded(config);
        Set<Map<String, Object>> second = LakehouseAssertions.comparable(
                LakehouseAssertions.rows(config.catalog(), LakehouseTable.SERVICE_REQUESTS), WRITE_METADATA);

        assertThat(second).isEqualTo(first);
        assertThat(LakehouseAssertions.rows(config.catalog(), LakehouseTable.RAW_EVENTS))
                .hasSize(2 * ExpectedLakehouse.of(Real311.all()).rows());
    }

    @Test
    void kafkaGivesTheSameSilverAndGoldAsTheCsvSourceEvenWhenEveryMessageIsSentTwice(@TempDir Path tmp)
            throws Exception {
        ExpectedLakehouse expected = ExpectedLakehouse.of(Real311.all());
        JobConfig fromCsv = config(tmp.resolve("csv"), Map.of("source.csv.paths", joined(Real311.all())));
        runBounded(fromCsv);

        String topic = "samples-twice";
        KAFKA.createTopic(topic, 2);
        List<Message> messages = new ArrayList<>();
        for (byte[] payload : expected.payloadsInOrder()) {
            messages.add(new Message(null, payload));
        }
        KAFKA.produce(topic, messages);
        KAFKA.produce(topic, messages);
        Map<String, String> kafka = new LinkedHashMap<>();
        kafka.put("source.type", "kafka");
        kafka.put("kafka.bootstrap-servers", KAFKA.bootstrapServers());
        kafka.put("kafka.topics", topic);
        kafka.put("kafka.bounded", "true");
        JobConfig fromKafka = config(tmp.resolve("kafka"), kafka);
        runBounded(fromKafka);

        Set<String> sourceSpecific = Set.of("ingested_at", "source_ref");
        assertThat(LakehouseAssertions.comparable(
                        LakehouseAssertions.rows(fromKafka.catalog(), LakehouseTable.SERVICE_REQUESTS), sourceSpecific))
                .isEqualTo(LakehouseAssertions.comparable(
                        LakehouseAssertions.rows(fromCsv.catalog(), LakehouseTable.SERVICE_REQUESTS), sourceSpecific));
        assertThat(LakehouseAssertions.rows(fromKafka.catalog(), LakehouseTable.RAW_EVENTS))
                .hasSize(2 * expected.rows());
        assertThat(LakehouseAssertions.rows(fromKafka.catalog(), LakehouseTable.REJECTED_EVENTS))
                .hasSize(2 * expected.rejections().size());
        Set<String> goldValues = Set.of("updated_at");
        assertThat(LakehouseAssertions.comparable(
                        LakehouseAssertions.rows(fromKafka.catalog(), LakehouseTable.REQUESTS_HOURLY), goldValues))
                .isEqualTo(LakehouseAssertions.comparable(
                        LakehouseAssertions.rows(fromCsv.catalog(), LakehouseTable.REQUESTS_HOURLY), goldValues));
        assertThat(LakehouseAssertions.comparable(
                        LakehouseAssertions.rows(fromKafka.catalog(), LakehouseTable.SLA_DAILY), goldValues))
                .isEqualTo(LakehouseAssertions.comparable(
                        LakehouseAssertions.rows(fromCsv.catalog(), LakehouseTable.SLA_DAILY), goldValues));
        assertThat(GoldVerifier.verify(fromKafka, System.out)).isTrue();
    }

    static JobConfig config(Path warehouse, Map<String, String> source) {
        Map<String, String> settings = new LinkedHashMap<>(source);
        settings.put("catalog.warehouse", warehouse.toString());
        settings.put("job.checkpoint-interval", "1 s");
        settings.put("gold.emit-interval", "500 ms");
        return ConfigLoader.load(null, settings);
    }

    static void runBounded(JobConfig config) throws Exception {
        Configuration conf = new Configuration();
        // With checkpointing on, Flink would otherwise restart a failing job forever and the test would hang.
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env =
                JobEnvironments.configurePipeline(StreamExecutionEnvironment.getExecutionEnvironment(conf));
        env.setParallelism(2);
        env.enableCheckpointing(config.runtime().checkpointInterval().toMillis());
        LakehouseJob.run(env, config);
    }

    private static String joined(List<Path> files) {
        return files.stream().map(Path::toString).collect(Collectors.joining(","));
    }

    private static Set<ByteBuffer> payloads(List<Record> bronze) {
        return bronze.stream().map(r -> (ByteBuffer) r.getField("payload")).collect(Collectors.toSet());
    }
}
