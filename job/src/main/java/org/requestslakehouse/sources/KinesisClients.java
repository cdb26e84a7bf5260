package org.requestslakehouse.sources;

import java.net.URI;
import java.time.Duration;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.config.SourceConfig;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.KinesisClientBuilder;

/**
 * Builds the unshaded AWS SDK v2 Kinesis clients this project uses outside the Flink connector (the start-up check
 * and the replay publisher). Credentials always come from the SDK's default provider chain, which is the builder's
 * default and therefore never set here.
 */
public final class KinesisClients {

    /** Read by SDK v2 on every call: the unshaded client here and the one shaded into the Flink connector (EFO). */
    static final String SDK_V2_CBOR_ENABLED = "aws.cborEnabled";
    /** SDK v1's {@code com.amazonaws.sdk.disableCbor} as relocated inside flink-connector-kinesis (polling reads). */
    static final String CONNECTOR_SDK_V1_CBOR_DISABLED =
            "org.apache.flink.kinesis.shaded.com.amazonaws.sdk.disableCbor";

    private KinesisClients() {}

    /**
     * Makes every Kinesis client in this JVM speak JSON instead of CBOR. Kinesis-compatible local servers such as
     * kinesalite answer CBOR in a form both SDKs fail to parse; AWS itself accepts JSON as well, so this is only a
     * little less compact there. These are JVM-wide system properties: call it at start-up, before any client or
     * job is created, when {@code kinesis.endpoint} points at such a server. A job on a remote cluster needs the
     * same two properties in its TaskManagers' JVM options instead.
     *
     * <p>Known limit: the connector's SDK v1 writes GetShardIterator timestamps in milliseconds in either protocol,
     * while JSON means seconds, so {@code kinesis.initial-position=at-timestamp} works only with CBOR, i.e. against
     * AWS and not against a local server.
     */
    public static void useJsonProtocol() {
        System.setProperty(SDK_V2_CBOR_ENABLED, "false");
        System.setProperty(CONNECTOR_SDK_V1_CBOR_DISABLED, "true");
    }

    /**
     * Process entry points (the CLI's {@code run}, the job jar's main) call this before any client or job exists.
     * Why here and not where the graph is defined: neither SDK takes the protocol from a client's configuration.
     * The connector's SDK v1 (polling reads) asks only {@code SDKGlobalConfiguration.isCborDisabled()}, that is
     * the system property or {@code AWS_CBOR_DISABLE}; SDK v2 (the start-up check, EFO) only
     * {@code SdkSystemSetting.CBOR_ENABLED}, the system property or {@code AWS_CBOR_ENABLED}. So the switch is
     * process-wide by nature, and belongs to the code that owns the process, not to a method a test may call
     * several times with different configurations in one JVM.
     */
    public static void useJsonProtocolFor(JobConfig config) {
        if (config.source().type() == SourceConfig.SourceType.KINESIS
                && config.kinesis().endpoint() != null) {
            // An endpoint override means a local Kinesis-compatible server, which speaks only JSON.
            useJsonProtocol();
        }
    }

    /**
     * @param endpoint       endpoint override (e.g. a Kinesis-compatible server), or null for the region's AWS endpoint
     * @param apiCallTimeout upper bound for one call including the SDK's own retries
     * @param maxConnections concurrent requests the client may have open
     */
    public static KinesisClient create(String region, String endpoint, Duration apiCallTimeout, int maxConnections) {
        KinesisClientBuilder builder = KinesisClient.builder()
                .region(Region.of(region))
                .httpClientBuilder(ApacheHttpClient.builder()
                        .maxConnections(maxConnections)
                        .connectionTimeout(apiCallTimeout)
                        .socketTimeout(apiCallTimeout))
                .overrideConfiguration(c -> c.apiCallTimeout(apiCallTimeout));
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }
}
