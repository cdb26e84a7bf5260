package org.requestslakehouse.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

/**
 * Checks the jars {@code mvn package} builds (runs in the integration-test phase, after packaging). The MSF jar
 * must leave out what the service provides: a bundled Flink runtime clashes with the service's own and fails
 * at submission or, worse, at the first checkpoint.
 */
class ApplicationJarIT {
    private static final Path MSF_JAR = Paths.get("target/requests-lakehouse-msf.jar");
    private static final Path LOCAL_JAR = Paths.get("target/requests-lakehouse.jar");
    private static final long MSF_MAX_BYTES = 256L * 1024 * 1024;

    @Test
    void managedFlinkJarHasTheServiceMainClassAndNoFlinkRuntime() throws IOException {
        assertThat(Files.size(MSF_JAR)).isLessThan(MSF_MAX_BYTES);
        try (JarFile jar = new JarFile(MSF_JAR.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("org.requestslakehouse.job.LakehouseJobMain");
            assertThat(jar.getEntry("org/requestslakehouse/job/ManagedFlinkMain.class"))
                    .as("the main class of applications created before LakehouseJobMain").isNotNull();
            assertThat(jar.getEntry("org/apache/flink/streaming/api/environment/StreamExecutionEnvironment.class")).isNull();
            assertThat(jar.getEntry("org/apache/flink/runtime/jobgraph/JobGraph.class")).isNull();
            assertThat(jar.getEntry("org/apache/flink/api/common/ExecutionConfig.class")).isNull();
            assertThat(jar.getEntry("com/amazonaws/services/kinesisanalytics/runtime/KinesisAnalyticsRuntime.class")).isNull();
            assertThat(jar.getEntry("kafka/server/KafkaRaftServer.class")).isNull();
            assertThat(jar.getEntry("org/apache/logging/log4j/core/Logger.class")).isNull();
            assertThat(jar.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".SF") || n.endsWith(".RSA") || n.endsWith(".DSA")))
                    .as("signature files would make the JVM reject the merged jar").isEmpty();

            assertThat(jar.getEntry("org/apache/flink/connector/kafka/source/KafkaSource.class")).isNotNull();
            assertThat(jar.getEntry("org/apache/iceberg/flink/sink/FlinkSink.class")).isNotNull();
            assertThat(jar.getEntry("org/apache/iceberg/aws/glue/GlueCatalog.class")).isNotNull();
            assertThat(jar.getEntry("org/apache/iceberg/aws/s3/S3FileIO.class")).isNotNull();
            assertThat(services(jar, "org.apache.flink.table.factories.Factory"))
                    .contains("org.apache.iceberg.flink.FlinkDynamicTableFactory");
            assertThat(services(jar, "org.apache.flink.table.factories.Factory"))
                    .as("Flink's own table factories come from the service").doesNotContain("FileSystemTableFactory");
        }
    }

    @Test
    void localJarRunsTheCliWithFlinkIncluded() throws IOException {
        try (JarFile jar = new JarFile(LOCAL_JAR.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("org.requestslakehouse.cli.Main");
            assertThat(jar.getManifest().getMainAttributes().getValue("Add-Opens")).contains("java.base/java.util");
            assertThat(jar.getEntry("org/apache/flink/streaming/api/environment/StreamExecutionEnvironment.class")).isNotNull();
            assertThat(services(jar, "org.apache.flink.table.factories.Factory")).contains("org.apache.iceberg.flink.FlinkDynamicTableFactory");
        }
    }

    private static String services(JarFile jar, String service) throws IOException {
        ZipEntry entry = jar.getEntry("META-INF/services/" + service);
        if (entry == null) {
            return "";
        }
        try (InputStream in = jar.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
