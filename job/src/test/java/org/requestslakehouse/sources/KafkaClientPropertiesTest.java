package org.requestslakehouse.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.ConfigTransformer;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.requestslakehouse.config.ConfigException;
import org.requestslakehouse.config.KafkaConfig;
import org.requestslakehouse.testing.KafkaTestConfigs;

class KafkaClientPropertiesTest {

    private static final Map<String, String> ENV_MAP = Map.of(
            "KAFKA_PASSWORD", "s3cr\"t\\pw",
            "TRUSTSTORE_PASSWORD", "changeit");
    private static final UnaryOperator<String> ENV = ENV_MAP::get;

    @Test
    void plaintextHasConnectionGroupAndTimeoutsOnly() {
        Properties p = KafkaClientProperties.consumer(config(Map.of("bootstrap-servers", "b1:9092,b2:9092")), ENV);

        assertThat(p)
                .containsOnly(
                        entry("bootstrap.servers", "b1:9092,b2:9092"),
                        entry("security.protocol", "PLAINTEXT"),
                        entry("group.id", "requests-lakehouse"),
                        entry("socket.connection.setup.timeout.ms", "10000"),
                        entry("socket.connection.setup.timeout.max.ms", "30000"),
                        entry("request.timeout.ms", "30000"),
                        entry("default.api.timeout.ms", "60000"));
    }

    @Test
    void scramSha512OverSaslSslWithTruststore() {
        Properties p = KafkaClientProperties.consumer(
                config(Map.of(
                        "security.protocol", "SASL_SSL",
                        "sasl.mechanism", "SCRAM-SHA-512",
                        "sasl.username", "lakehouse",
                        "sasl.password-env", "KAFKA_PASSWORD",
                        "ssl.truststore-location", "/etc/kafka/truststore.jks",
                        "ssl.truststore-password-env", "TRUSTSTORE_PASSWORD",
                        "group-id", "city-311")),
                ENV);

        assertThat(p)
                .contains(
                        entry("security.protocol", "SASL_SSL"),
                        entry("sasl.mechanism", "SCRAM-SHA-512"),
                        entry(
                                "sasl.jaas.config",
                                "org.apache.kafka.common.security.scram.ScramLoginModule required "
                                        + "username=\"lakehouse\" password=\"${lakehouse-env:jaas:KAFKA_PASSWORD}\";"),
                        entry("ssl.truststore.location", "/etc/kafka/truststore.jks"),
                        entry("ssl.truststore.password", "${lakehouse-env:TRUSTSTORE_PASSWORD}"),
                        entry("config.providers", "lakehouse-env"),
                        entry("config.providers.lakehouse-env.class", EnvSecretConfigProvider.class.getName()),
                        entry("group.id", "city-311"))
                .doesNotContainKey("sasl.client.callback.handler.class");
        assertThat(p.values())
                .doesNotContain("changeit")
                .noneMatch(v -> v.toString().contains("s3cr"));
        assertThat(resolved(p)).containsEntry("ssl.truststore.password", "changeit");
        assertJaasOptions(p, "org.apache.kafka.common.security.scram.ScramLoginModule", "lakehouse", "s3cr\"t\\pw");
    }

    @Test
    void scramSha256OverSaslPlaintext() {
        Properties p = KafkaClientProperties.consumer(
                config(Map.of(
                        "security.protocol", "SASL_PLAINTEXT",
                        "sasl.mechanism", "scram-sha-256",
                        "sasl.username", "u",
                        "sasl.password-env", "KAFKA_PASSWORD")),
                ENV);

        assertThat(p)
                .contains(entry("security.protocol", "SASL_PLAINTEXT"), entry("sasl.mechanism", "SCRAM-SHA-256"))
                .doesNotContainKeys("ssl.truststore.location", "ssl.truststore.password");
        assertJaasOptions(p, "org.apache.kafka.common.security.scram.ScramLoginModule", "u", "s3cr\"t\\pw");
    }

    @Test
    void plainMechanismUsesThePlainLoginModule() {
        Properties p = KafkaClientProperties.consumer(
                config(Map.of(
                        "security.protocol", "SASL_SSL",
                        "sasl.mechanism", "PLAIN",
                        "sasl.username", "api-key",
                        "sasl.password-env", "KAFKA_PASSWORD")),
                ENV);

        assertThat(p)
                .contains(
                        entry("sasl.mechanism", "PLAIN"),
                        entry(
                                "sasl.jaas.config",
                                "org.apache.kafka.common.security.plain.PlainLoginModule required "
                                        + "username=\"api-key\" password=\"${lakehouse-env:jaas:KAFKA_PASSWORD}\";"));
        assertJaasOptions(p, "org.apache.kafka.common.security.plain.PlainLoginModule", "api-key", "s3cr\"t\\pw");
    }

    @Test
    void mskIamUsesTheAwsLoginModuleAndCallbackHandlerWithoutSecrets() throws Exception {
        Properties p = KafkaClientProperties.consumer(
                config(Map.of(
                        "bootstrap-servers", "b-1.msk.example:9098",
                        "security.protocol", "SASL_SSL",
                        "sasl.mechanism", "AWS_MSK_IAM")),
                name -> {
                    throw new AssertionError("IAM must not read the environment, asked for " + name);
                });

        assertThat(p)
                .contains(
                        entry("security.protocol", "SASL_SSL"),
                        entry("sasl.mechanism", "AWS_MSK_IAM"),
                        entry("sasl.jaas.config", "software.amazon.msk.auth.iam.IAMLoginModule required;"),
                        entry(
                                "sasl.client.callback.handler.class",
                                "software.amazon.msk.auth.iam.IAMClientCallbackHandler"));
        // The classes the client will load by name are on the classpath.
        Class.forName(p.getProperty("sasl.client.callback.handler.class"));
        Class.forName("software.amazon.msk.auth.iam.IAMLoginModule");
    }

    @Test
    void sslWithTruststoreWithoutPassword() {
        Properties p = KafkaClientProperties.consumer(
                config(Map.of(
                        "security.protocol", "SSL",
                        "ssl.truststore-location", "/etc/ssl/kafka.p12")),
                ENV);

        assertThat(p)
                .contains(entry("security.protocol", "SSL"), entry("ssl.truststore.location", "/etc/ssl/kafka.p12"))
                .doesNotContainKeys("ssl.truststore.password", "sasl.mechanism", "sasl.jaas.config");
    }

    @Test
    void missingSaslPasswordVariableNamesTheSetting() {
        KafkaConfig config = config(Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-256",
                "sasl.username", "u",
                "sasl.password-env", "NOT_SET_ANYWHERE"));

        assertThatThrownBy(() -> KafkaClientProperties.consumer(config, ENV))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "Environment variable NOT_SET_ANYWHERE named by kafka.sasl.password-env is not set; it must hold the password");
    }

    @Test
    void missingTruststorePasswordVariableNamesTheSetting() {
        KafkaConfig config = config(Map.of(
                "security.protocol", "SSL",
                "ssl.truststore-location", "/etc/ssl/kafka.jks",
                "ssl.truststore-password-env", "NOT_SET_ANYWHERE"));

        assertThatThrownBy(() -> KafkaClientProperties.consumer(config, ENV))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("kafka.ssl.truststore-password-env");
    }

    @Test
    void truststoreWithoutTlsIsRejectedNotIgnored() {
        KafkaConfig config = config(Map.of("ssl.truststore-location", "/etc/ssl/kafka.jks"));

        assertThatThrownBy(() -> KafkaClientProperties.consumer(config, ENV))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value 'PLAINTEXT' for kafka.security.protocol: expected SSL or SASL_SSL when "
                        + "kafka.ssl.truststore-location is set (a truststore is only used for TLS)");
    }

    @Test
    void passThroughPropertiesAreAddedAndMayTuneTimeouts() {
        Properties p = KafkaClientProperties.consumer(
                config(Map.of(
                        "property.max.poll.records", "200",
                        "property.request.timeout.ms", "45000",
                        "property.partition.discovery.interval.ms", "10000")),
                ENV);

        assertThat(p)
                .contains(
                        entry("max.poll.records", "200"),
                        entry("request.timeout.ms", "45000"),
                        entry("partition.discovery.interval.ms", "10000"),
                        entry("default.api.timeout.ms", "60000"));
    }

    @Test
    void passThroughMayNotContradictATypedSetting() {
        KafkaConfig config = config(Map.of(
                "security.protocol", "SASL_SSL",
                "property.security.protocol", "PLAINTEXT"));

        assertThatThrownBy(() -> KafkaClientProperties.consumer(config, ENV))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "kafka.property.security.protocol contradicts kafka.security.protocol; set it there instead");
    }

    @Test
    void passThroughMayConfigureAMechanismWithoutTypedSupport() {
        Properties p = KafkaClientProperties.consumer(
                config(Map.of(
                        "security.protocol", "SASL_SSL",
                        "property.sasl.mechanism", "OAUTHBEARER",
                        "property.sasl.jaas.config",
                                "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;")),
                ENV);

        assertThat(p)
                .contains(
                        entry("sasl.mechanism", "OAUTHBEARER"),
                        entry(
                                "sasl.jaas.config",
                                "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;"));
    }

    @Test
    void adminPropertiesShareSecurityButDropConsumerOnlyKeys() {
        Properties p = KafkaClientProperties.admin(
                config(Map.of(
                        "security.protocol", "SASL_SSL",
                        "sasl.mechanism", "AWS_MSK_IAM",
                        "property.max.poll.records", "200",
                        "property.client.dns.lookup", "use_all_dns_ips")),
                ENV);

        assertThat(p)
                .contains(
                        entry("sasl.mechanism", "AWS_MSK_IAM"),
                        entry(
                                "sasl.client.callback.handler.class",
                                "software.amazon.msk.auth.iam.IAMClientCallbackHandler"),
                        entry("client.dns.lookup", "use_all_dns_ips"))
                .doesNotContainKeys("group.id", "max.poll.records");
    }

    @Test
    void aRealKafkaClientResolvesThePasswordFromTheEnvironmentOfItsOwnProcess() {
        // PATH stands in for a password variable: it is set wherever the tests run, and its value is known.
        String path = System.getenv("PATH");
        Properties p = KafkaClientProperties.consumer(
                config(Map.of(
                        "security.protocol", "SASL_PLAINTEXT",
                        "sasl.mechanism", "PLAIN",
                        "sasl.username", "etl",
                        "sasl.password-env", "PATH")),
                System::getenv);
        assertThat(p.values()).noneMatch(v -> v.toString().contains(path));
        p.put("key.deserializer", ByteArrayDeserializer.class.getName());
        p.put("value.deserializer", ByteArrayDeserializer.class.getName());

        String jaas = new ConsumerConfig(p).getPassword("sasl.jaas.config").value();

        List<AppConfigurationEntry> entries = JaasContext.loadClientContext(
                        Map.of("sasl.jaas.config", new Password(jaas)))
                .configurationEntries();
        assertThat(entries.get(0).getOptions()).isEqualTo(Map.of("username", "etl", "password", path));
    }

    @Test
    void aVariableMissingWhereTheClientRunsFailsTheClientNamingIt() {
        assertThatThrownBy(() -> provider(Map.of()).get("jaas", Set.of("KAFKA_PASSWORD")))
                .isInstanceOf(org.apache.kafka.common.config.ConfigException.class)
                .hasMessage("Environment variable KAFKA_PASSWORD is not set on this host; it must hold the password the"
                        + " Kafka settings name (kafka.sasl.password-env or kafka.ssl.truststore-password-env)");
    }

    @Test
    void aPasswordGivenInsteadOfAVariableNameIsRefusedWithoutEchoingIt() {
        KafkaConfig config = config(Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "PLAIN",
                "sasl.username", "u",
                "sasl.password-env", "pa$$word!"));

        assertThatThrownBy(() -> KafkaClientProperties.consumer(config, ENV))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "Invalid value '***' for kafka.sasl.password-env: expected the name of an environment variable"
                                + " (letters, digits and '_', not starting with a digit), not the password itself");
    }

    private static void assertJaasOptions(Properties p, String loginModule, String username, String password) {
        // Parse the way the Kafka client will, so quoting mistakes show up here and not at the broker.
        List<AppConfigurationEntry> entries = JaasContext.loadClientContext(
                        Map.of("sasl.jaas.config", new Password(resolved(p).get("sasl.jaas.config"))))
                .configurationEntries();
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).getLoginModuleName()).isEqualTo(loginModule);
        assertThat(entries.get(0).getControlFlag()).isEqualTo(AppConfigurationEntry.LoginModuleControlFlag.REQUIRED);
        assertThat(entries.get(0).getOptions()).isEqualTo(Map.of("username", username, "password", password));
    }

    /** The properties as a Kafka client sees them, the references resolved by the same transformer, from {@link #ENV}. */
    private static Map<String, String> resolved(Properties p) {
        Map<String, String> values = new HashMap<>();
        p.forEach((k, v) -> values.put((String) k, (String) v));
        return new ConfigTransformer(Map.of(EnvSecretConfigProvider.NAME, provider(ENV_MAP)))
                .transform(values)
                .data();
    }

    /** Configured the way a Kafka client configures the providers it creates. */
    private static EnvSecretConfigProvider provider(Map<String, String> environment) {
        EnvSecretConfigProvider provider = new EnvSecretConfigProvider(environment);
        provider.configure(Map.of());
        return provider;
    }

    private static KafkaConfig config(Map<String, String> settings) {
        Map<String, String> values = new HashMap<>(settings);
        values.putIfAbsent("bootstrap-servers", "localhost:9092");
        return KafkaTestConfigs.fromSettings(values);
    }
}
