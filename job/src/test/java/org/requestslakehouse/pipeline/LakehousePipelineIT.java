package org.requestslakehouse.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;
import org.requestslakehouse.testing.ExpectedLakehouse;
import org.requestslakehouse.testing.KafkaBrokerExtension;
import org.requestslakehouse.testing.KafkaTestClient.Message;
import org.requestslakehouse.testing.LakehouseAssertions;
import org.requestslakehouse.testing.Real311;
import org.requestslakehouse.testing.TestJobs;
import org.requestslakehouse.verify.GoldVerifier;

/**
 * The whole job on a mini-cluster with checkpointing, over the real Boston samples, read back from Iceberg.
 * Expectations are computed independently of the job: by reading the files with the CSV reader and the parser
 * one row at a time.
 */
class LakehousePipelineIT {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = TestJobs.miniCluster();

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    /** Columns that say when and through which source a row was written, not what it says. */
    private static final Set<String> WRITE_METADATA = Set.of("ingested_at", "source_ref");

    @Test
    void csvSamplesLandExactlyAndNothingIsLost(@TempDir Path warehouse) throws Exception {
        ExpectedLakehouse expected = ExpectedLakehouse.of(Real311.all());
        JobConfig config = TestJobs.config(warehouse, TestJobs.csvSource(Real311.all()));

        TestJobs.runBounded(config);

        LakehouseAssertions.assertLandedExactly(config.catalog(), expected);
        assertThat(GoldVerifier.verify(config, System.out)).isTrue();
    }

    @Test
    void rerunningTheSameInputLeavesSilverUnchanged(@TempDir Path warehouse) throws Exception {
        JobConfig config = TestJobs.config(warehouse, TestJobs.csvSource(Real311.all()));
        TestJobs.runBounded(config);
        Set<Map<String, Object>> first = LakehouseAssertions.comparable(
                LakehouseAssertions.rows(config.catalog(), LakehouseTable.SERVICE_REQUESTS), WRITE_METADATA);

        TestJobs.runBounded(config);
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
        JobConfig fromCsv = TestJobs.config(tmp.resolve("csv"), TestJobs.csvSource(Real311.all()));
        TestJobs.runBounded(fromCsv);

        String topic = "samples-twice";
        KAFKA.createTopic(topic, 2);
        List<Message> messages = new ArrayList<>();
        for (byte[] payload : expected.payloadsInOrder()) {
            messages.add(new Message(null, payload));
        }
        KAFKA.produce(topic, messages);
        KAFKA.produce(topic, messages);
        JobConfig fromKafka =
                TestJobs.config(tmp.resolve("kafka"), TestJobs.boundedKafkaSource(KAFKA.bootstrapServers(), topic));
        TestJobs.runBounded(fromKafka);

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
}
