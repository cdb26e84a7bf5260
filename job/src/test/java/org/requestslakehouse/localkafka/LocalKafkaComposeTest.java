package org.requestslakehouse.localkafka;

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
import org.requestslakehouse.config.ConfigLoader;
import org.requestslakehouse.config.JobConfig;

/**
 * Docker is not available on the build machines, so the compose file cannot be started here; this keeps it
 * parseable and in step with the job's defaults, which is what a newcomer relies on.
 */
class LocalKafkaComposeTest {
    private static final Path COMPOSE = Paths.get("local-kafka/docker-compose.yml");

    @Test
    void composeFileMatchesTheJobDefaults() throws Exception {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(COMPOSE.toFile());
        JobConfig defaults = ConfigLoader.load(null, Map.of("source.type", "kafka"));

        JsonNode kafka = compose.at("/services/kafka");
        assertThat(kafka.get("image").asText()).startsWith("apache/kafka:");
        assertThat(texts(kafka.get("ports"))).contains("9092:9092");
        assertThat(kafka.at("/environment/KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
        assertThat(kafka.at("/environment/KAFKA_ADVERTISED_LISTENERS").asText())
                .contains("PLAINTEXT://" + defaults.kafka().bootstrapServers());

        JsonNode topics = compose.at("/services/create-topics/environment");
        assertThat(topics.get("TOPIC").asText())
                .isEqualTo(defaults.kafka().topics().get(0));
        assertThat(topics.get("PARTITIONS").asInt()).isEqualTo(2);
        assertThat(compose.at("/services/kafka-ui/profiles/0").asText()).isEqualTo("ui");
    }

    @Test
    void topicScriptIsExecutableAndUsesTheSameDefaults() throws Exception {
        Path script = Paths.get("local-kafka/create-topics.sh");
        String text = Files.readString(script);

        assertThat(Files.isExecutable(script)).isTrue();
        assertThat(text).contains("TOPIC=\"${TOPIC:-service-requests}\"").contains("BOOTSTRAP_SERVERS:-localhost:9092");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
