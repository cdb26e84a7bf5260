package org.requestslakehouse.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.requestslakehouse.deployment.DeploymentContract.DOCKERFILE;
import static org.requestslakehouse.deployment.DeploymentContract.DOCKERIGNORE;
import static org.requestslakehouse.deployment.DeploymentContract.FOLD_SCRIPT;
import static org.requestslakehouse.deployment.DeploymentContract.JOB_JAR;
import static org.requestslakehouse.deployment.DeploymentContract.PLUGINS;
import static org.requestslakehouse.deployment.DeploymentContract.SHIPPED_FLINK_CONF;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.metrics.prometheus.PrometheusReporterFactory;
import org.junit.jupiter.api.Test;
import org.requestslakehouse.deployment.Dockerfiles.Instruction;

/**
 * The job image (repository root {@code Dockerfile}). No Docker engine runs in the build, so the image is never
 * built here: this checks what would break it or ship a wrong one (base tag, jar, plugins, settings, user).
 */
class DockerImageTest {
    private static final Pattern BASE_IMAGE = Pattern.compile("flink:(\\d+\\.\\d+\\.\\d+)-java17");

    @Test
    void theBaseImageAndPluginJarsAreTheFlinkVersionThePomBuildsAgainst() throws Exception {
        List<Instruction> docker = Dockerfiles.read(DOCKERFILE);
        List<String> from = Dockerfiles.all(docker, "FROM");
        assertThat(from).hasSize(1);
        Matcher base = BASE_IMAGE.matcher(from.get(0));
        assertThat(base.matches()).as("FROM %s", from.get(0)).isTrue();
        assertThat(base.group(1)).isEqualTo(DeploymentContract.flinkVersion());
        assertThat(Dockerfiles.all(docker, "ARG")).contains("FLINK_VERSION=" + DeploymentContract.flinkVersion());
    }

    @Test
    void theJobJarIsCopiedIntoUsrlibUnderTheBuildsName() throws Exception {
        List<List<String>> jarCopies =
                copies().stream().filter(c -> c.get(0).endsWith(".jar")).toList();

        assertThat(jarCopies).containsExactly(List.of(JOB_JAR.toString(), DeploymentContract.imageJobJar()));
    }

    @Test
    void theS3AndPrometheusPluginsAreInTheirOwnDirectoriesUnderPlugins() throws Exception {
        String run = String.join("\n", Dockerfiles.all(Dockerfiles.read(DOCKERFILE), "RUN"))
                .replace("$FLINK_HOME", DeploymentContract.FLINK_HOME)
                .replace("$FLINK_VERSION", DeploymentContract.flinkVersion());
        String version = DeploymentContract.flinkVersion();
        String s3Jar = "flink-s3-fs-hadoop-" + version + ".jar";

        assertThat(run)
                .contains("cp \"" + DeploymentContract.FLINK_HOME + "/opt/" + s3Jar + "\" \"" + PLUGINS
                        + "s3-fs-hadoop/\"");
        // The reporter the FlinkDeployment and compose configure must be the one the distribution ships in plugins/.
        Path prometheus = Paths.get(PrometheusReporterFactory.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        assertThat(prometheus.getFileName().toString()).isEqualTo("flink-metrics-prometheus-" + version + ".jar");
        assertThat(run).contains("test -f \"" + PLUGINS + "metrics-prometheus/" + prometheus.getFileName() + "\"");
        // One directory level: Flink makes each subdirectory of plugins/ one plugin and ignores deeper jars' layout.
        Matcher pluginPaths =
                Pattern.compile(Pattern.quote(PLUGINS) + "([^\"\\s]*)").matcher(run);
        while (pluginPaths.find()) {
            assertThat(pluginPaths.group(1)).matches("[a-z0-9-]+(/([a-z0-9.-]+\\.jar)?)?");
        }
    }

    @Test
    void theFoldedSettingsAreFlinkOptionsWithTheShippedValuesAndNoneOfTheLaptopOnes() throws Exception {
        Map<String, String> folded = FoldedFlinkConf.settings();
        Map<String, String> shipped = FoldedFlinkConf.shipped();

        assertThat(folded)
                .containsEntry("state.backend.type", "rocksdb")
                .containsEntry("execution.checkpointing.mode", "EXACTLY_ONCE")
                .containsKey("restart-strategy.type")
                .doesNotContainKeys(
                        "rest.bind-address",
                        "rest.port",
                        "taskmanager.numberOfTaskSlots",
                        "taskmanager.memory.managed.size",
                        "metrics.reporter.prom.factory.class",
                        "metrics.reporter.prom.host");
        folded.forEach((key, value) -> {
            assertThat(FlinkOptionKeys.isKnown(key)).as("Flink option %s", key).isTrue();
            assertThat(shipped).as("value of %s", key).containsEntry(key, value);
        });
        Map<String, String> expected = new LinkedHashMap<>(shipped);
        expected.keySet()
                .removeIf(key ->
                        !key.matches("(state|execution\\.checkpointing|restart-strategy|taskmanager\\.network)\\..*"));
        assertThat(folded).isEqualTo(expected);
    }

    @Test
    void theImageRunsAsTheFlinkUser() throws Exception {
        List<String> users = Dockerfiles.all(Dockerfiles.read(DOCKERFILE), "USER");

        assertThat(users).isNotEmpty();
        assertThat(users.get(users.size() - 1)).isEqualTo("flink");
    }

    @Test
    void theBuildContextLetsEveryCopiedFileThroughAndNothingElse() throws Exception {
        List<String> patterns = Files.readAllLines(DOCKERIGNORE).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();

        for (List<String> copy : copies()) {
            assertThat(ignored(patterns, copy.get(0)))
                    .as("%s excluded from the build context", copy.get(0))
                    .isFalse();
        }
        assertThat(ignored(patterns, "tools/target/requests-lakehouse.jar")).isTrue();
        assertThat(ignored(patterns, "job/src/main/java/org/requestslakehouse/job/LakehouseJobMain.java"))
                .isTrue();
        assertThat(Files.isExecutable(FOLD_SCRIPT)).isTrue();
        assertThat(Files.isRegularFile(SHIPPED_FLINK_CONF)).isTrue();
    }

    /** COPY sources and destinations, each as [source, destination]. */
    private static List<List<String>> copies() throws Exception {
        return Dockerfiles.all(Dockerfiles.read(DOCKERFILE), "COPY").stream()
                .map(Dockerfiles::words)
                .peek(words -> assertThat(words).as("COPY with one source").hasSize(2))
                .toList();
    }

    /** Docker's rule: the last pattern matching the path or one of its parent directories decides. */
    private static boolean ignored(List<String> patterns, String path) {
        boolean ignored = false;
        for (String pattern : patterns) {
            boolean negated = pattern.startsWith("!");
            var matcher = FileSystems.getDefault().getPathMatcher("glob:" + (negated ? pattern.substring(1) : pattern));
            for (Path p = Paths.get(path); p != null; p = p.getParent()) {
                if (matcher.matches(p)) {
                    ignored = !negated;
                    break;
                }
            }
        }
        return ignored;
    }
}
