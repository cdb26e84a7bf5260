package org.requestslakehouse.config;

import static org.requestslakehouse.config.KafkaSettings.*;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Group {@link KafkaSettings}. Offsets live in Flink checkpoints; offsets committed to the group are informational.
 *
 * @param startingOffsets    where a fresh start (no checkpoint) begins
 * @param startingTimestamp  epoch millis, only with startingOffsets=TIMESTAMP
 * @param bounded            stop at the offsets that were latest when the job started (backfills, tests)
 * @param securityProtocol   PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL
 * @param saslMechanism      SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or AWS_MSK_IAM
 * @param saslPasswordEnv    name of the environment variable holding the SASL password (never the password itself)
 * @param clientProperties   any other consumer property, from keys {@link KafkaSettings#PROPERTIES}
 */
public record KafkaConfig(
        String bootstrapServers,
        List<String> topics,
        String topicPattern,
        String groupId,
        StartingOffsets startingOffsets,
        Long startingTimestamp,
        boolean bounded,
        String securityProtocol,
        String saslMechanism,
        String saslUsername,
        String saslPasswordEnv,
        String truststoreLocation,
        String truststorePasswordEnv,
        Map<String, String> clientProperties)
        implements Serializable {

    public enum StartingOffsets {
        EARLIEST,
        LATEST,
        TIMESTAMP,
        COMMITTED
    }

    private static final Pattern HOST_PORT = Pattern.compile("[^:\\s]+:(\\d{1,5})");
    /** Kafka's own rule for topic names. */
    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    public static KafkaConfig from(PropertyGroup g) {
        String bootstrap = g.string(BOOTSTRAP_SERVERS);
        for (String hostPort : bootstrap.split(",")) {
            Matcher m = HOST_PORT.matcher(hostPort.trim());
            if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(1)) > 65_535) {
                throw ConfigException.invalid(
                        BOOTSTRAP_SERVERS.qualified(), bootstrap, "host:port[,host:port...] with ports 1 to 65535");
            }
        }
        List<String> topics = g.has(TOPICS) ? g.list(TOPICS) : List.of();
        for (String topic : topics) {
            if (!TOPIC.matcher(topic).matches()) {
                throw ConfigException.invalid(
                        TOPICS.qualified(),
                        String.join(",", topics),
                        "comma-separated topic names of 1 to 249 letters, digits, '.', '_' or '-'");
            }
        }
        String pattern = g.string(TOPIC_PATTERN);
        if (!topics.isEmpty() && pattern != null) {
            throw new ConfigException(
                    "Set either " + TOPICS.qualified() + " or " + TOPIC_PATTERN.qualified() + ", not both");
        }
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw ConfigException.invalid(
                        TOPIC_PATTERN.qualified(),
                        pattern,
                        "a Java regular expression such as service-requests-.* (" + e.getDescription() + ")");
            }
        }
        if (topics.isEmpty() && pattern == null) {
            topics = TOPICS.defaultValue();
        }
        StartingOffsets starting = g.enumValue(STARTING_OFFSETS);
        Long timestamp = g.longValue(STARTING_TIMESTAMP, 0, Long.MAX_VALUE);
        if (starting == StartingOffsets.TIMESTAMP && timestamp == null) {
            throw ConfigException.missing(
                    STARTING_TIMESTAMP.qualified(), "epoch milliseconds when " + STARTING_OFFSETS.is(starting));
        }
        if (starting != StartingOffsets.TIMESTAMP && timestamp != null) {
            throw ConfigException.invalid(
                    STARTING_OFFSETS.qualified(),
                    Setting.text(starting),
                    "timestamp when " + STARTING_TIMESTAMP.qualified() + " is set");
        }
        String protocol = g.string(SECURITY_PROTOCOL).toUpperCase();
        if (!List.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL").contains(protocol)) {
            throw ConfigException.invalid(
                    SECURITY_PROTOCOL.qualified(), protocol, "one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL");
        }
        String mechanism = g.string(SASL_MECHANISM);
        if (mechanism != null) {
            mechanism = mechanism.toUpperCase();
            if (!List.of("SCRAM-SHA-256", "SCRAM-SHA-512", "PLAIN", "AWS_MSK_IAM")
                    .contains(mechanism)) {
                throw ConfigException.invalid(
                        SASL_MECHANISM.qualified(),
                        mechanism,
                        "one of SCRAM-SHA-256, SCRAM-SHA-512, PLAIN, AWS_MSK_IAM");
            }
            if (!protocol.startsWith("SASL_")) {
                throw ConfigException.invalid(
                        SECURITY_PROTOCOL.qualified(),
                        protocol,
                        "SASL_SSL or SASL_PLAINTEXT when " + SASL_MECHANISM.qualified() + " is set");
            }
        }
        String username = g.string(SASL_USERNAME);
        String passwordEnv = g.string(SASL_PASSWORD_ENV);
        if (mechanism != null && !mechanism.equals("AWS_MSK_IAM") && (username == null || passwordEnv == null)) {
            throw ConfigException.missing(
                    username == null ? SASL_USERNAME.qualified() : SASL_PASSWORD_ENV.qualified(),
                    "a user name and the name of the environment variable holding the password for SASL " + mechanism);
        }
        return new KafkaConfig(
                bootstrap,
                List.copyOf(topics),
                pattern,
                g.string(GROUP_ID),
                starting,
                timestamp,
                g.bool(BOUNDED),
                protocol,
                mechanism,
                username,
                passwordEnv,
                g.string(SSL_TRUSTSTORE_LOCATION),
                g.string(SSL_TRUSTSTORE_PASSWORD_ENV),
                clientProperties(g));
    }

    /**
     * Pass-through consumer properties, their values checked against the Kafka consumer's own definitions: the
     * consumer is only created on the task managers, so a mistyped value would otherwise fail there, in a restart
     * loop. Keys the consumer does not define pass unchecked (plugins such as MSK IAM read their own).
     */
    private static Map<String, String> clientProperties(PropertyGroup g) {
        Map<String, String> properties = Map.copyOf(g.withPrefix(PROPERTIES));
        Map<String, ConfigDef.ConfigKey> definitions =
                ConsumerConfig.configDef().configKeys();
        for (Map.Entry<String, String> e : properties.entrySet()) {
            ConfigDef.ConfigKey definition = definitions.get(e.getKey());
            if (definition == null) {
                continue;
            }
            try {
                Object value = ConfigDef.parseType(e.getKey(), e.getValue(), definition.type);
                if (definition.validator != null) {
                    definition.validator.ensureValid(e.getKey(), value);
                }
            } catch (org.apache.kafka.common.config.ConfigException invalid) {
                throw ConfigException.invalid(
                        PROPERTIES.qualified() + e.getKey(),
                        e.getValue(),
                        "a valid value for the Kafka consumer property " + e.getKey() + " (" + invalid.getMessage()
                                + ")");
            }
        }
        return properties;
    }
}
