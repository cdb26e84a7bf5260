package org.requestslakehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.apache.flink.connector.kafka.source.reader.KafkaSourceReader;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.checkpoint.CheckpointFailureManager;
import org.apache.flink.runtime.security.token.DefaultDelegationTokenManager;
import org.apache.flink.runtime.util.HadoopUtils;
import org.apache.flink.runtime.webmonitor.WebMonitorUtils;
import org.apache.iceberg.hadoop.HadoopTableOperations;
import org.apache.kafka.clients.NetworkClient;
import org.apache.kafka.clients.consumer.internals.ConsumerCoordinator;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.properties.PropertiesConfigurationFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The jar's console configuration (src/main/resources/log4j2.properties), not the tests' own. */
class ConsoleLoggingTest {

    /** The sources of the warnings a first {@code demo} printed, one logger per kind of noise. */
    private static final List<String> NOISY = List.of(
            MetricGroup.class.getName(), // "Name collision", operator names truncated
            DefaultDelegationTokenManager.class.getName(), // "No tokens obtained"
            HadoopUtils.class.getName(), // "Could not find Hadoop configuration"
            "org.apache.hadoop.util.NativeCodeLoader",
            KafkaSourceReader.class.getName(), // "Failed to commit consumer offsets" with a retriable stack
            ConsumerCoordinator.class.getName(),
            NetworkClient.class.getName(),
            "kafka.server.BrokerServer",
            WebMonitorUtils.class.getName(), // "'log.file' is not set"
            CheckpointFailureManager.class.getName(), // "Checkpoint was declined (task is closing)" with a stack
            HadoopTableOperations.class.getName()); // "Error reading version hint file" with a stack

    private LoggerContext context;

    @BeforeEach
    void loadTheJarsConfiguration() throws IOException {
        context = new LoggerContext("console-logging-test");
        ConfigurationSource source =
                ConfigurationSource.fromResource("log4j2.properties", getClass().getClassLoader());
        assertThat(source).as("log4j2.properties of the jar").isNotNull();
        assertThat(source.getLocation()).doesNotContain("test-classes");
        context.start(new PropertiesConfigurationFactory().getConfiguration(context, source));
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void theDefaultSilencesThirdPartyNoiseButNotErrorsOrOtherWarnings() {
        for (String noisy : NOISY) {
            assertThat(context.getLogger(noisy).isEnabled(Level.WARN))
                    .as(noisy + " at WARN")
                    .isFalse();
            assertThat(context.getLogger(noisy).isEnabled(Level.ERROR))
                    .as(noisy + " at ERROR")
                    .isTrue();
        }
        assertThat(context.getLogger("org.apache.flink.runtime.checkpoint.CheckpointCoordinator")
                        .isEnabled(Level.WARN))
                .isTrue();
        assertThat(context.getLogger("org.apache.flink.runtime.checkpoint.CheckpointCoordinator")
                        .isEnabled(Level.INFO))
                .isFalse();
        assertThat(context.getLogger("org.requestslakehouse.job.LakehouseJob").isEnabled(Level.INFO))
                .isTrue();
    }

    @Test
    void verboseRestoresEveryWarning() {
        ConsoleLogging.verbose(context);

        for (String noisy : NOISY) {
            assertThat(context.getLogger(noisy).isEnabled(Level.WARN))
                    .as(noisy + " at WARN")
                    .isTrue();
        }
        assertThat(context.getLogger("org.apache.flink.runtime.checkpoint.CheckpointCoordinator")
                        .isEnabled(Level.WARN))
                .isTrue();
        assertThat(context.getLogger("org.requestslakehouse.job.LakehouseJob").isEnabled(Level.INFO))
                .isTrue();
    }
}
