package org.requestslakehouse.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.requestslakehouse.testing.KafkaTestClient;
import org.requestslakehouse.testing.KafkaTestClient.Message;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

class KafkaCommandTest {

    private static final Pattern READY = Pattern.compile(
            "Kafka broker ready at localhost:(\\d+) \\(topic requests-cli, 3 partitions;"
                    + " topic requests-two, 3 partitions; other topics created on first use with 3 partitions\\)\\. Press Ctrl-C to stop\\.");

    @Test
    void defaultsServeTheJobsDefaultTopicOnTheUsualPort() {
        KafkaCommand command = new KafkaCommand();
        new CommandLine(command).parseArgs();

        assertThat(command.port).isEqualTo(9092);
        assertThat(command.topics).containsExactly("service-requests");
        assertThat(command.partitions).isEqualTo(2);
        assertThat(command.noAutoCreate).isFalse();
        assertThat(command.logDir).isNull();
    }

    private static String outcome(Future<Integer> done) {
        try {
            return "exit code " + done.get();
        } catch (java.util.concurrent.ExecutionException e) {
            java.io.StringWriter trace = new java.io.StringWriter();
            e.getCause().printStackTrace(new PrintWriter(trace));
            return trace.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    @Test
    void parsesEveryOption() {
        KafkaCommand command = new KafkaCommand();
        new CommandLine(command)
                .parseArgs(
                        "--port",
                        "19092",
                        "--topic",
                        "requests-dev",
                        "--topic",
                        "requests-b,requests-c",
                        "--partitions",
                        "4",
                        "--no-auto-create",
                        "--log-dir",
                        "data/kafka");

        assertThat(command.port).isEqualTo(19092);
        assertThat(command.topics).containsExactly("requests-dev", "requests-b", "requests-c");
        assertThat(command.partitions).isEqualTo(4);
        assertThat(command.noAutoCreate).isTrue();
        assertThat(command.logDir).isEqualTo(Path.of("data/kafka"));
    }

    @Test
    void rejectsANonNumericPortWhileParsing() {
        assertThatThrownBy(() -> new CommandLine(new KafkaCommand()).parseArgs("--port", "kafka"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("--port");
    }

    @Test
    void rejectsZeroPartitionsBeforeStartingABroker() {
        KafkaCommand command = new KafkaCommand();
        new CommandLine(command).parseArgs("--port", "0", "--partitions", "0");

        assertThatThrownBy(() -> command.serveUntil(new CountDownLatch(0)))
                .isInstanceOf(ParameterException.class)
                .hasMessage("--partitions must be at least 1, got 0");
    }

    @Test
    void servesItsTopicsAndCreatesOthersOnFirstUseUntilStoppedThenShutsDown() throws Exception {
        KafkaCommand command = new KafkaCommand();
        StringWriter output = new StringWriter();
        new CommandLine(command)
                .setOut(new PrintWriter(output, true))
                .parseArgs("--port", "0", "--topic", "requests-cli", "--topic", "requests-two", "--partitions", "3");
        CountDownLatch stop = new CountDownLatch(1);
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> exitCode = runner.submit(() -> command.serveUntil(stop));

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> READY.matcher(output.toString()).find() || exitCode.isDone());
            Matcher ready = READY.matcher(output.toString());
            assertThat(ready.find())
                    .as("ready line in %s%s", output, exitCode.isDone() ? "; serve ended: " + outcome(exitCode) : "")
                    .isTrue();
            String bootstrap = "localhost:" + ready.group(1);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain("first-use");
                // As with a default broker, the first write to a topic nobody created makes it.
                new KafkaTestClient(bootstrap)
                        .produce("first-use", List.of(new Message(null, "hello".getBytes(UTF_8))));

                Map<String, TopicDescription> topics = admin.describeTopics(
                                List.of("requests-cli", "requests-two", "first-use"))
                        .allTopicNames()
                        .get(30, TimeUnit.SECONDS);
                assertThat(topics.get("requests-cli").partitions()).hasSize(3);
                assertThat(topics.get("requests-two").partitions()).hasSize(3);
                assertThat(topics.get("first-use").partitions()).hasSize(3);
                assertThat(new KafkaTestClient(bootstrap).consumeAll("first-use"))
                        .hasSize(1);
            }
            assertThat(exitCode.isDone()).isFalse();

            stop.countDown();
            assertThat(exitCode.get(60, TimeUnit.SECONDS)).isZero();
            assertThat(output.toString()).endsWith("Kafka broker stopped." + System.lineSeparator());
        } finally {
            stop.countDown();
            runner.shutdownNow();
        }
    }
}
