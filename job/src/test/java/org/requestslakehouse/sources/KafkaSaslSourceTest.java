package org.requestslakehouse.sources;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.requestslakehouse.config.KafkaConfig;
import org.requestslakehouse.kafka.EmbeddedKafkaBroker;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.testing.KafkaTestClient;
import org.requestslakehouse.testing.KafkaTestClient.Message;
import org.requestslakehouse.testing.KafkaTestConfigs;
import org.requestslakehouse.testing.TestJobs;

/**
 * SASL/PLAIN against a real broker, with the password resolved by each Kafka client from the environment of its own
 * process (the job graph holds only the variable's name, see {@link KafkaSourceSecretsTest}). PATH stands in for
 * the password variable: it is set wherever the tests run.
 */
class KafkaSaslSourceTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestJobs.miniCluster();

    private static final String TOPIC = "requests-sasl";
    private static final int MESSAGES = 200;
    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.startWithSaslPlain(Map.of("etl", System.getenv("PATH")));
        broker.createTopic(TOPIC, 2);
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            messages.add(new Message(null, ("{\"case_enquiry_id\":" + i + "}").getBytes(UTF_8)));
        }
        new KafkaTestClient(broker.bootstrapServers()).produce(TOPIC, messages);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theSourceAuthenticatesWithThePasswordItsClientsReadFromTheEnvironment() throws Exception {
        KafkaConfig config = sasl("PATH");
        KafkaPreflight.check(config, Duration.ofSeconds(30));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        List<RawEvent> events = new KafkaEventSource(config).create(env).executeAndCollect(MESSAGES + 1);

        assertThat(events).hasSize(MESSAGES);
        assertThat(events)
                .extracting(e -> new String(e.payload, UTF_8))
                .doesNotHaveDuplicates()
                .contains("{\"case_enquiry_id\":0}", "{\"case_enquiry_id\":" + (MESSAGES - 1) + "}");
    }

    @Test
    void aWrongPasswordIsRejectedByTheBrokerAndNamedInThePreflight() {
        // HOME is set too, and is not the password the broker knows
        KafkaConfig config = sasl("HOME");

        assertThatThrownBy(() -> KafkaPreflight.check(config, Duration.ofSeconds(30)))
                .isInstanceOf(KafkaPreflightException.class)
                .hasMessageStartingWith(
                        "Kafka at kafka.bootstrap-servers=" + broker.saslBootstrapServers() + " rejected the"
                                + " credentials (kafka.security.protocol=SASL_PLAINTEXT, kafka.sasl.mechanism=PLAIN): ");
    }

    private static KafkaConfig sasl(String passwordVariable) {
        return KafkaTestConfigs.fromSettings(Map.of(
                "bootstrap-servers", broker.saslBootstrapServers(),
                "topics", TOPIC,
                "group-id", "sasl-test",
                "bounded", "true",
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "PLAIN",
                "sasl.username", "etl",
                "sasl.password-env", passwordVariable));
    }
}
