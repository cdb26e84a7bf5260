package org.requestslakehouse.config;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Group {@code kafka}. Offsets live in Flink checkpoints; offsets committed to the group are informational only.
 *
 * @param startingOffsets    where a fresh start (no checkpoint) begins
 * @param startingTimestamp  epoch millis, only with startingOffsets=TIMESTAMP
 * @param bounded            stop at the offsets that were latest when the job started (backfills, tests)
 * @param securityProtocol   PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL
 * @param saslMechanism      SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or AWS_MSK_IAM
 * @param saslPasswordEnv    name of the environment variable holding the SASL password (never the password itself)
 * @param clientProperties   any other consumer property, from keys {@code kafka.property.*}
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
        Map<String, String> clientProperties) implements Serializable {

    public enum StartingOffsets { EARLIEST, LATEST, TIMESTAMP, COMMITTED }

    public static final String GROUP = "kafka";
    public static final String DEFAULT_TOPIC = "service-requests";

    /** The broker of local-kafka/docker-compose.yml and of the {@code kafka} subcommand. */
    public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";

    public static KafkaConfig from(PropertyGroup g) {
        String bootstrap = g.string("bootstrap-servers", DEFAULT_BOOTSTRAP_SERVERS);
        for (String hostPort : bootstrap.split(",")) {
            if (!hostPort.trim().matches("[^:\\s]+:\\d{1,5}")) {
                throw ConfigException.invalid(g.qualified("bootstrap-servers"), bootstrap, "host:port[,host:port...]");
            }
        }
        List<String> topics = g.list("topics");
        String pattern = g.string("topic-pattern", null);
        if (!topics.isEmpty() && pattern != null) {
            throw new ConfigException("Set either " + g.qualified("topics") + " or " + g.qualified("topic-pattern") + ", not both");
        }
        if (topics.isEmpty() && pattern == null) {
            topics = List.of(DEFAULT_TOPIC);
        }
        StartingOffsets starting = g.enumValue("starting-offsets", StartingOffsets.class, StartingOffsets.EARLIEST);
        Long timestamp = g.has("starting-timestamp") ? g.longValue("starting-timestamp", 0, 0, Long.MAX_VALUE) : null;
        if (starting == StartingOffsets.TIMESTAMP && timestamp == null) {
            throw ConfigException.missing(g.qualified("starting-timestamp"), "epoch milliseconds when kafka.starting-offsets=timestamp");
        }
        String protocol = g.string("security.protocol", "PLAINTEXT").toUpperCase();
        if (!List.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL").contains(protocol)) {
            throw ConfigException.invalid(g.qualified("security.protocol"), protocol, "one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL");
        }
        String mechanism = g.string("sasl.mechanism", null);
        if (mechanism != null) {
            mechanism = mechanism.toUpperCase();
            if (!List.of("SCRAM-SHA-256", "SCRAM-SHA-512", "PLAIN", "AWS_MSK_IAM").contains(mechanism)) {
                throw ConfigException.invalid(g.qualified("sasl.mechanism"), mechanism, "one of SCRAM-SHA-256, SCRAM-SHA-512, PLAIN, AWS_MSK_IAM");
            }
            if (!protocol.startsWith("SASL_")) {
                throw ConfigException.invalid(g.qualified("security.protocol"), protocol, "SASL_SSL or SASL_PLAINTEXT when kafka.sasl.mechanism is set");
            }
        }
        String username = g.string("sasl.username", null);
        String passwordEnv = g.string("sasl.password-env", null);
        if (mechanism != null && !mechanism.equals("AWS_MSK_IAM") && (username == null || passwordEnv == null)) {
            throw ConfigException.missing(username == null ? g.qualified("sasl.username") : g.qualified("sasl.password-env"),
                    "a user name and the name of the environment variable holding the password for SASL " + mechanism);
        }
        return new KafkaConfig(
                bootstrap,
                List.copyOf(topics),
                pattern,
                g.string("group-id", "requests-lakehouse"),
                starting,
                timestamp,
                g.bool("bounded", false),
                protocol,
                mechanism,
                username,
                passwordEnv,
                g.string("ssl.truststore-location", null),
                g.string("ssl.truststore-password-env", null),
                Map.copyOf(g.withPrefix("property.")));
    }
}
