package org.requestslakehouse.catalog;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.config.CatalogConfig;
import org.requestslakehouse.testing.TestAwsCredentials;

/**
 * An unreachable catalog or object store fails the start within a bounded time, naming the setting and the
 * endpoint. {@code assertTimeoutPreemptively} is a hang guard, far above the preflight's own bound, not a timing
 * assertion.
 */
class CatalogPreflightTest {
    /** Generous: a cold JVM loads the Hadoop, Iceberg and AWS client classes on the first check. */
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** For the server that never answers: the wait is the test's running time. */
    private static final Duration SHORT_TIMEOUT = Duration.ofSeconds(2);

    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    @BeforeAll
    static void credentials() {
        // dummy keys, so the AWS clients get as far as the network instead of stopping at the credentials chain
        TestAwsCredentials.install();
    }

    @Test
    void aLocalWarehouseAndASqliteCatalogPass() {
        assertThatCode(() -> CatalogPreflight.check(
                        config("warehouse", tmp.resolve("wh").toString()), TIMEOUT))
                .doesNotThrowAnyException();
        assertThatCode(() -> CatalogPreflight.check(
                        config(
                                "type",
                                "jdbc",
                                "jdbc.uri",
                                "jdbc:sqlite:" + tmp.resolve("c.db"),
                                "warehouse",
                                tmp.resolve("wh").toString()),
                        TIMEOUT))
                .doesNotThrowAnyException();
    }

    @Test
    void aRestCatalogOnAClosedPortFailsNamingTheUri() throws IOException {
        String uri = "http://localhost:" + closedPort();
        CatalogConfig config = config("type", "rest", "rest.uri", uri);

        assertTimeoutPreemptively(
                HANG_GUARD,
                () -> assertThatThrownBy(() -> CatalogPreflight.check(config, TIMEOUT))
                        .isInstanceOf(CatalogPreflightException.class)
                        .hasMessageStartingWith("The Iceberg REST catalog at catalog.rest.uri=" + uri + " failed: ")
                        .hasMessageContaining("Connection refused"));
    }

    @Test
    void aRestCatalogThatNeverAnswersFailsWithinTheTimeout() throws IOException {
        // connections complete in the backlog, but nothing ever reads them
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String uri = "http://localhost:" + silent.getLocalPort();
            CatalogConfig config = config("type", "rest", "rest.uri", uri);

            assertTimeoutPreemptively(
                    HANG_GUARD,
                    () -> assertThatThrownBy(() -> CatalogPreflight.check(config, SHORT_TIMEOUT))
                            .isInstanceOf(CatalogPreflightException.class)
                            .hasMessage("The Iceberg REST catalog at catalog.rest.uri=" + uri
                                    + " did not answer within 2000 ms: is it running, and is the address right?"));
        }
    }

    @Test
    void aJdbcCatalogThatCannotBeOpenedFailsNamingTheUri() throws IOException {
        String uri = "jdbc:postgresql://localhost:" + closedPort() + "/iceberg";
        CatalogConfig config = config(
                "type", "jdbc", "jdbc.uri", uri, "warehouse", tmp.resolve("wh").toString());

        assertTimeoutPreemptively(
                HANG_GUARD,
                () -> assertThatThrownBy(() -> CatalogPreflight.check(config, TIMEOUT))
                        .isInstanceOf(CatalogPreflightException.class)
                        .hasMessageStartingWith("The Iceberg JDBC catalog at catalog.jdbc.uri=" + uri + " failed: ")
                        .hasMessageContaining("No suitable driver"));
    }

    @Test
    void aGlueEndpointOnAClosedPortFailsNamingTheEndpoint() throws IOException {
        String endpoint = "http://localhost:" + closedPort();
        CatalogConfig config = config(
                "type",
                "glue",
                "warehouse",
                "s3://bucket/wh",
                "region",
                "us-east-1",
                "property.glue.endpoint",
                endpoint);

        assertTimeoutPreemptively(
                HANG_GUARD,
                () -> assertThatThrownBy(() -> CatalogPreflight.check(config, TIMEOUT))
                        .isInstanceOf(CatalogPreflightException.class)
                        .hasMessageStartingWith("The AWS Glue Data Catalog at catalog.property.glue.endpoint="
                                + endpoint + " (catalog.region=us-east-1) "));
    }

    @Test
    void anS3EndpointOnAClosedPortFailsNamingTheWarehouseAndEndpoint() throws IOException {
        String endpoint = "http://localhost:" + closedPort();
        CatalogConfig config = config(
                "type",
                "jdbc",
                "jdbc.uri",
                "jdbc:sqlite:" + tmp.resolve("c.db"),
                "warehouse",
                "s3://bucket/wh",
                "region",
                "us-east-1",
                "property.s3.endpoint",
                endpoint,
                "property.s3.path-style-access",
                "true");

        assertTimeoutPreemptively(
                HANG_GUARD,
                () -> assertThatThrownBy(() -> CatalogPreflight.check(config, TIMEOUT))
                        .isInstanceOf(CatalogPreflightException.class)
                        .hasMessageStartingWith(
                                "The object store of catalog.warehouse=s3://bucket/wh at catalog.property.s3.endpoint="
                                        + endpoint + " (catalog.region=us-east-1) "));
    }

    private static CatalogConfig config(String... keyValues) {
        return CatalogFactoryTest.config(keyValues);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
