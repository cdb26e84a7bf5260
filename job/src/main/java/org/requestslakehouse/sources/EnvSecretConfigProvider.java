package org.requestslakehouse.sources;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigData;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.provider.EnvVarConfigProvider;
import org.requestslakehouse.config.KafkaSettings;

/**
 * Kafka's {@link EnvVarConfigProvider}, resolved by every Kafka client when it is created, so a password named by
 * {@code kafka.*.password-env} is read on the machine that opens the connection (the task manager for the source's
 * readers, the job manager for its enumerator) and never travels in the job graph.
 *
 * <p>Two additions over the plain provider: {@code ${provider:jaas:NAME}} returns the value escaped for a
 * double-quoted JAAS option (a password may contain {@code "} or {@code \}), and a variable that is not set fails
 * the client with a message naming it, instead of Kafka's default of leaving the placeholder as the password.
 */
public class EnvSecretConfigProvider extends EnvVarConfigProvider {

    /** The name {@link KafkaClientProperties} registers this provider under, in {@code config.providers}. */
    public static final String NAME = "lakehouse-env";
    /** Path selecting JAAS quoting. */
    public static final String JAAS_PATH = "jaas";

    public EnvSecretConfigProvider() {
        super();
    }

    /** For tests: an environment other than the process's. */
    public EnvSecretConfigProvider(Map<String, String> environment) {
        super(environment);
    }

    /** {@code ${lakehouse-env:NAME}}: the raw value. */
    public static String reference(String variable) {
        return "${" + NAME + ":" + variable + "}";
    }

    /** {@code ${lakehouse-env:jaas:NAME}}: the value escaped for use inside a double-quoted JAAS option. */
    public static String jaasReference(String variable) {
        return "${" + NAME + ":" + JAAS_PATH + ":" + variable + "}";
    }

    @Override
    public ConfigData get(String path, Set<String> keys) {
        boolean jaas = JAAS_PATH.equals(path);
        ConfigData found = super.get(jaas ? "" : path, keys);
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : keys) {
            String value = found.data().get(key);
            if (value == null || value.isEmpty()) {
                throw new ConfigException("Environment variable " + key + " is not set on this host; it must hold the"
                        + " password the Kafka settings name (" + KafkaSettings.SASL_PASSWORD_ENV.qualified() + " or "
                        + KafkaSettings.SSL_TRUSTSTORE_PASSWORD_ENV.qualified() + ")");
            }
            values.put(key, jaas ? jaasEscaped(value) : value);
        }
        return new ConfigData(values, found.ttl());
    }

    /** JAAS option values are double-quoted; backslash and quote inside them must be escaped. */
    static String jaasEscaped(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
