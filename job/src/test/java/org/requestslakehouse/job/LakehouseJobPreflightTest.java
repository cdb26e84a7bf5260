package org.requestslakehouse.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.catalog.CatalogPreflightException;
import org.requestslakehouse.config.ConfigLoader;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.config.NotFoundException;
import org.requestslakehouse.testing.Real311;

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

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
