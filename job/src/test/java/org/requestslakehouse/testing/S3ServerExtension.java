package org.requestslakehouse.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3-compatible server (Adobe's S3Mock, a Spring Boot application) in its own {@code java -jar} process,
 * so none of its dependencies meets the job's classpath. Register it as a static field with the bucket the test
 * class uses: <pre>{@code @Order(1) @RegisterExtension static final S3ServerExtension S3 = new S3ServerExtension("lakehouse");}</pre>
 * The Maven build copies the server's jar into target/s3mock (generate-test-resources) and tells the tests where
 * through the system property {@code s3mock.jar}.
 *
 * <p>The server takes several seconds to start, so one server serves every test class of the JVM and stops when
 * the test run ends; each class names its own bucket, which the extension creates empty. The process is launched
 * before all tests and awaited before each, so its start-up overlaps with whatever other extensions start (order
 * this one first, e.g. a Flink mini-cluster second); it is ready from {@code @BeforeEach} on.
 */
public final class S3ServerExtension implements BeforeAllCallback, BeforeEachCallback {

    public static final String REGION = "us-east-1";
    /** S3Mock accepts any signature; fixed dummy keys keep a developer's real credentials out of the tests. */
    public static final String ACCESS_KEY = "s3mock-access-key";

    public static final String SECRET_KEY = "s3mock-secret-key";

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    private final String bucket;
    private Server server;
    private boolean bucketCreated;

    public S3ServerExtension(String bucket) {
        this.bucket = bucket;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = context.getRoot()
                .getStore(ExtensionContext.Namespace.create(S3ServerExtension.class))
                .getOrComputeIfAbsent(Server.class, k -> Server.launch(), Server.class);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        started().awaitReady();
        if (!bucketCreated) {
            server.client.createBucket(r -> r.bucket(bucket));
            bucketCreated = true;
        }
    }

    public String bucket() {
        return bucket;
    }

    /** {@code http://127.0.0.1:PORT}, path-style: buckets are the first path segment. */
    public String endpoint() {
        return started().endpoint();
    }

    /** A client for the test's own setup and checks; owned by the extension. */
    public S3Client client() {
        return started().client;
    }

    /** Every object key in this class's bucket that starts with {@code prefix}, in key order. */
    public List<String> keys(String prefix) {
        return client().listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .sorted()
                .toList();
    }

    /**
     * Iceberg {@code S3FileIO} client properties that point at this server. Tests only: production passes no keys
     * and S3FileIO uses the default AWS credentials chain.
     */
    public Map<String, String> s3FileIoProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("s3.endpoint", endpoint());
        p.put("s3.path-style-access", "true");
        p.put("s3.access-key-id", ACCESS_KEY);
        p.put("s3.secret-access-key", SECRET_KEY);
        return p;
    }

    /** Hadoop S3A settings ({@code fs.s3a.*}) that point at this server, with the same test-only keys. */
    public Map<String, String> s3aProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("fs.s3a.endpoint", endpoint());
        p.put("fs.s3a.endpoint.region", REGION);
        p.put("fs.s3a.path.style.access", "true");
        p.put("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        p.put("fs.s3a.access.key", ACCESS_KEY);
        p.put("fs.s3a.secret.key", SECRET_KEY);
        return p;
    }

    private Server started() {
        if (server == null) {
            throw new IllegalStateException("S3ServerExtension must be registered on a static field");
        }
        return server;
    }

    /** The server process, its files and the client; closed by JUnit when the root context (the run) ends. */
    private static final class Server implements ExtensionContext.Store.CloseableResource {
        private final Process process;
        private final Path root;
        private final Path log;
        private final int port;
        private final S3Client client;
        private boolean ready;

        private Server(Process process, Path root, Path log, int port) {
            this.process = process;
            this.root = root;
            this.log = log;
            this.port = port;
            this.client = S3Client.builder()
                    .endpointOverride(URI.create(endpoint()))
                    .forcePathStyle(true)
                    .region(Region.of(REGION))
                    .credentialsProvider(
                            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                    .httpClientBuilder(ApacheHttpClient.builder())
                    .build();
        }

        static Server launch() {
            try {
                int port = freePort();
                Path root = Files.createTempDirectory("s3mock-" + port + "-");
                Path log = Files.createTempFile("s3mock-" + port + "-", ".log");
                Process process = new ProcessBuilder(
                                javaExecutable(),
                                "-Xmx512m",
                                // Start-up dominates this server's life in a test run; the JIT's top tier never pays
                                // off.
                                "-XX:TieredStopAtLevel=1",
                                "-XX:+UseSerialGC",
                                "-jar",
                                serverJar().toString(),
                                "--http.port=" + port,
                                // S3Mock always opens an HTTPS port too; a fixed default would collide with other runs.
                                "--server.port=" + freePort(),
                                "--com.adobe.testing.s3mock.store.root=" + root,
                                "--spring.main.banner-mode=off")
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                return new Server(process, root, log, port);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start S3Mock", e);
            }
        }

        String endpoint() {
            return "http://127.0.0.1:" + port;
        }

        void awaitReady() {
            if (!ready) {
                await("S3Mock answering on port " + port)
                        .atMost(STARTUP_TIMEOUT)
                        .pollInterval(Duration.ofMillis(200))
                        .until(this::answers);
                ready = true;
            }
        }

        private boolean answers() throws IOException {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "S3Mock exited with code " + process.exitValue() + ": " + Files.readString(log));
            }
            try {
                client.listBuckets();
                return true;
            } catch (SdkException notYetListening) {
                return false;
            }
        }

        @Override
        public void close() throws IOException {
            try {
                client.close();
                process.destroy();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            } finally {
                deleteRecursively(root);
                Files.deleteIfExists(log);
            }
        }

        private static void deleteRecursively(Path dir) throws IOException {
            if (!Files.exists(dir)) {
                return;
            }
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }

        private static Path serverJar() {
            String configured = System.getProperty("s3mock.jar");
            Path jar = configured != null ? Paths.get(configured) : Paths.get("target", "s3mock", "s3mock-exec.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(
                        "S3Mock is not installed at " + jar.toAbsolutePath() + ": run `mvn generate-test-resources`");
            }
            return jar;
        }

        private static String javaExecutable() {
            return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }
    }
}
