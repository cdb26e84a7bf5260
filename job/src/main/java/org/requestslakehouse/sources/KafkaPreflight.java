package org.requestslakehouse.sources;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.requestslakehouse.config.KafkaConfig;
import org.requestslakehouse.config.KafkaSettings;

/**
 * Start-up check that the Kafka cluster is reachable with the configured credentials and the configured topics
 * exist. Without it an unreachable broker surfaces only after the source enumerator's own retries, as a job
 * failure deep in a restart loop; here it is one clear error naming the setting to fix, within a bounded time.
 */
public final class KafkaPreflight {

    /** Extra wait beyond the admin call's own timeout, for the client to report that timeout. */
    private static final Duration REPORTING_GRACE = Duration.ofSeconds(2);

    private KafkaPreflight() {}

    /**
     * @throws KafkaPreflightException if the cluster does not answer within {@code timeout}, rejects the
     *                                 credentials or lacks a configured topic
     */
    public static void check(KafkaConfig config, Duration timeout) {
        Properties props = KafkaClientProperties.admin(config);
        String timeoutMs = String.valueOf(timeout.toMillis());
        props.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        props.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        Admin admin;
        try {
            admin = Admin.create(props);
        } catch (KafkaException e) {
            throw new KafkaPreflightException(
                    "Cannot create a Kafka client for " + KafkaSettings.BOOTSTRAP_SERVERS.is(config.bootstrapServers())
                            + ": " + rootMessage(e),
                    e);
        }
        try {
            if (config.topicPattern() != null) {
                // Topics matching the pattern may appear later (partition discovery picks them up): only connectivity
                // counts.
                await(
                        admin.listTopics(new ListTopicsOptions().timeoutMs((int) timeout.toMillis()))
                                .names(),
                        config,
                        timeout);
            } else {
                requireTopics(admin, config, timeout);
            }
        } finally {
            // Nothing is pending once the check has an answer; do not wait for in-flight retries to a dead broker.
            admin.close(Duration.ZERO);
        }
    }

    private static void requireTopics(Admin admin, KafkaConfig config, Duration timeout) {
        Map<String, KafkaFuture<TopicDescription>> perTopic = admin.describeTopics(
                        config.topics(), new DescribeTopicsOptions().timeoutMs((int) timeout.toMillis()))
                .topicNameValues();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, KafkaFuture<TopicDescription>> e : perTopic.entrySet()) {
            try {
                await(e.getValue(), config, timeout);
            } catch (KafkaPreflightException failure) {
                if (!(failure.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw failure;
                }
                missing.add(e.getKey());
            }
        }
        if (!missing.isEmpty()) {
            throw new KafkaPreflightException(
                    "Topic(s) " + String.join(", ", missing) + " named by " + KafkaSettings.TOPICS.qualified()
                            + " do not exist at " + KafkaSettings.BOOTSTRAP_SERVERS.is(config.bootstrapServers())
                            + "; create them first",
                    null);
        }
    }

    private static <T> T await(KafkaFuture<T> future, KafkaConfig config, Duration timeout) {
        try {
            return future.get(timeout.plus(REPORTING_GRACE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw explain(e.getCause(), config, timeout);
        } catch (TimeoutException e) {
            throw explain(e, config, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaPreflightException(
                    "Interrupted while checking " + KafkaSettings.BOOTSTRAP_SERVERS.is(config.bootstrapServers()), e);
        }
    }

    private static KafkaPreflightException explain(Throwable cause, KafkaConfig config, Duration timeout) {
        String where = KafkaSettings.BOOTSTRAP_SERVERS.is(config.bootstrapServers());
        if (cause instanceof UnknownTopicOrPartitionException) {
            return new KafkaPreflightException(cause.getMessage(), cause);
        }
        if (cause instanceof AuthenticationException) {
            return new KafkaPreflightException(
                    "Kafka at " + where + " rejected the credentials ("
                            + KafkaSettings.SECURITY_PROTOCOL.is(config.securityProtocol()) + ", "
                            + KafkaSettings.SASL_MECHANISM.is(config.saslMechanism()) + "): "
                            + rootMessage(cause),
                    cause);
        }
        if (cause instanceof AuthorizationException) {
            return new KafkaPreflightException(
                    "Kafka at " + where + " does not allow this client to describe " + topicsDescription(config) + ": "
                            + rootMessage(cause),
                    cause);
        }
        if (cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
            return new KafkaPreflightException(
                    "Cannot reach Kafka at " + where + " within " + timeout.toMillis() + " ms ("
                            + KafkaSettings.SECURITY_PROTOCOL.is(config.securityProtocol())
                            + "): is the broker running and the address right?",
                    cause);
        }
        return new KafkaPreflightException("Kafka check failed for " + where + ": " + rootMessage(cause), cause);
    }

    private static String topicsDescription(KafkaConfig config) {
        return config.topicPattern() != null
                ? "topics (" + KafkaSettings.TOPIC_PATTERN.is(config.topicPattern()) + ")"
                : KafkaSettings.TOPICS.is(config.topics());
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
