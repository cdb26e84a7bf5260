package org.requestslakehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.requestslakehouse.kafka.EmbeddedKafkaBroker;
import org.requestslakehouse.kafka.EmbeddedKafkaBroker.TopicAutoCreation;
import org.requestslakehouse.testing.KafkaBrokerExtension;
import org.requestslakehouse.testing.KafkaTestClient;
import org.requestslakehouse.testing.Real311;
import picocli.CommandLine;

class ReplayCommandTest {

    /** Like a hardened production broker: topics exist only once created. */
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    /** What the issue asks: a missing topic is reported well before the producer's own 30 s metadata wait. */
    private static final Duration FAIL_FAST_BOUND = Duration.ofSeconds(5);

    @Test
    void replayIntoTheLocalBrokerCreatesTheTopicOnFirstUse() {
        try (EmbeddedKafkaBroker local = EmbeddedKafkaBroker.start(0, null, TopicAutoCreation.withPartitions(2))) {
            StringWriter err = new StringWriter();
            CommandLine cli = Main.commandLine();
            cli.setErr(new PrintWriter(err, true));

            int exit = cli.execute(
                    "replay",
                    "--bootstrap-servers",
                    local.bootstrapServers(),
                    "--topic",
                    "requests",
                    Real311.file(Real311.CKAN_2022).toString());

            assertThat(exit).as(err.toString()).isZero();
            assertThat(local.partitionCount("requests")).isEqualTo(2);
            assertThat(new KafkaTestClient(local.bootstrapServers()).consumeAll("requests"))
                    .hasSize(100);
        }
    }

    @Test
    void replayToAMissingTopicOnABrokerWithoutAutoCreationFailsFastWithOneLineNamingTheTopicAndTheFix() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        long start = System.nanoTime();
        int exit = cli.execute(
                "replay",
                "--bootstrap-servers",
                KAFKA.bootstrapServers(),
                "--topic",
                "requests",
                Real311.file(Real311.CKAN_2022).toString());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("replay to a missing topic failed after %d ms%n", took.toMillis());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString())
                .isEqualTo("Configuration error: Kafka topic requests does not exist at "
                        + KAFKA.bootstrapServers() + " and the broker does not create topics on first use: create it"
                        + " (kafka-topics.sh --create --topic requests), or run the local broker with"
                        + " `requests-lakehouse kafka --topic requests`" + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
        assertThat(took).isLessThan(FAIL_FAST_BOUND);
        assertThat(KAFKA.client().consumeAll("requests"))
                .as("nothing created, nothing sent")
                .isEmpty();
    }
}
