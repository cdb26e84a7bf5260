package org.requestslakehouse.config;

/** A setting is missing or invalid. The message always names the key ({@code group.key}) and the expected form. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public static ConfigException invalid(String key, String value, String expected) {
        return new ConfigException("Invalid value '" + value + "' for " + key + ": expected " + expected);
    }

    public static ConfigException missing(String key, String expected) {
        return new ConfigException("Missing required setting " + key + ": expected " + expected);
    }
}
