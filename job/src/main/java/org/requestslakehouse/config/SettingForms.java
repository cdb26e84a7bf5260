package org.requestslakehouse.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks of value forms several groups share; each failure names the key and the form expected. */
final class SettingForms {
    private static final Pattern AWS_REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");

    private SettingForms() {}

    static void requireAwsRegion(String key, String value) {
        if (!AWS_REGION.matcher(value).matches()) {
            throw ConfigException.invalid(key, value, "an AWS region such as eu-west-1");
        }
    }

    /** @param example a URL of the right kind for this key, shown in the message */
    static void requireHttpUrl(String key, String value, String example) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return;
            }
        } catch (URISyntaxException e) {
            // reported below with the expected form
        }
        throw ConfigException.invalid(key, value, "an http:// or https:// URL such as " + example);
    }
}
