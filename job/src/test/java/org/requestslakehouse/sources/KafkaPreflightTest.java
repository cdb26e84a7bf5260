package org.requestslakehouse.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.requestslakehouse.config.KafkaConfig;
import org.requestslakehouse.testing.KafkaBrokerExtension;
import org.requestslakehouse.testing.KafkaTestConfigs;

class KafkaPreflightTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @Test
    void passesWhenTheBrokerAnswersAndEveryTopicExists() {
        KAFKA.createTopic("preflight-a", 1);
        KAFKA.createTopic("preflight-b", 2);

        assertThatCode(() -> KafkaPreflight.check(
                        config(KAFKA.bootstrapServers(), Map.of("topics", "preflight-a,preflight-b")),
                        Duration.ofSeconds(20)))
                .doesNotThrowAnyException();
    }

    @Test
    void namesEveryMissingTopic() {
        KAFKA.createTopic("preflight-present", 1);
        KafkaConfig config = config(
                KAFKA.bootstrapServers(), Map.of("topics", "preflight-present,preflight-gone-1,preflight-gone-2"));

        assertThatThrownBy(() -> KafkaPreflight.check(config, Duration.ofSeconds(20)))
                .isInstanceOf(KafkaPreflightException.class)
                .hasMessageStartingWith("Topic(s) ")
                .hasMessageContaining("preflight-gone-1")
                .hasMessageContaining("preflight-gone-2")
                .hasMessageContaining(
                        "named by kafka.topics do not exist at kafka.bootstrap-servers=" + KAFKA.bootstrapServers())
                .message()
                .doesNotContain("preflight-present");
    }

    @Test
    void aPatternOnlyNeedsConnectivityBecauseMatchingTopicsMayComeLater() {
        KafkaConfig config = config(KAFKA.bootstrapServers(), Map.of("topic-pattern", "preflight-not-yet-.*"));

        assertThatCode(() -> KafkaPreflight.check(config, Duration.ofSeconds(20)))
                .doesNotThrowAnyException();
    }

    @Test
    void anUnreachableBrokerFailsWithinTheTimeoutNamingBootstrapServers() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        KafkaConfig config = config("localhost:" + closedPort, Map.of());
        Duration timeout = Duration.ofSeconds(2);

        long start = System.nanoTime();
        assertThatThrownBy(() -> KafkaPreflight.check(config, timeout))
                .isInstanceOf(KafkaPreflightException.class)
                .hasMessage(
                        "Cannot reach Kafka at kafka.bootstrap-servers=localhost:" + closedPort
                                + " within 2000 ms (kafka.security.protocol=PLAINTEXT): is the broker running and the address right?");
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        // The bound tells the preflight's timeout from the 60 s a default client would take; it leaves a loaded
        // machine room for client shutdown, so it is not a speed target.
        assertThat(elapsed).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aBrokerThatNeverAnswersFailsWithinTheTimeout() throws IOException {
        // Connections complete in the backlog but nothing ever reads them: only the client's timeouts end the wait.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            KafkaConfig config = config("localhost:" + silent.getLocalPort(), Map.of());

            assertTimeoutPreemptively(
                    Duration.ofSeconds(60),
                    () -> assertThatThrownBy(() -> KafkaPreflight.check(config, Duration.ofSeconds(2)))
                            .isInstanceOf(KafkaPreflightException.class)
                            .hasMessage(
                                    "Cannot reach Kafka at kafka.bootstrap-servers=localhost:" + silent.getLocalPort()
                                            + " within 2000 ms (kafka.security.protocol=PLAINTEXT): is the broker running and the address right?"));
        }
    }

    private static KafkaConfig config(String bootstrap, Map<String, String> settings) {
        Map<String, String> values = new HashMap<>(settings);
        values.put("bootstrap-servers", bootstrap);
        return KafkaTestConfigs.fromSettings(values);
    }
}
