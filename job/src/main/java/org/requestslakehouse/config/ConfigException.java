package org.requestslakehouse.config;

/**
 * A setting is missing or invalid. The message always names the key ({@code group.key}) and the expected form, and
 * never a credential: it goes through {@link Redaction}.
 */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(Redaction.text(message));
    }

    public static ConfigException invalid(String key, String value, String expected) {
        return new ConfigException(
                "Invalid value '" + Redaction.value(key, value) + "' for " + key + ": expected " + expected);
    }

    public static ConfigException missing(String key, String expected) {
        return new ConfigException("Missing required setting " + key + ": expected " + expected);
    }
}
