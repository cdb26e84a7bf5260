package org.requestslakehouse.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.catalog.CatalogFactory;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.config.SourceConfig;
import org.requestslakehouse.job.JobArguments;
import org.requestslakehouse.job.SubmissionPreflight;

/**
 * deploy/kubernetes/: the FlinkDeployment and the ConfigMap it mounts. No Kubernetes cluster or operator is
 * reachable from the build, so nothing here was applied; this checks that the operator would start the image's jar
 * with the real entry class and a config the job accepts, on settings Flink knows.
 */
class KubernetesManifestsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path DEPLOYMENT = Paths.get("deploy/kubernetes/flinkdeployment.yaml");
    private static final Path CONFIG_MAP = Paths.get("deploy/kubernetes/job-config.yaml");

    @Test
    void theOperatorRunsTheImagesJobJarWithTheEntryClassInApplicationMode() throws Exception {
        JsonNode deployment = YAML.readTree(DEPLOYMENT.toFile());
        String[] version = DeploymentContract.flinkVersion().split("\\.");

        assertThat(deployment.path("apiVersion").asText()).isEqualTo("flink.apache.org/v1beta1");
        assertThat(deployment.path("kind").asText()).isEqualTo("FlinkDeployment");
        JsonNode spec = deployment.path("spec");
        assertThat(spec.path("flinkVersion").asText()).isEqualTo("v" + version[0] + "_" + version[1]);
        JsonNode job = spec.path("job");
        assertThat(job.path("jarURI").asText()).isEqualTo("local://" + DeploymentContract.imageJobJar());
        DeploymentContract.assertEntryClass(job.path("entryClass").asText());
        assertThat(job.path("upgradeMode").asText()).isEqualTo("savepoint");
        assertThat(job.path("state").asText()).isEqualTo("running");
        assertThat(job.path("parallelism").asInt()).isPositive();
        for (String role : List.of("jobManager", "taskManager")) {
            assertThat(spec.at("/" + role + "/resource/memory").asText())
                    .as(role)
                    .matches("\\d+m");
            assertThat(spec.at("/" + role + "/resource/cpu").asDouble())
                    .as(role)
                    .isPositive();
        }
    }

    @Test
    void checkpointsSavepointsAndHighAvailabilityAreOnS3WithKubernetesHa() throws Exception {
        JsonNode conf = YAML.readTree(DEPLOYMENT.toFile()).at("/spec/flinkConfiguration");

        assertThat(conf.path("high-availability.type").asText()).isEqualTo("kubernetes");
        for (String key : List.of("high-availability.storageDir", "state.checkpoints.dir", "state.savepoints.dir")) {
            assertThat(conf.path(key).asText()).as(key).startsWith("s3://");
        }
        assertThat(conf.path("execution.checkpointing.mode").asText()).isEqualTo("EXACTLY_ONCE");
    }

    @Test
    void everyFlinkSettingIsAFlinkOptionAndTheFoldedOnesKeepTheShippedValues() throws Exception {
        JsonNode conf = YAML.readTree(DEPLOYMENT.toFile()).at("/spec/flinkConfiguration");
        List<String> keys = new ArrayList<>();
        conf.fieldNames().forEachRemaining(keys::add);

        assertThat(keys)
                .isNotEmpty()
                .allSatisfy(key -> assertThat(FlinkOptionKeys.isKnown(key))
                        .as("Flink option %s", key)
                        .isTrue());
        // The operator mounts its own conf/ over the image's, so the image's folded settings do not reach the pods.
        for (Map.Entry<String, String> folded : FoldedFlinkConf.settings().entrySet()) {
            assertThat(conf.path(folded.getKey()).asText(null))
                    .as(folded.getKey())
                    .isEqualTo(folded.getValue());
        }
    }

    @Test
    void thePrometheusReporterIsFlinksOwnOnTheContainerPort() throws Exception {
        JsonNode spec = YAML.readTree(DEPLOYMENT.toFile()).path("spec");
        JsonNode conf = spec.path("flinkConfiguration");

        assertThat(conf.path("metrics.reporter.prom.factory.class").asText())
                .isEqualTo(org.apache.flink.metrics.prometheus.PrometheusReporterFactory.class.getName());
        JsonNode container = mainContainer(spec);
        assertThat(container.at("/ports/0/name").asText()).isEqualTo("metrics");
        assertThat(container.at("/ports/0/containerPort").asText())
                .isEqualTo(conf.path("metrics.reporter.prom.port").asText());
    }

    @Test
    void theJobArgumentsPointAtTheMountedConfigMapWhoseSettingsTheJobAccepts(@TempDir Path tmp) throws Exception {
        JsonNode spec = YAML.readTree(DEPLOYMENT.toFile()).path("spec");
        JsonNode configMap = YAML.readTree(CONFIG_MAP.toFile());
        String[] args = YAML.convertValue(spec.at("/job/args"), String[].class);
        Path configFile = JobArguments.parse(args).configFile();

        JsonNode mount = mainContainer(spec).at("/volumeMounts/0");
        JsonNode volume = spec.at("/podTemplate/spec/volumes/0");
        assertThat(volume.path("name").asText()).isEqualTo(mount.path("name").asText());
        assertThat(volume.at("/configMap/name").asText())
                .isEqualTo(configMap.at("/metadata/name").asText());
        assertThat(configMap.path("kind").asText()).isEqualTo("ConfigMap");
        assertThat(configFile.getParent())
                .isEqualTo(Paths.get(mount.path("mountPath").asText()));
        String json =
                configMap.path("data").path(configFile.getFileName().toString()).asText(null);
        assertThat(json).as("ConfigMap key %s", configFile.getFileName()).isNotNull();

        Path local = Files.writeString(tmp.resolve(configFile.getFileName()), json);
        JobConfig config = SubmissionPreflight.check(withConfigFile(args, local));
        assertThat(CatalogFactory.properties(config.catalog())).isNotEmpty();
        assertThat(config.source().type()).isEqualTo(SourceConfig.SourceType.KAFKA);
        assertThat(config.catalog().warehouse()).startsWith("s3://");
    }

    private static JsonNode mainContainer(JsonNode spec) {
        for (JsonNode container : spec.at("/podTemplate/spec/containers")) {
            if (container.path("name").asText().equals("flink-main-container")) {
                return container;
            }
        }
        throw new AssertionError(
                "the operator applies a pod template only to the container named flink-main-container");
    }

    /** The program arguments with the config file the cluster would mount replaced by a local copy. */
    static String[] withConfigFile(String[] args, Path local) {
        String[] out = args.clone();
        for (int i = 0; i < out.length - 1; i++) {
            if (out[i].equals(JobArguments.CONFIG)) {
                out[i + 1] = local.toString();
            }
        }
        return out;
    }
}
