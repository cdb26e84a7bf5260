package org.requestslakehouse.sources;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.requestslakehouse.config.ConfigException;
import org.requestslakehouse.config.KafkaConfig;
import org.requestslakehouse.config.KafkaSettings;

/**
 * Turns the {@code kafka.*} settings into Kafka client properties. Secrets are never in the settings, nor in the
 * properties: the SASL and truststore passwords are references ({@code ${lakehouse-env:NAME}}) to the environment
 * variables the settings name, resolved by Kafka's config-provider mechanism ({@link EnvSecretConfigProvider}) when
 * each client is created on the machine that runs it. The properties travel inside the serialized job graph; a
 * password there would be readable by anyone who can read the graph or a savepoint's metadata.
 *
 * <p>Precedence: typed settings ({@code kafka.security.protocol}, ...) may not be contradicted by a pass-through
 * {@code kafka.property.*} key, because a silent override of e.g. the security protocol is a security bug; the
 * client timeouts below are only defaults and pass-through keys may change them.
 */
public final class KafkaClientProperties {

    static final String SCRAM_LOGIN_MODULE = "org.apache.kafka.common.security.scram.ScramLoginModule";
    static final String PLAIN_LOGIN_MODULE = "org.apache.kafka.common.security.plain.PlainLoginModule";
    static final String IAM_LOGIN_MODULE = "software.amazon.msk.auth.iam.IAMLoginModule";
    static final String IAM_CALLBACK_HANDLER = "software.amazon.msk.auth.iam.IAMClientCallbackHandler";

    /**
     * Bounds on every blocking client call, pinned here rather than inherited from whichever client version is on
     * the classpath: with an unreachable broker, metadata calls fail after these instead of retrying unnoticed.
     */
    private static final Map<String, String> TIMEOUT_DEFAULTS = Map.of(
            CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, "10000",
            CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, "30000",
            CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, "30000",
            CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000");

    /** POSIX environment variable names; anything else could break out of the JAAS string or the reference. */
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    static final String CONFIG_PROVIDERS = "config.providers";
    static final String PROVIDER_CLASS = CONFIG_PROVIDERS + "." + EnvSecretConfigProvider.NAME + ".class";

    private static final String SECRET_SETTINGS = KafkaSettings.SASL_PASSWORD_ENV.qualified() + " or "
            + KafkaSettings.SSL_TRUSTSTORE_PASSWORD_ENV.qualified();

    /** Which typed setting each derived client property comes from, to name it when a pass-through key contradicts it. */
    private static final Map<String, String> TYPED_SOURCES = Map.of(
            CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
            KafkaSettings.BOOTSTRAP_SERVERS.qualified(),
            CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
            KafkaSettings.SECURITY_PROTOCOL.qualified(),
            ConsumerConfig.GROUP_ID_CONFIG,
            KafkaSettings.GROUP_ID.qualified(),
            SaslConfigs.SASL_MECHANISM,
            KafkaSettings.SASL_MECHANISM.qualified(),
            SaslConfigs.SASL_JAAS_CONFIG,
            KafkaSettings.SASL_MECHANISM.qualified() + ", " + KafkaSettings.SASL_USERNAME.qualified() + " and "
                    + KafkaSettings.SASL_PASSWORD_ENV.qualified(),
            SaslConfigs.SASL_CLIENT_CALLBACK_HANDLER_CLASS,
            KafkaSettings.SASL_MECHANISM.qualified(),
            SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG,
            KafkaSettings.SSL_TRUSTSTORE_LOCATION.qualified(),
            SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG,
            KafkaSettings.SSL_TRUSTSTORE_PASSWORD_ENV.qualified(),
            CONFIG_PROVIDERS,
            SECRET_SETTINGS,
            PROVIDER_CLASS,
            SECRET_SETTINGS);

    private KafkaClientProperties() {}

    /**
     * Consumer properties; the process environment is only checked for the secrets' variables, their values stay
     * out of the properties.
     */
    public static Properties consumer(KafkaConfig config) {
        return consumer(config, System::getenv);
    }

    public static Properties consumer(KafkaConfig config, UnaryOperator<String> environment) {
        Map<String, String> typed = connection(config, environment);
        typed.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        return merge(typed, config.clientProperties());
    }

    /** Admin-client properties: the consumer's connection settings without consumer-only keys. */
    public static Properties admin(KafkaConfig config) {
        return admin(config, System::getenv);
    }

    public static Properties admin(KafkaConfig config, UnaryOperator<String> environment) {
        Set<String> adminKeys = AdminClientConfig.configNames();
        Map<String, String> passThrough = new LinkedHashMap<>();
        config.clientProperties().forEach((key, value) -> {
            if (adminKeys.contains(key)) {
                passThrough.put(key, value);
            }
        });
        return merge(connection(config, environment), passThrough);
    }

    /** Bootstrap and security settings, keyed by client property; insertion order kept for readable dumps. */
    private static Map<String, String> connection(KafkaConfig config, UnaryOperator<String> environment) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, config.securityProtocol());
        if (config.saslMechanism() != null) {
            p.put(SaslConfigs.SASL_MECHANISM, config.saslMechanism());
            switch (config.saslMechanism()) {
                case "SCRAM-SHA-256", "SCRAM-SHA-512" ->
                    p.put(SaslConfigs.SASL_JAAS_CONFIG, usernamePasswordJaas(SCRAM_LOGIN_MODULE, config, environment));
                case "PLAIN" ->
                    p.put(SaslConfigs.SASL_JAAS_CONFIG, usernamePasswordJaas(PLAIN_LOGIN_MODULE, config, environment));
                case "AWS_MSK_IAM" -> {
                    // Credentials come from the default AWS chain (the MSF application role), never from settings.
                    p.put(SaslConfigs.SASL_JAAS_CONFIG, IAM_LOGIN_MODULE + " required;");
                    p.put(SaslConfigs.SASL_CLIENT_CALLBACK_HANDLER_CLASS, IAM_CALLBACK_HANDLER);
                }
                default ->
                    throw ConfigException.invalid(
                            KafkaSettings.SASL_MECHANISM.qualified(),
                            config.saslMechanism(),
                            "one of SCRAM-SHA-256, SCRAM-SHA-512, PLAIN, AWS_MSK_IAM");
            }
        }
        addTruststore(config, environment, p);
        if (p.values().stream().anyMatch(v -> v.contains("${" + EnvSecretConfigProvider.NAME + ":"))) {
            p.put(CONFIG_PROVIDERS, EnvSecretConfigProvider.NAME);
            p.put(PROVIDER_CLASS, EnvSecretConfigProvider.class.getName());
        }
        return p;
    }

    private static void addTruststore(KafkaConfig config, UnaryOperator<String> environment, Map<String, String> p) {
        String locationKey = KafkaSettings.SSL_TRUSTSTORE_LOCATION.qualified();
        String passwordEnvKey = KafkaSettings.SSL_TRUSTSTORE_PASSWORD_ENV.qualified();
        if (config.truststoreLocation() == null) {
            if (config.truststorePasswordEnv() != null) {
                throw ConfigException.missing(locationKey, "the truststore file when " + passwordEnvKey + " is set");
            }
            return;
        }
        if (!config.securityProtocol().endsWith("SSL")) {
            throw ConfigException.invalid(
                    KafkaSettings.SECURITY_PROTOCOL.qualified(),
                    config.securityProtocol(),
                    "SSL or SASL_SSL when " + locationKey + " is set (a truststore is only used for TLS)");
        }
        p.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, config.truststoreLocation());
        if (config.truststorePasswordEnv() != null) {
            p.put(
                    SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG,
                    EnvSecretConfigProvider.reference(
                            secretVariable(environment, config.truststorePasswordEnv(), passwordEnvKey)));
        }
    }

    private static String usernamePasswordJaas(
            String loginModule, KafkaConfig config, UnaryOperator<String> environment) {
        String variable =
                secretVariable(environment, config.saslPasswordEnv(), KafkaSettings.SASL_PASSWORD_ENV.qualified());
        return loginModule + " required username=" + jaasQuoted(config.saslUsername()) + " password=\""
                + EnvSecretConfigProvider.jaasReference(variable) + "\";";
    }

    /**
     * The variable's name, after checking here that it is set: a missing password is a start-up error, not a
     * failure of every task. The value is not kept.
     */
    private static String secretVariable(UnaryOperator<String> environment, String variable, String settingKey) {
        if (!VARIABLE_NAME.matcher(variable).matches()) {
            throw ConfigException.invalid(
                    settingKey,
                    variable,
                    "the name of an environment variable (letters, digits"
                            + " and '_', not starting with a digit), not the password itself");
        }
        String value = environment.apply(variable);
        if (value == null || value.isEmpty()) {
            throw new ConfigException("Environment variable " + variable + " named by " + settingKey
                    + " is not set; it must hold the password");
        }
        return variable;
    }

    /** JAAS option values are double-quoted; backslash and quote inside them must be escaped. */
    static String jaasQuoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static Properties merge(Map<String, String> typed, Map<String, String> passThrough) {
        Properties out = new Properties();
        out.putAll(TIMEOUT_DEFAULTS);
        for (Map.Entry<String, String> e : passThrough.entrySet()) {
            String typedValue = typed.get(e.getKey());
            if (typedValue != null && !typedValue.equals(e.getValue())) {
                throw new ConfigException(KafkaSettings.PROPERTIES.qualified() + e.getKey() + " contradicts "
                        + TYPED_SOURCES.get(e.getKey()) + "; set it there instead");
            }
            out.put(e.getKey(), e.getValue());
        }
        out.putAll(typed);
        return out;
    }
}
