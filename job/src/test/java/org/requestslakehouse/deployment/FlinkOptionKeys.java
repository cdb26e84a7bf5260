package org.requestslakehouse.deployment;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.FallbackKey;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.metrics.prometheus.PrometheusReporterFactory;

/**
 * Every configuration key Flink declares, read from the {@link ConfigOption} constants of the Flink jars on the
 * test classpath ({@code org.apache.flink..*Options} classes: core, runtime, state backends, clients, connectors),
 * with their deprecated and fallback names. A key a deployment file sets that is not here is a typo or belongs to
 * a Flink module the cluster does not run, and Flink would ignore it without a word.
 *
 * <p>Reporter settings are named {@code metrics.reporter.<name>.<option>}; the options are MetricOptions' per-reporter
 * ones plus those the Prometheus reporter factory reads itself.
 */
final class FlinkOptionKeys {
    private static final Pattern OPTIONS_CLASS = Pattern.compile("(org/apache/flink/[\\w/]*Options)\\.class");
    private static final Pattern REPORTER_KEY = Pattern.compile("metrics\\.reporter\\.([\\w-]+)\\.(.+)");
    private static final Set<String> KEYS = declaredKeys();
    private static final Set<String> REPORTER_OPTIONS = reporterOptions();

    private FlinkOptionKeys() {}

    static boolean isKnown(String key) {
        Matcher reporter = REPORTER_KEY.matcher(key);
        if (reporter.matches()) {
            return REPORTER_OPTIONS.contains(reporter.group(2));
        }
        return KEYS.contains(key);
    }

    static int size() {
        return KEYS.size();
    }

    private static Set<String> declaredKeys() {
        Set<String> keys = new TreeSet<>();
        for (String className : optionClasses()) {
            Class<?> type;
            try {
                type = Class.forName(className, true, FlinkOptionKeys.class.getClassLoader());
            } catch (Throwable e) {
                continue; // a class whose dependencies are not on the test classpath declares nothing used here
            }
            keys.addAll(keysOf(type));
        }
        return Collections.unmodifiableSet(keys);
    }

    private static Set<String> keysOf(Class<?> type) {
        Set<String> keys = new TreeSet<>();
        for (Field field : type.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) || !ConfigOption.class.isAssignableFrom(field.getType())) {
                continue;
            }
            try {
                field.setAccessible(true);
                ConfigOption<?> option = (ConfigOption<?>) field.get(null);
                keys.add(option.key());
                for (FallbackKey fallback : option.fallbackKeys()) {
                    keys.add(fallback.getKey());
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalStateException("Cannot read " + type.getName() + "." + field.getName(), e);
            }
        }
        return keys;
    }

    /** Options classes in every Flink jar on the classpath (found through the jars' manifests, surefire's too). */
    private static Set<String> optionClasses() {
        Set<String> classes = new TreeSet<>();
        try {
            Enumeration<URL> manifests = FlinkOptionKeys.class.getClassLoader().getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                URL url = manifests.nextElement();
                if (!url.getProtocol().equals("jar") || !url.getPath().matches(".*/flink-[^/]*\\.jar!/.*")) {
                    continue;
                }
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                        Matcher m = OPTIONS_CLASS.matcher(entries.nextElement().getName());
                        if (m.matches()) {
                            classes.add(m.group(1).replace('/', '.'));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list the Flink jars on the classpath", e);
        }
        return classes;
    }

    private static Set<String> reporterOptions() {
        Set<String> options = new TreeSet<>(keysOf(MetricOptions.class).stream()
                // REPORTER_CONFIG_PARAMETER's key is the documentation placeholder "<parameter>"
                .filter(key -> !key.startsWith("metrics.") && !key.contains("<"))
                .toList());
        try {
            Field port = PrometheusReporterFactory.class.getDeclaredField("ARG_PORT");
            port.setAccessible(true);
            options.add((String) port.get(null));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The Prometheus reporter's port option moved", e);
        }
        return Collections.unmodifiableSet(options);
    }
}
