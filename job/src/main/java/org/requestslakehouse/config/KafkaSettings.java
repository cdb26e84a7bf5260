package org.requestslakehouse.config;

import java.util.List;
import java.util.Map;
import org.requestslakehouse.config.KafkaConfig.StartingOffsets;

/** Group {@code kafka}: the Kafka source (and the broker the {@code kafka} and {@code replay} commands use). */
public final class KafkaSettings {
    public static final String GROUP = "kafka";
    static final SettingGroup SETTINGS = new SettingGroup(
            GROUP,
            "The Kafka source. Read positions live in Flink checkpoints; offsets committed to the group are"
                    + " informational only.");

    /** Constants because command-line option annotations show them as defaults. */
    public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";

    public static final String DEFAULT_TOPIC = "service-requests";

    public static final Setting<String> BOOTSTRAP_SERVERS =
            SETTINGS.string("bootstrap-servers", DEFAULT_BOOTSTRAP_SERVERS, "brokers, `host:port[,host:port...]`");
    public static final Setting<List<String>> TOPICS = SETTINGS.list(
            "topics", List.of(DEFAULT_TOPIC), "comma-separated topics to read (default only without `topic-pattern`)");
    public static final Setting<String> TOPIC_PATTERN = SETTINGS.string(
            "topic-pattern", null, "a Java regular expression of the topics to read, instead of `topics`");
    public static final Setting<String> GROUP_ID = SETTINGS.string(
            "group-id", "requests-lakehouse", "consumer group (offsets committed there are informational)");
    public static final Setting<StartingOffsets> STARTING_OFFSETS = SETTINGS.choice(
            "starting-offsets",
            StartingOffsets.class,
            StartingOffsets.EARLIEST,
            "where a start without a checkpoint begins");
    public static final Setting<Long> STARTING_TIMESTAMP = SETTINGS.longValue(
            "starting-timestamp",
            null,
            "epoch milliseconds; required with, and only with, `starting-offsets=timestamp`");
    public static final Setting<Boolean> BOUNDED = SETTINGS.bool(
            "bounded", false, "stop at the offsets that were latest when the job started (backfills, tests)");
    public static final Setting<String> SECURITY_PROTOCOL =
            SETTINGS.string("security.protocol", "PLAINTEXT", "`PLAINTEXT`, `SSL`, `SASL_PLAINTEXT` or `SASL_SSL`");
    public static final Setting<String> SASL_MECHANISM = SETTINGS.string(
            "sasl.mechanism",
            null,
            "`SCRAM-SHA-256`, `SCRAM-SHA-512`, `PLAIN` (these need `sasl.username` and `sasl.password-env`) or"
                    + " `AWS_MSK_IAM`; needs a `SASL_` protocol");
    public static final Setting<String> SASL_USERNAME = SETTINGS.string("sasl.username", null, "SASL user name");
    public static final Setting<String> SASL_PASSWORD_ENV = SETTINGS.string(
            "sasl.password-env",
            null,
            "name of the environment variable holding the SASL password, read by each Kafka client where it runs"
                    + " (never the password itself, which would travel in the job graph)");
    public static final Setting<String> SSL_TRUSTSTORE_LOCATION =
            SETTINGS.string("ssl.truststore-location", null, "TLS trust store file");
    public static final Setting<String> SSL_TRUSTSTORE_PASSWORD_ENV = SETTINGS.string(
            "ssl.truststore-password-env",
            null,
            "name of the environment variable holding the trust store password (read like the SASL one)");
    public static final Setting<Map<String, String>> PROPERTIES = SETTINGS.prefix(
            "property.", "any other Kafka consumer property, its value checked against the consumer's definition");

    private KafkaSettings() {}
}
