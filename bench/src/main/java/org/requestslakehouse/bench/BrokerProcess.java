package org.requestslakehouse.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.requestslakehouse.cli.Main;
import org.requestslakehouse.kafka.EmbeddedKafkaBroker;

/**
 * The benchmark's Kafka broker: the project's {@code kafka} command (a real KRaft broker) in its own JVM, so its
 * CPU time is reported apart from the job's and the peer's, both of which read from it.
 */
public final class BrokerProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("Kafka broker ready at (\\S+) ");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(60);

    private final ChildJvm jvm;
    private final String bootstrapServers;

    private BrokerProcess(ChildJvm jvm, String bootstrapServers) {
        this.jvm = jvm;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts the broker with {@code topic} created, on a free port, with its data in {@code logDir}. */
    public static BrokerProcess start(String topic, int partitions, Path dataDir, Path logDir, String heap)
            throws InterruptedException {
        ChildJvm jvm = ChildJvm.start(
                "broker",
                List.of("-Xmx" + heap),
                Main.class.getName(),
                List.of(
                        "kafka",
                        "--port",
                        "0",
                        "--topic",
                        topic,
                        "--partitions",
                        Integer.toString(partitions),
                        "--log-dir",
                        dataDir.toString()),
                logDir);
        try {
            String ready = jvm.awaitLine(line -> READY.matcher(line).find(), "readiness", START_TIMEOUT);
            Matcher m = READY.matcher(ready);
            m.find();
            return new BrokerProcess(jvm, m.group(1));
        } catch (InterruptedException | RuntimeException e) {
            jvm.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public ProcStat stat() {
        return jvm.stat();
    }

    public void createTopic(String topic, int partitions) {
        EmbeddedKafkaBroker.createTopic(bootstrapServers, topic, partitions);
    }

    /** Messages in {@code topic}: the sum of its partitions' end offsets (nothing is ever deleted here). */
    public long messages(String topic) {
        try (Admin admin = admin()) {
            int partitions = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .get(topic)
                    .partitions()
                    .size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            return admin
                    .listOffsets(latest)
                    .all()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .values()
                    .stream()
                    .mapToLong(info -> info.offset())
                    .sum();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the end offsets of " + topic + " on " + bootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading offsets of " + topic, e);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** SIGTERM: the kafka command's shutdown hook stops the broker cleanly. */
    @Override
    public void close() {
        jvm.close();
    }
}
