package org.requestslakehouse.sources;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.testing.KafkaTestConfigs;

/**
 * The job graph is serialized to the job manager, kept by it, and written into every savepoint's metadata: the Kafka
 * passwords must not be in it, only the names of the variables the clients resolve where they run.
 */
class KafkaSourceSecretsTest {

    @Test
    void theSerializedJobGraphHoldsTheVariableNamesButNotThePasswords() throws Exception {
        // PATH stands in for both password variables: set wherever the tests run, with a long value to search for.
        String password = System.getenv("PATH");
        FinishingKafkaSource<RawEvent> source = KafkaEventSource.build(KafkaTestConfigs.fromSettings(Map.of(
                "bootstrap-servers", "broker.example:9096",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.username", "etl",
                "sasl.password-env", "PATH",
                "ssl.truststore-location", "/etc/kafka/truststore.jks",
                "ssl.truststore-password-env", "PATH")));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), KafkaEventSource.OPERATOR_NAME)
                .sinkTo(new DiscardingSink<>());
        JobGraph jobGraph = env.getStreamGraph().getJobGraph();

        for (byte[] serialized :
                new byte[][] {InstantiationUtil.serializeObject(source), InstantiationUtil.serializeObject(jobGraph)}) {
            String bytes = new String(serialized, UTF_8);
            assertThat(bytes)
                    .doesNotContain(password)
                    // the graph does hold the source's properties, so the search above looks where a password would be
                    .contains("${lakehouse-env:jaas:PATH}")
                    .contains("${lakehouse-env:PATH}");
        }
    }
}
