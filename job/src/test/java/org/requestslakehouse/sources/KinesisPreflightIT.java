package org.requestslakehouse.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.requestslakehouse.config.KinesisConfig;
import org.requestslakehouse.config.KinesisSettings;
import org.requestslakehouse.config.PropertyGroup;
import org.requestslakehouse.testing.KinesaliteExtension;

class KinesisPreflightIT {

    @RegisterExtension
    static final KinesaliteExtension KINESIS = new KinesaliteExtension();

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    /**
     * Tells the preflight's timeout from a request the SDK would leave hanging, with room for a loaded machine: a
     * behaviour check, not a speed target.
     */
    private static final Duration WELL_BEFORE_NEVER = Duration.ofSeconds(30);

    @Test
    void passesWhenTheStreamIsActive() {
        KINESIS.createStream("preflight-present", 1);

        assertThatCode(() -> KinesisPreflight.check(config("preflight-present", KINESIS.endpoint()), TIMEOUT))
                .doesNotThrowAnyException();
    }

    @Test
    void aMissingStreamIsNamedWithTheSettingToFix() {
        assertThatThrownBy(() -> KinesisPreflight.check(config("preflight-absent", KINESIS.endpoint()), TIMEOUT))
                .isInstanceOf(KinesisPreflightException.class)
                .hasMessage("Stream preflight-absent named by kinesis.stream does not exist at kinesis.endpoint="
                        + KINESIS.endpoint() + " (kinesis.region=us-east-1); create it first");
    }

    @Test
    void aClosedPortFailsWithinTheTimeoutNamingTheEndpoint() throws IOException {
        String endpoint = "http://localhost:" + closedPort();

        long start = System.nanoTime();
        assertThatThrownBy(() -> KinesisPreflight.check(config("preflight-any", endpoint), TIMEOUT))
                .isInstanceOf(KinesisPreflightException.class)
                .hasMessageStartingWith("Cannot reach Kinesis at kinesis.endpoint=" + endpoint
                        + " (kinesis.region=us-east-1) within 2000 ms to describe kinesis.stream=preflight-any: ")
                .hasMessageContaining("Connection refused");
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(elapsed).isLessThan(WELL_BEFORE_NEVER);
    }

    @Test
    void anEndpointThatNeverAnswersFailsWithinTheTimeout() throws IOException {
        // Connections complete in the backlog but nothing ever reads them: the request hangs without a bound.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String endpoint = "http://localhost:" + silent.getLocalPort();

            long start = System.nanoTime();
            assertThatThrownBy(() -> KinesisPreflight.check(config("preflight-any", endpoint), TIMEOUT))
                    .isInstanceOf(KinesisPreflightException.class)
                    .hasMessageStartingWith("Cannot reach Kinesis at kinesis.endpoint=" + endpoint
                            + " (kinesis.region=us-east-1) within 2000 ms to describe kinesis.stream=preflight-any: ");
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            assertThat(elapsed).isBetween(TIMEOUT.minusMillis(100), WELL_BEFORE_NEVER);
        }
    }

    private static KinesisConfig config(String stream, String endpoint) {
        return KinesisConfig.from(new PropertyGroup(
                KinesisSettings.GROUP, Map.of("stream", stream, "region", KINESIS.region(), "endpoint", endpoint)));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
