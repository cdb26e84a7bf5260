package org.requestslakehouse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

    @Test
    void shippedLocalConfigLoads() {
        JobConfig config = ConfigLoader.load(Paths.get("flink-conf/application_properties.json"), Map.of());

        assertThat(config.source().type()).isEqualTo(SourceConfig.SourceType.KAFKA);
        assertThat(config.kafka().bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(config.kafka().topics()).containsExactly("service-requests");
        assertThat(config.catalog().type()).isEqualTo(CatalogConfig.CatalogType.HADOOP);
        assertThat(config.runtime().checkpointInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.gold().allowedLateness()).isEqualTo(Duration.ofDays(180));
    }

    @Test
    void defaultsNeedOnlyTheCsvInput() {
        JobConfig config = ConfigLoader.load(null, Map.of("source.csv.paths", "a.csv, b.csv"));

        assertThat(config.source().csvPaths()).containsExactly("a.csv", "b.csv");
        assertThat(config.catalog().warehouse()).isEqualTo("./warehouse");
        assertThat(config.parse().maxPayloadBytes()).isEqualTo(256 * 1024);
        assertThat(config.parse().timeZone()).isEqualTo("America/New_York");
        assertThat(config.gold().enabled()).isTrue();
        assertThat(config.gold().emitInterval()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void overridesWinOverTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("props.json");
        Files.writeString(
                file,
                "[{\"PropertyGroupId\":\"gold\",\"PropertyMap\":{\"emit-interval\":\"9 s\",\"enabled\":false}},"
                        + "{\"PropertyGroupId\":\"source\",\"PropertyMap\":{\"csv.paths\":\"x.csv\"}}]");

        JobConfig config = ConfigLoader.load(file, Map.of("gold.emit-interval", "2s"));

        assertThat(config.gold().emitInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.gold().enabled()).isFalse();
    }

    @Test
    void runtimePropertyGroupsFromManagedFlinkLoad() {
        Properties source = new Properties();
        source.setProperty("type", "kafka");
        Properties kafka = new Properties();
        kafka.setProperty("bootstrap-servers", "b-1.msk:9098,b-2.msk:9098");
        kafka.setProperty("security.protocol", "SASL_SSL");
        kafka.setProperty("sasl.mechanism", "AWS_MSK_IAM");

        JobConfig config = ConfigLoader.fromRuntimeProperties(Map.of("source", source, "kafka", kafka), Map.of());

        assertThat(config.kafka().saslMechanism()).isEqualTo("AWS_MSK_IAM");
        assertThat(config.kafka().bootstrapServers()).isEqualTo("b-1.msk:9098,b-2.msk:9098");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "gold.emit-interval|soon|gold.emit-interval",
                "gold.enabled|yes|gold.enabled",
                "job.parallelism|0|job.parallelism",
                "job.checkpoint-interval|10 ms|job.checkpoint-interval",
                "parse.time-zone|Boston/Harbor|parse.time-zone",
                "parse.max-payload-bytes|lots|parse.max-payload-bytes",
                "catalog.type|oracle|catalog.type",
                "catalog.silver-database|Silver-DB|catalog.silver-database",
                "kafka.bootstrap-servers|localhost|kafka.bootstrap-servers",
                "kafka.starting-offsets|yesterday|kafka.starting-offsets",
                "gold.emit-intervall|5s|gold.emit-intervall",
                "silver.anything|1|silver",
            })
    void invalidSettingsFailNamingTheKey(String key, String value, String named) {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("source.csv.paths", "in.csv");
        overrides.put(key, value);

        assertThatThrownBy(() -> ConfigLoader.load(null, overrides))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(named);
    }

    @Test
    void kafkaDefaultsToTheLocalBroker() {
        JobConfig config = ConfigLoader.load(null, Map.of("source.type", "kafka"));

        assertThat(config.kafka().bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(config.kafka().topics()).containsExactly("service-requests");
        assertThat(config.kafka().startingOffsets()).isEqualTo(KafkaConfig.StartingOffsets.EARLIEST);
        assertThat(config.kafka().bounded()).isFalse();
    }

    @Test
    void csvSourceRequiresInput() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("source.csv.paths");
    }

    @Test
    void jdbcCatalogNeedsUriAndGlueNeedsS3Warehouse() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("source.csv.paths", "x", "catalog.type", "jdbc")))
                .hasMessageContaining("catalog.jdbc.uri");
        assertThatThrownBy(() -> ConfigLoader.load(
                        null, Map.of("source.csv.paths", "x", "catalog.type", "glue", "catalog.warehouse", "/tmp/w")))
                .hasMessageContaining("catalog.warehouse");
    }

    @Test
    void saslNeedsCredentialsFromTheEnvironmentNotTheFile() {
        Map<String, String> o = Map.of(
                "source.type",
                "kafka",
                "kafka.bootstrap-servers",
                "h:9096",
                "kafka.security.protocol",
                "SASL_SSL",
                "kafka.sasl.mechanism",
                "SCRAM-SHA-512",
                "kafka.sasl.username",
                "etl");
        assertThatThrownBy(() -> ConfigLoader.load(null, o)).hasMessageContaining("kafka.sasl.password-env");
    }

    @Test
    void resumeLatestNeedsACheckpointDirectory() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("source.csv.paths", "x", "job.resume", "latest")))
                .hasMessageContaining("job.checkpoint-dir");
    }

    @Test
    void malformedFilesAreRejectedWithTheFileName(@TempDir Path dir) throws Exception {
        Path notArray = dir.resolve("a.json");
        Files.writeString(notArray, "{\"source\": {}}");
        Path nested = dir.resolve("b.json");
        Files.writeString(nested, "[{\"PropertyGroupId\":\"gold\",\"PropertyMap\":{\"enabled\":{\"x\":1}}}]");

        assertThatThrownBy(() -> ConfigLoader.load(notArray, Map.of())).hasMessageContaining("a.json");
        assertThatThrownBy(() -> ConfigLoader.load(nested, Map.of())).hasMessageContaining("gold.enabled");
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("missing.json"), Map.of()))
                .hasMessageContaining("missing.json");
    }

    @Test
    void topicsAndPatternAreExclusive() {
        Map<String, String> o = Map.of(
                "source.type",
                "kafka",
                "kafka.bootstrap-servers",
                "h:9092",
                "kafka.topics",
                "a",
                "kafka.topic-pattern",
                "a.*");
        assertThatThrownBy(() -> ConfigLoader.load(null, o)).hasMessageContaining("kafka.topic-pattern");
    }
}
