package org.requestslakehouse.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.requestslakehouse.sources.KinesisClients;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * One kinesalite server (a Kinesis-compatible server on Node, in memory) per test class. Register it as a static
 * field: <pre>{@code @RegisterExtension static final KinesaliteExtension KINESIS = new KinesaliteExtension();}</pre>
 * The Maven build installs kinesalite into target/kinesalite ({@code npm ci} in generate-test-resources) and tells
 * the tests where through the system property {@code kinesalite.cli}. Tests share the server, so each test should
 * use its own stream names. Also installs {@link TestAwsCredentials} and switches the Kinesis clients of this JVM
 * to JSON ({@link KinesisClients#useJsonProtocol}).
 */
public final class KinesaliteExtension implements BeforeAllCallback, AfterAllCallback {

    public static final String REGION = "us-east-1";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private Process process;
    private Path log;
    private int port;
    private KinesisClient client;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        TestAwsCredentials.install();
        // kinesalite's CBOR answers break both AWS SDKs; the same switch a local run against kinesalite uses.
        KinesisClients.useJsonProtocol();
        Path cli = cliPath();
        port = freePort();
        log = Files.createTempFile("kinesalite-" + port + "-", ".log");
        process = new ProcessBuilder(
                        "node",
                        cli.toString(),
                        "--port",
                        String.valueOf(port),
                        // Streams are ACTIVE at once instead of after kinesalite's default 500 ms per state change.
                        "--createStreamMs",
                        "0",
                        "--deleteStreamMs",
                        "0",
                        "--updateStreamMs",
                        "0",
                        "--shardLimit",
                        "100")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        await("kinesalite listening on port " + port)
                .atMost(STARTUP_TIMEOUT)
                .pollInterval(Duration.ofMillis(50))
                .until(this::listening);
        client = KinesisClients.create(REGION, endpoint(), CALL_TIMEOUT, 4);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            if (process != null) {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
                process = null;
            }
            if (log != null) {
                Files.deleteIfExists(log);
            }
        }
    }

    public String endpoint() {
        requireStarted();
        return "http://localhost:" + port;
    }

    public String region() {
        return REGION;
    }

    /** A client for the test's own setup and checks; owned by the extension. */
    public KinesisClient client() {
        requireStarted();
        return client;
    }

    /** Creates the stream and waits until it is ACTIVE. */
    public void createStream(String stream, int shards) {
        client().createStream(r -> r.streamName(stream).shardCount(shards));
        await("stream " + stream + " ACTIVE")
                .atMost(STARTUP_TIMEOUT)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> client.describeStreamSummary(r -> r.streamName(stream))
                                .streamDescriptionSummary()
                                .streamStatus()
                        == StreamStatus.ACTIVE);
    }

    /** Every record in the stream, shard by shard (shards in id order), each shard in sequence order. */
    public List<KinesisTestRecord> readAll(String stream) {
        List<Shard> shards =
                new ArrayList<>(client().listShards(r -> r.streamName(stream)).shards());
        shards.sort(Comparator.comparing(Shard::shardId));
        List<KinesisTestRecord> records = new ArrayList<>();
        for (Shard shard : shards) {
            String iterator = client.getShardIterator(r -> r.streamName(stream)
                            .shardId(shard.shardId())
                            .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                    .shardIterator();
            while (iterator != null) {
                String current = iterator;
                GetRecordsResponse response =
                        client.getRecords(r -> r.shardIterator(current).limit(10_000));
                for (Record record : response.records()) {
                    records.add(new KinesisTestRecord(
                            shard.shardId(),
                            record.sequenceNumber(),
                            record.partitionKey(),
                            record.data().asByteArray(),
                            record.approximateArrivalTimestamp().toEpochMilli()));
                }
                // An open shard always hands out a next iterator; an empty page means the shard's end so far.
                iterator = response.records().isEmpty() ? null : response.nextShardIterator();
            }
        }
        return records;
    }

    private boolean listening() throws IOException {
        if (!process.isAlive()) {
            throw new IllegalStateException(
                    "kinesalite exited with code " + process.exitValue() + ": " + Files.readString(log));
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void requireStarted() {
        if (process == null) {
            throw new IllegalStateException("KinesaliteExtension must be registered on a static field");
        }
    }

    private static Path cliPath() {
        String configured = System.getProperty("kinesalite.cli");
        Path cli = configured != null
                ? Paths.get(configured)
                : Paths.get("target", "kinesalite", "node_modules", "kinesalite", "cli.js");
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException("kinesalite is not installed at " + cli.toAbsolutePath()
                    + ": run `mvn generate-test-resources` (needs node and npm on PATH)");
        }
        return cli;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
