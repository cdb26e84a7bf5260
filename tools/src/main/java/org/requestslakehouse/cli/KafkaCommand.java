package org.requestslakehouse.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.requestslakehouse.config.KafkaSettings;
import org.requestslakehouse.kafka.EmbeddedKafkaBroker;
import org.requestslakehouse.kafka.EmbeddedKafkaBroker.TopicAutoCreation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kafka}: a local single-node Kafka broker for running the job with {@code source.type=kafka} without any
 * installation. Runs in the foreground until Ctrl-C, then shuts the broker down cleanly so a {@code --log-dir}
 * restarts without log recovery.
 */
@Command(
        name = "kafka",
        mixinStandardHelpOptions = true,
        description = {
            "Run a local single-node Kafka broker (KRaft, in-process) with the requests topic created, "
                    + "until Ctrl-C.",
            "Like a default Kafka broker it creates any other topic the first time a client writes to it."
        })
public class KafkaCommand implements Callable<Integer> {

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "9092",
            description = "Client port on localhost; 0 picks a free port. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(
            names = "--topic",
            paramLabel = "TOPIC",
            defaultValue = KafkaSettings.DEFAULT_TOPIC,
            split = ",",
            description = "Topic to create at start, repeatable. Default: ${DEFAULT-VALUE}.")
    List<String> topics = new ArrayList<>();

    @Option(
            names = "--partitions",
            paramLabel = "N",
            defaultValue = "2",
            description =
                    "Partitions of a topic when it is created, at start or on first use. Default: ${DEFAULT-VALUE}.")
    int partitions;

    @Option(
            names = "--no-auto-create",
            description =
                    "Do not create topics on first use: clients get an error for a topic not created with --topic.")
    boolean noAutoCreate;

    @Option(
            names = "--log-dir",
            paramLabel = "DIR",
            description =
                    "Keep topics and messages in DIR across restarts. Default: a temporary directory deleted on exit.")
    Path logDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch brokerClosed = new CountDownLatch(1);
        // The JVM exits as soon as shutdown hooks return, so the hook must wait for the broker's clean shutdown.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stopRequested.countDown();
                            awaitQuietly(brokerClosed);
                        },
                        "kafka-command-shutdown"));
        try {
            return serveUntil(stopRequested);
        } finally {
            brokerClosed.countDown();
        }
    }

    /** Starts the broker, creates the topics, announces readiness and serves until {@code stop} is released. */
    int serveUntil(CountDownLatch stop) throws InterruptedException {
        validate();
        PrintWriter out = spec.commandLine().getOut();
        TopicAutoCreation autoCreation =
                noAutoCreate ? TopicAutoCreation.OFF : TopicAutoCreation.withPartitions(partitions);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(port, logDir, autoCreation)) {
            List<String> created = new ArrayList<>();
            for (String topic : topics) {
                broker.createTopic(topic, partitions);
                int actualPartitions = broker.partitionCount(topic);
                if (actualPartitions != partitions) {
                    out.printf(
                            "Topic %s already exists in %s with %d partitions; keeping it.%n",
                            topic, logDir, actualPartitions);
                }
                created.add(String.format("topic %s, %d partitions", topic, actualPartitions));
            }
            String others = noAutoCreate
                    ? "other topics must be created first"
                    : String.format("other topics created on first use with %d partitions", partitions);
            out.printf(
                    "Kafka broker ready at %s (%s; %s). Press Ctrl-C to stop.%n",
                    broker.bootstrapServers(), String.join("; ", created), others);
            out.flush();
            stop.await();
        }
        out.println("Kafka broker stopped.");
        out.flush();
        return 0;
    }

    private void validate() {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, got " + port);
        }
        if (partitions < 1) {
            throw new ParameterException(spec.commandLine(), "--partitions must be at least 1, got " + partitions);
        }
        if (topics.stream().anyMatch(String::isBlank)) {
            throw new ParameterException(spec.commandLine(), "--topic must not be blank");
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
