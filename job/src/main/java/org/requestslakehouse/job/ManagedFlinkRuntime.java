package org.requestslakehouse.job;

import com.amazonaws.services.kinesisanalytics.runtime.KinesisAnalyticsRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Properties;

/**
 * Managed Service for Apache Flink's runtime property groups, when this JVM is one of the service's. The service puts
 * its runtime library on the classpath (the application jar leaves it out) and writes the groups to the file the
 * library's {@code config.properties} names; without either, this is not the service.
 *
 * @param groups       the property groups, or null when not on the service
 * @param absentReason why there are none, for the error that asks for {@code --config} instead
 */
record ManagedFlinkRuntime(Map<String, Properties> groups, String absentReason) {

    boolean available() {
        return groups != null;
    }

    /**
     * The library answers an empty map when its properties file is missing, which is also what an application with
     * no groups gets: the file's existence is what tells the service apart.
     */
    static ManagedFlinkRuntime probe() {
        try {
            String file = propertiesFile();
            if (file == null || !Files.isRegularFile(Paths.get(file))) {
                return absent("the service's application properties file " + file + " does not exist");
            }
            return new ManagedFlinkRuntime(KinesisAnalyticsRuntime.getApplicationProperties(file), null);
        } catch (NoClassDefFoundError e) {
            return absent("the service's runtime library (aws-kinesisanalytics-runtime) is not on the classpath");
        } catch (IOException e) {
            // The file is there but unreadable: this is the service, and guessing another source would be wrong.
            throw new UncheckedIOException("Cannot read Managed Flink's application properties", e);
        }
    }

    /** Where the library reads the groups from: {@code application_properties_file} in its {@code config.properties}. */
    private static String propertiesFile() throws IOException {
        try (InputStream in = KinesisAnalyticsRuntime.class.getClassLoader().getResourceAsStream(CONFIG_RESOURCE)) {
            if (in == null) {
                return null;
            }
            Properties config = new Properties();
            config.load(in);
            return config.getProperty("application_properties_file");
        }
    }

    private static final String CONFIG_RESOURCE = "config.properties";

    static ManagedFlinkRuntime absent(String reason) {
        return new ManagedFlinkRuntime(null, reason);
    }
}
