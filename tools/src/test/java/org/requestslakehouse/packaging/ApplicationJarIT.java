package org.requestslakehouse.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * Checks the jars {@code mvn package} builds (runs in the integration-test phase, after packaging; the job module is
 * packaged before this one). The job jar, for Managed Flink and self-managed clusters, must leave out what a cluster
 * provides: a bundled Flink runtime clashes with the cluster's own and fails at submission or, worse, at the first
 * checkpoint. It must also leave out the laptop's tools, which pull in classes a cluster does not have.
 */
class ApplicationJarIT {
    private static final Path JOB_JAR =
            Paths.get(System.getProperty("job.jar", "job/target/requests-lakehouse-job.jar"));
    private static final Path LOCAL_JAR =
            Paths.get(System.getProperty("laptop.jar", "tools/target/requests-lakehouse.jar"));
    private static final long JOB_JAR_MAX_BYTES = 256L * 1024 * 1024;
    private static final List<String> TOOLS_PACKAGES =
            List.of("cli", "bench", "dashboard", "generate", "replay", "progress");

    @Test
    void managedFlinkJarHasTheServiceMainClassAndNoFlinkRuntime() throws IOException {
        assertThat(Files.size(JOB_JAR)).isLessThan(JOB_JAR_MAX_BYTES);
        try (JarFile jar = new JarFile(JOB_JAR.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("org.requestslakehouse.job.LakehouseJobMain");
            assertThat(jar.getEntry("org/requestslakehouse/job/ManagedFlinkMain.class"))
                    .as("the main class of applications created before LakehouseJobMain")
                    .isNotNull();
            assertThat(jar.getEntry("org/apache/flink/streaming/api/environment/StreamExecutionEnvironment.class"))
                    .isNull();
            assertThat(jar.getEntry("org/apache/flink/runtime/jobgraph/JobGraph.class"))
                    .isNull();
            assertThat(jar.getEntry("org/apache/flink/api/common/ExecutionConfig.class"))
                    .isNull();
            assertThat(jar.getEntry("com/amazonaws/services/kinesisanalytics/runtime/KinesisAnalyticsRuntime.class"))
                    .isNull();
            assertThat(jar.getEntry("kafka/server/KafkaRaftServer.class")).isNull();
            assertThat(jar.getEntry("org/apache/logging/log4j/core/Logger.class"))
                    .isNull();
            assertThat(jar.stream().map(ZipEntry::getName).filter(n -> n.startsWith("org/apache/flink/runtime/")))
                    .as("Flink's runtime is the cluster's")
                    .isEmpty();
            for (String tools : TOOLS_PACKAGES) {
                assertThat(jar.stream()
                                .map(ZipEntry::getName)
                                .filter(n -> n.startsWith("org/requestslakehouse/" + tools + "/")))
                        .as("the tools module's %s package", tools)
                        .isEmpty();
            }
            assertThat(jar.getEntry("org/requestslakehouse/metrics/LocalPrometheusReporterFactory.class"))
                    .as("the laptop's reporter extends flink-metrics-prometheus, a plugin the cluster may not load")
                    .isNull();
            assertThat(jar.getEntry("META-INF/services/org.apache.flink.metrics.reporter.MetricReporterFactory"))
                    .isNull();
            assertThat(jar.stream()
                            .map(ZipEntry::getName)
                            .filter(n -> n.endsWith(".SF") || n.endsWith(".RSA") || n.endsWith(".DSA")))
                    .as("signature files would make the JVM reject the merged jar")
                    .isEmpty();

            assertThat(jar.getEntry("org/apache/flink/connector/kafka/source/KafkaSource.class"))
                    .isNotNull();
            assertThat(jar.getEntry("org/apache/iceberg/flink/sink/FlinkSink.class"))
                    .isNotNull();
            assertThat(jar.getEntry("org/apache/iceberg/aws/glue/GlueCatalog.class"))
                    .isNotNull();
            assertThat(jar.getEntry("org/apache/iceberg/aws/s3/S3FileIO.class")).isNotNull();
            assertThat(services(jar, "org.apache.flink.table.factories.Factory"))
                    .contains("org.apache.iceberg.flink.FlinkDynamicTableFactory");
            assertThat(services(jar, "org.apache.flink.table.factories.Factory"))
                    .as("Flink's own table factories come from the service")
                    .doesNotContain("FileSystemTableFactory");
            assertThat(services(jar, "org.apache.flink.table.factories.Factory"))
                    .as("service files of all connectors merged, not the first one kept")
                    .contains("org.apache.flink.streaming.connectors.kafka.table.KafkaDynamicTableFactory")
                    .contains("org.apache.flink.streaming.connectors.kinesis.table.KinesisDynamicTableFactory");
        }
    }

    @Test
    void localJarRunsTheCliWithFlinkIncluded() throws IOException {
        try (JarFile jar = new JarFile(LOCAL_JAR.toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("org.requestslakehouse.cli.Main");
            assertThat(jar.getManifest().getMainAttributes().getValue("Add-Opens"))
                    .contains("java.base/java.util");
            assertThat(jar.getEntry("org/apache/flink/streaming/api/environment/StreamExecutionEnvironment.class"))
                    .isNotNull();
            assertThat(services(jar, "org.apache.flink.table.factories.Factory"))
                    .contains("org.apache.iceberg.flink.FlinkDynamicTableFactory");
        }
    }

    @Test
    void localJarStartsAndListsEveryCommand() throws Exception {
        Process process = new ProcessBuilder(
                        Paths.get(System.getProperty("java.home"), "bin", "java")
                                .toString(),
                        "-jar",
                        LOCAL_JAR.toString(),
                        "--help")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("demo", "run", "sql", "verify", "generate", "replay", "kafka", "dashboard");
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
