package org.requestslakehouse.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.catalog.CatalogPreflightException;
import org.requestslakehouse.config.ConfigLoader;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.config.NotFoundException;
import org.requestslakehouse.sources.KinesisPreflightException;
import org.requestslakehouse.testing.Real311;
import org.requestslakehouse.testing.TestAwsCredentials;

/**
 * The job's start path runs the preflights before it defines anything: an unreachable catalog or a missing input
 * ends the start with the setting to fix, and no operator has been added to the environment.
 */
class LakehouseJobPreflightTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(90);

    @Test
    void anUnreachableCatalogStopsTheStartNamingTheSetting() throws IOException {
        String uri = "http://localhost:" + closedPort();
        JobConfig config = ConfigLoader.load(
                null,
                Map.of(
                        "source.csv.paths",
                        Real311.file(Real311.CKAN_2022).toString(),
                        "catalog.type",
                        "rest",
                        "catalog.rest.uri",
                        uri));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

        assertTimeoutPreemptively(
                HANG_GUARD,
                () -> assertThatThrownBy(() -> LakehouseJob.define(env, config))
                        .isInstanceOf(CatalogPreflightException.class)
                        .hasMessageStartingWith("The Iceberg REST catalog at catalog.rest.uri=" + uri + " failed: "));
        assertThat(env.getTransformations()).isEmpty();
    }

    @Test
    void aMissingInputFileStopsTheStartNamingTheSetting(@TempDir Path warehouse) {
        String missing = warehouse.resolve("no-such-export.csv").toString();
        JobConfig config =
                ConfigLoader.load(null, Map.of("source.csv.paths", missing, "catalog.warehouse", warehouse.toString()));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

        assertThatThrownBy(() -> LakehouseJob.define(env, config))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("Input " + missing + " does not exist: give existing CSV files or directories"
                        + " (--input, setting source.csv.paths).");
        assertThat(env.getTransformations()).isEmpty();
    }

    /**
     * The JSON switch for local Kinesis servers is process-wide, so it belongs to the entry points
     * ({@code KinesisClients.useJsonProtocolFor}); defining a job, which tests do many times per JVM, must not flip it.
     */
    @Test
    void aKinesisSourceBehindAnEndpointLeavesTheJvmsProtocolSwitchesAlone(@TempDir Path warehouse) throws IOException {
        TestAwsCredentials.install();
        String endpoint = "http://localhost:" + closedPort();
        JobConfig config = ConfigLoader.load(
                null,
                Map.of(
                        "source.type",
                        "kinesis",
                        "kinesis.region",
                        "us-east-1",
                        "kinesis.endpoint",
                        endpoint,
                        "catalog.warehouse",
                        warehouse.toString()));
        Map<String, String> before = new HashMap<>();
        for (String property : CBOR_SWITCHES) {
            before.put(property, System.clearProperty(property));
        }
        try {
            assertTimeoutPreemptively(
                    HANG_GUARD,
                    () -> assertThatThrownBy(() ->
                                    LakehouseJob.define(StreamExecutionEnvironment.getExecutionEnvironment(), config))
                            .isInstanceOf(KinesisPreflightException.class));

            for (String property : CBOR_SWITCHES) {
                assertThat(System.getProperty(property)).as(property).isNull();
            }
        } finally {
            before.forEach((property, value) -> {
                if (value != null) {
                    System.setProperty(property, value);
                }
            });
        }
    }

    /** The SDKs' own property names (v2; v1 as relocated inside the Kinesis connector). */
    private static final List<String> CBOR_SWITCHES =
            List.of("aws.cborEnabled", "org.apache.flink.kinesis.shaded.com.amazonaws.sdk.disableCbor");

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
