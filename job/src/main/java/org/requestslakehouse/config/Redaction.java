package org.requestslakehouse.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that decides what of a setting may appear in an error message. Errors are printed to consoles and
 * land in CI logs and issue reports, so credentials a user put in a URI or a password-like setting are replaced by
 * {@value #MASK} before a message is built: {@link ConfigException} and the preflight exceptions pass every message
 * through {@link #text}, and {@link ConfigException#invalid} masks the value of a password-like key whole.
 */
public final class Redaction {

    public static final String MASK = "***";

    /** Key fragments whose values are secrets (or, for {@code *-env} keys, might be a secret typed by mistake). */
    private static final Pattern SECRET_KEY = Pattern.compile("password|passwd|secret|token|sasl\\.jaas\\.config");

    /** {@code scheme://user:password@host}: the password part, up to the last '@' before the path. */
    private static final Pattern URI_PASSWORD =
            Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://[^\\s/:@'\"]*:)[^\\s/'\"]+@");
    /** {@code ?password=...}, {@code &secret_key=...}, {@code ;password=...} (query strings, JDBC URL properties). */
    private static final Pattern PARAMETER =
            Pattern.compile("(?i)([?&;][^=&;?\\s'\"]*(?:password|passwd|pwd|secret|token)[^=&;?\\s'\"]*=)[^&;\\s'\"]*");
    /** A JAAS option {@code password="..."} (escaped quotes inside included). */
    private static final Pattern JAAS_PASSWORD = Pattern.compile("(?i)(password\\s*=\\s*\")(?:[^\"\\\\]|\\\\.)*\"");
    /** AWS access key ids (long-term AKIA, temporary ASIA): the id names the key whose secret may sit next to it. */
    private static final Pattern AWS_ACCESS_KEY_ID = Pattern.compile("\\b(AKIA|ASIA)[A-Z0-9]{16}\\b");

    private Redaction() {}

    /** Whether values of this setting (or client property) are secrets. */
    public static boolean isSecretKey(String key) {
        return key != null && SECRET_KEY.matcher(key.toLowerCase(Locale.ROOT)).find();
    }

    /** The value as it may be shown for {@code key}: masked whole for password-like keys, else {@link #text}. */
    public static String value(String key, String value) {
        if (value == null) {
            return null;
        }
        return isSecretKey(key) ? MASK : text(value);
    }

    /** {@code text} with credentials inside URIs, JDBC properties, JAAS options and AWS key ids masked. */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        String out = URI_PASSWORD.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
        out = PARAMETER.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        out = JAAS_PASSWORD.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "\"");
        return AWS_ACCESS_KEY_ID.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    }
}
