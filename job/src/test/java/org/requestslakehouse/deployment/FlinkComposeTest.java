package org.requestslakehouse.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.job.JobArguments;
import org.requestslakehouse.job.SubmissionPreflight;

/**
 * local-kafka/docker-compose.flink.yml, used on top of the Kafka compose file: a JobManager running the job in
 * application mode and a TaskManager, from the repository's Dockerfile. Docker is not available on the build
 * machines, so the stack is never started here (as for {@code LocalKafkaComposeTest}); this checks what the
 * containers would be given.
 */
class FlinkComposeTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path DIR = Paths.get("local-kafka");
    private static final Path KAFKA = DIR.resolve("docker-compose.yml");
    private static final Path FLINK = DIR.resolve("docker-compose.flink.yml");
    private static final Path RESTORE = DIR.resolve("docker-compose.flink-restore.yml");
    private static final String VOLUME = "lakehouse-data";

    @Test
    void theJobManagerRunsTheEntryClassInApplicationModeFromTheRepositorysDockerfile() throws Exception {
        JsonNode services = services();
        JsonNode jobManager = services.path("jobmanager");
        List<String> command = texts(jobManager.path("command"));

        assertThat(command.get(0)).isEqualTo("standalone-job");
        assertThat(command.get(1)).isEqualTo("--job-classname");
        DeploymentContract.assertEntryClass(command.get(2));
        assertThat(texts(services.at("/taskmanager/command"))).containsExactly("taskmanager");
        for (String name : List.of("jobmanager", "taskmanager")) {
            JsonNode build = services.path(name).path("build");
            Path dockerfile = DIR.resolve(build.path("context").asText())
                    .resolve(build.path("dockerfile").asText());
            assertThat(dockerfile.normalize()).as(name).isEqualTo(DeploymentContract.DOCKERFILE);
        }
        assertThat(services.at("/taskmanager/image").asText())
                .isEqualTo(jobManager.path("image").asText())
                .isNotEmpty();
        assertThat(jobManager.has("restart"))
                .as("a restarted JobManager without HA would start the job afresh")
                .isFalse();
    }

    @Test
    void theMountedConfigIsAcceptedByTheJobAndReadsTheComposeKafka(@TempDir Path tmp) throws Exception {
        JsonNode services = services();
        String[] args = jobArguments(texts(services.at("/jobmanager/command")));
        Path inContainer = JobArguments.parse(args).configFile();
        Path onHost = DIR.resolve(bindSource(services.path("jobmanager"), inContainer.toString()))
                .normalize();

        Path local = Files.copy(onHost, tmp.resolve(onHost.getFileName()));
        JobConfig config = SubmissionPreflight.check(KubernetesManifestsTest.withConfigFile(args, local));
        JsonNode kafka = YAML.readTree(KAFKA.toFile()).path("services");
        String internalListener = kafka.at("/kafka/environment/KAFKA_ADVERTISED_LISTENERS")
                .asText()
                .replaceAll(".*INTERNAL://([^,]+).*", "$1");
        assertThat(config.kafka().bootstrapServers())
                .isEqualTo(internalListener)
                .isEqualTo("kafka:29092");
        assertThat(config.kafka().topics())
                .containsExactly(kafka.at("/create-topics/environment/TOPIC").asText());
        assertThat(config.catalog().warehouse()).startsWith(volumeMountPath(services.path("jobmanager")) + "/");
    }

    @Test
    void bothProcessesWaitForKafkaAndShareTheNamedVolumeTheImagePrepares() throws Exception {
        JsonNode services = services();

        assertThat(services.at("/jobmanager/depends_on/kafka/condition").asText())
                .isEqualTo("service_healthy");
        assertThat(services.at("/jobmanager/depends_on/create-topics/condition").asText())
                .isEqualTo("service_completed_successfully");
        assertThat(services.at("/taskmanager/depends_on/kafka/condition").asText())
                .isEqualTo("service_healthy");
        assertThat(services.at("/taskmanager/depends_on/jobmanager").isMissingNode())
                .isFalse();
        services.at("/jobmanager/depends_on")
                .fieldNames()
                .forEachRemaining(
                        name -> assertThat(services.has(name)).as(name).isTrue());
        assertThat(YAML.readTree(FLINK.toFile()).path("volumes").has(VOLUME)).isTrue();
        String mount = volumeMountPath(services.path("jobmanager"));
        assertThat(volumeMountPath(services.path("taskmanager"))).isEqualTo(mount);
        // Docker seeds an empty named volume with the image directory's owner: the image must create it for flink.
        String run = String.join("\n", Dockerfiles.all(Dockerfiles.read(DeploymentContract.DOCKERFILE), "RUN"));
        assertThat(run).contains("chown -R flink:flink " + mount);
    }

    @Test
    void flinkPropertiesAreFlinkOptionsTheSameForBothProcessesWithStateOnTheVolume() throws Exception {
        JsonNode services = services();
        Map<String, String> jobManager = flinkProperties(services.path("jobmanager"));
        String mount = volumeMountPath(services.path("jobmanager"));

        assertThat(flinkProperties(services.path("taskmanager"))).isEqualTo(jobManager);
        assertThat(jobManager.keySet())
                .allSatisfy(key -> assertThat(FlinkOptionKeys.isKnown(key))
                        .as("Flink option %s", key)
                        .isTrue());
        assertThat(jobManager)
                .containsEntry("jobmanager.rpc.address", "jobmanager")
                .containsEntry("state.checkpoints.dir", "file://" + mount + "/checkpoints")
                .containsEntry("state.savepoints.dir", "file://" + mount + "/savepoints")
                .containsEntry(
                        "metrics.reporter.prom.factory.class",
                        org.apache.flink.metrics.prometheus.PrometheusReporterFactory.class.getName());
        String port = jobManager.get("metrics.reporter.prom.port");
        assertThat(texts(services.at("/jobmanager/ports"))).contains(port + ":" + port);
        assertThat(texts(services.at("/taskmanager/ports"))).anyMatch(p -> p.endsWith(":" + port));
    }

    @Test
    void theRestoreFileOnlyAddsFromSavepointBeforeTheJobsArguments() throws Exception {
        List<String> start = texts(services().at("/jobmanager/command"));
        List<String> restore = texts(YAML.readTree(RESTORE.toFile()).at("/services/jobmanager/command"));

        int config = start.indexOf(JobArguments.CONFIG);
        List<String> expected = new ArrayList<>(start.subList(0, config));
        expected.add("--fromSavepoint");
        expected.add(restore.get(config + 1));
        expected.addAll(start.subList(config, start.size()));
        assertThat(restore).isEqualTo(expected);
        assertThat(restore.get(config + 1)).startsWith("${FROM_SAVEPOINT:?");
    }

    /** The Kafka file's services overlaid with the Flink file's, as {@code docker compose -f a -f b} merges them. */
    private static JsonNode services() throws Exception {
        ObjectNode merged = (ObjectNode) YAML.readTree(KAFKA.toFile()).path("services");
        YAML.readTree(FLINK.toFile()).path("services").fields().forEachRemaining(e -> {
            assertThat(merged.has(e.getKey()))
                    .as("%s is defined once", e.getKey())
                    .isFalse();
            merged.set(e.getKey(), e.getValue());
        });
        return merged;
    }

    /** FLINK_PROPERTIES as the image's entrypoint reads it: every space removed, split at the first ':'. */
    private static Map<String, String> flinkProperties(JsonNode service) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : service.at("/environment/FLINK_PROPERTIES").asText().split("\n")) {
            String prop = line.replaceAll("\\s", "");
            if (!prop.isEmpty()) {
                int colon = prop.indexOf(':');
                assertThat(colon).as(line).isPositive();
                assertThat(out.put(prop.substring(0, colon), prop.substring(colon + 1)))
                        .as("%s set twice", line)
                        .isNull();
            }
        }
        return out;
    }

    /** The program arguments: what follows the standalone-job options (Flink's parser stops at the first unknown). */
    private static String[] jobArguments(List<String> command) {
        int first = command.indexOf(JobArguments.CONFIG);
        assertThat(first).isPositive();
        return command.subList(first, command.size()).toArray(String[]::new);
    }

    private static String bindSource(JsonNode service, String target) {
        for (String volume : texts(service.path("volumes"))) {
            String[] parts = volume.split(":");
            if (parts[1].equals(target)) {
                return parts[0];
            }
        }
        throw new AssertionError(target + " is not mounted");
    }

    private static String volumeMountPath(JsonNode service) {
        for (String volume : texts(service.path("volumes"))) {
            String[] parts = volume.split(":");
            if (parts[0].equals(VOLUME)) {
                return parts[1];
            }
        }
        throw new AssertionError("named volume " + VOLUME + " is not mounted");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
