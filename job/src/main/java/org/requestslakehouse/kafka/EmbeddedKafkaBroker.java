package org.requestslakehouse.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A real single-node Kafka 3.9 broker running in this JVM in KRaft combined mode (one process is both broker and
 * controller), for local runs of the job and for tests. It speaks the ordinary Kafka protocol on
 * {@code localhost}, so the job, the console tools and any other client treat it like a remote cluster.
 *
 * <p>Sized for a laptop or a 2-core CI box: one replica everywhere, few internal partitions, few threads, small
 * segments and a small log-cleaner buffer (the default allocates 128 MiB up front).
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    private static final long METADATA_RETRY_PAUSE_MS = 50;

    private final KafkaRaftServer server;
    private final int port;
    /** 0 without a SASL listener. */
    private final int saslPort;

    private final Path logDir;
    private final boolean deleteLogDirOnClose;
    private boolean closed;

    private EmbeddedKafkaBroker(
            KafkaRaftServer server, int port, int saslPort, Path logDir, boolean deleteLogDirOnClose) {
        this.server = server;
        this.port = port;
        this.saslPort = saslPort;
        this.logDir = logDir;
        this.deleteLogDirOnClose = deleteLogDirOnClose;
    }

    /**
     * Whether the broker creates a topic the first time a client produces to (or asks for) it, as a default Kafka
     * broker does, and with how many partitions.
     */
    public record TopicAutoCreation(boolean enabled, int partitions) {
        /** Topics exist only once created explicitly: a mistyped topic name fails instead of making a new topic. */
        public static final TopicAutoCreation OFF = new TopicAutoCreation(false, 1);

        public TopicAutoCreation {
            if (partitions < 1) {
                throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
            }
        }

        public static TopicAutoCreation withPartitions(int partitions) {
            return new TopicAutoCreation(true, partitions);
        }
    }

    /** A broker whose topics must be created explicitly ({@link #createTopic}); what tests want. */
    public static EmbeddedKafkaBroker start(int port, Path logDir) {
        return start(port, logDir, TopicAutoCreation.OFF);
    }

    /**
     * Formats {@code logDir} on first use and starts the broker; returns once the broker accepts clients.
     *
     * @param port   client port on localhost; 0 picks a free one
     * @param logDir data directory kept across restarts; null means a temporary directory deleted on close
     */
    public static EmbeddedKafkaBroker start(int port, Path logDir, TopicAutoCreation autoCreation) {
        return start(port, logDir, autoCreation, Map.of());
    }

    /**
     * A temporary broker that also listens with SASL_PLAINTEXT and mechanism PLAIN on {@link #saslBootstrapServers()},
     * accepting {@code users} (name to password), for testing clients that authenticate.
     */
    public static EmbeddedKafkaBroker startWithSaslPlain(Map<String, String> users) {
        if (users.isEmpty()) {
            throw new IllegalArgumentException("SASL/PLAIN needs at least one user");
        }
        return start(0, null, TopicAutoCreation.OFF, users);
    }

    private static EmbeddedKafkaBroker start(
            int port, Path logDir, TopicAutoCreation autoCreation, Map<String, String> plainUsers) {
        boolean temporary = logDir == null;
        Path dir = null;
        try {
            dir = temporary ? Files.createTempDirectory("embedded-kafka-") : Files.createDirectories(logDir);
            int clientPort = port == 0 ? freePort() : port;
            int controllerPort = freePort();
            Properties properties = brokerProperties(dir, clientPort, controllerPort, autoCreation);
            int saslPort = plainUsers.isEmpty() ? 0 : freePort();
            if (saslPort != 0) {
                addSaslPlainListener(properties, saslPort, plainUsers);
            }
            KafkaConfig config = new KafkaConfig(properties, false);
            formatIfNew(dir);
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            try {
                server.startup();
            } catch (RuntimeException e) {
                // Release the ports and threads that did start, so a failed start leaves nothing behind.
                server.shutdown();
                throw e;
            }
            return new EmbeddedKafkaBroker(server, clientPort, saslPort, dir, temporary);
        } catch (IOException e) {
            deleteIfTemporary(temporary, dir);
            throw new UncheckedIOException("Cannot prepare the Kafka log directory " + dir, e);
        } catch (RuntimeException e) {
            deleteIfTemporary(temporary, dir);
            throw e;
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** The SASL_PLAINTEXT listener of {@link #startWithSaslPlain}. */
    public String saslBootstrapServers() {
        if (saslPort == 0) {
            throw new IllegalStateException("This broker was started without a SASL listener");
        }
        return "localhost:" + saslPort;
    }

    public Path logDir() {
        return logDir;
    }

    /**
     * Creates the topic (replication factor 1) and returns once every partition is served: its leader answers a
     * list-offsets request. The controller accepting the topic is not enough: the broker applies the new metadata
     * a moment later, and a producer that meets a partition in between can stall until its delivery timeout. An
     * existing topic is left as it is, whatever its partition count: see {@link #partitionCount}.
     */
    public void createTopic(String name, int partitions) {
        createTopic(bootstrapServers(), name, partitions);
    }

    /** {@link #createTopic(String, int)} on any broker, such as one running in another process. */
    public static void createTopic(String bootstrapServers, String name, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            try {
                admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
                        .all()
                        .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException(
                            "Cannot create topic " + name + ": " + e.getCause().getMessage(), e.getCause());
                }
            }
            awaitServed(admin, name);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Topic " + name + " was not ready within " + ADMIN_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + name, e);
        }
    }

    /**
     * Number of partitions of an existing topic, as the broker reports it. A topic created a moment ago may not have
     * reached the broker's metadata yet (the controller accepted it first): that answer is asked again.
     */
    public int partitionCount(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            return describe(admin, topic).partitions().size();
        } catch (TimeoutException e) {
            throw new IllegalStateException("Topic " + topic + " was not described within " + ADMIN_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while describing topic " + topic, e);
        }
    }

    /** Waits until the leader of every partition answers; the admin client retries "not leader" by itself. */
    private static void awaitServed(Admin admin, String topic) throws InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (TopicPartitionInfo partition : describe(admin, topic).partitions()) {
            latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest());
        }
        try {
            admin.listOffsets(latest).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Topic " + topic + " has a partition no leader serves: "
                            + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    private static TopicDescription describe(Admin admin, String topic) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
        while (true) {
            try {
                return admin.describeTopics(List.of(topic))
                        .allTopicNames()
                        .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                        .get(topic);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "Cannot describe topic " + topic + ": "
                                    + e.getCause().getMessage(),
                            e.getCause());
                }
                TimeUnit.MILLISECONDS.sleep(METADATA_RETRY_PAUSE_MS);
            }
        }
    }

    /** Controlled shutdown (flushes logs, writes clean-shutdown markers), then removes a temporary log dir. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            deleteIfTemporary(deleteLogDirOnClose, logDir);
        }
    }

    private static Properties brokerProperties(
            Path dir, int clientPort, int controllerPort, TopicAutoCreation autoCreation) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        p.put(
                "listeners",
                "PLAINTEXT://localhost:" + clientPort + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + clientPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dir.toString());
        p.put("metadata.log.dir", dir.toString());

        // One node: every replication factor and min ISR must be 1 or internal topics can never be created.
        p.put("default.replication.factor", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("min.insync.replicas", "1");
        // Fewer internal partitions: 50 offsets partitions means 50 logs to open before the first consumer group works.
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.num.partitions", "4");
        // A consumer group's first member should not wait 3 s for others that will never come.
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", String.valueOf(autoCreation.enabled()));
        p.put("num.partitions", String.valueOf(autoCreation.partitions()));

        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("log.cleaner.threads", "1");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        p.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        p.put("log.index.size.max.bytes", String.valueOf(1024 * 1024));
        p.put("metadata.log.segment.bytes", String.valueOf(8 * 1024 * 1024));
        return p;
    }

    /** Adds a SASL_PLAINTEXT listener with the PLAIN mechanism; brokers keep talking to each other over PLAINTEXT. */
    private static void addSaslPlainListener(Properties p, int saslPort, Map<String, String> users) {
        p.put("listeners", p.getProperty("listeners") + ",SASL_PLAINTEXT://localhost:" + saslPort);
        p.put(
                "advertised.listeners",
                p.getProperty("advertised.listeners") + ",SASL_PLAINTEXT://localhost:" + saslPort);
        p.put(
                "listener.security.protocol.map",
                p.getProperty("listener.security.protocol.map") + ",SASL_PLAINTEXT:SASL_PLAINTEXT");
        p.put("sasl.enabled.mechanisms", "PLAIN");
        StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
        users.forEach((user, password) -> jaas.append(" user_")
                .append(user)
                .append("=\"")
                .append(password.replace("\\", "\\\\").replace("\"", "\\\""))
                .append('"'));
        p.put(
                "listener.name.sasl_plaintext.plain.sasl.jaas.config",
                jaas.append(';').toString());
    }

    /** The storage tool's "format" step: writes meta.properties and the bootstrap metadata snapshot. */
    private static void formatIfNew(Path dir) {
        if (Files.exists(dir.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .addDirectory(dir.toString())
                    .setMetadataLogDirectory(dir.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka log directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Asks the OS for a free port. Another process could take it before the broker binds; that would surface as a
     * clear bind error at start-up, and the window is milliseconds.
     */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void deleteIfTemporary(boolean temporary, Path dir) {
        if (temporary && dir != null) {
            try {
                Utils.delete(dir.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete temporary Kafka log directory " + dir, e);
            }
        }
    }
}
