package org.requestslakehouse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The declarations are the settings: every key the configuration reads is declared, and every declared key read. */
class SettingsTest {

    @Test
    void theConfigurationReadsExactlyTheDeclaredSettings() {
        Set<String> declared = Settings.all().stream()
                .map(s -> s.isPrefix() ? s.qualified() + "*" : s.qualified())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(read()).isEqualTo(declared);
    }

    @Test
    void everyGroupTheConfigurationAcceptsIsDeclaredOnce() {
        assertThat(Settings.GROUPS.stream().map(SettingGroup::id))
                .containsExactly("source", "kafka", "kinesis", "catalog", "parse", "job", "gold", "maintenance");
        assertThat(Settings.all()).hasSize(72);
    }

    @Test
    void theDeclaredDefaultsAreTheConfigurationsDefaults() {
        JobConfig defaults = ConfigLoader.load(null, Map.of(SourceSettings.TYPE.qualified(), "kafka"));

        assertThat(defaults.parse()).isEqualTo(ParseConfig.defaults());
        assertThat(defaults.gold()).isEqualTo(GoldConfig.defaults());
        assertThat(defaults.kafka().topics()).isEqualTo(KafkaSettings.TOPICS.defaultValue());
        assertThat(defaults.maintenance().rewrite().maxBytes())
                .isEqualTo(MaintenanceSettings.REWRITE_MAX_BYTES.defaultValue().getBytes());
    }

    @Test
    void aSettingIsReadOnlyFromItsOwnGroup() {
        PropertyGroup kafka = new PropertyGroup(KafkaSettings.GROUP, Map.of());

        assertThatThrownBy(() -> kafka.string(KinesisSettings.STREAM))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Setting kinesis.stream read from group kafka");
    }

    @Test
    void aSettingNamesItselfWithAValueAsSetWouldTakeIt() {
        assertThat(KafkaSettings.STARTING_OFFSETS.is(KafkaConfig.StartingOffsets.TIMESTAMP))
                .isEqualTo("kafka.starting-offsets=timestamp");
        assertThat(KinesisSettings.INITIAL_POSITION.is(KinesisConfig.InitialPosition.AT_TIMESTAMP))
                .isEqualTo("kinesis.initial-position=at-timestamp");
        assertThat(RuntimeSettings.CHECKPOINT_INTERVAL.is(RuntimeSettings.CHECKPOINT_INTERVAL.defaultValue()))
                .isEqualTo("job.checkpoint-interval=10 s");
    }

    /** Every key the typed configuration reads, pass-through prefixes as {@code group.prefix*}. */
    static Set<String> read() {
        Map<String, Consumer<PropertyGroup>> groups = new LinkedHashMap<>();
        groups.put(SourceSettings.GROUP, g -> SourceConfig.from(g));
        groups.put(KafkaSettings.GROUP, g -> KafkaConfig.from(g));
        groups.put(KinesisSettings.GROUP, g -> KinesisConfig.from(g, false));
        groups.put(CatalogSettings.GROUP, g -> CatalogConfig.from(g));
        groups.put(ParseSettings.GROUP, g -> ParseConfig.from(g));
        groups.put(RuntimeSettings.GROUP, g -> RuntimeConfig.from(g));
        groups.put(GoldSettings.GROUP, g -> GoldConfig.from(g));
        groups.put(MaintenanceSettings.GROUP, g -> MaintenanceConfig.from(g));
        Set<String> keys = new TreeSet<>();
        groups.forEach((id, read) -> {
            PropertyGroup g = new PropertyGroup(
                    id, id.equals(SourceSettings.GROUP) ? Map.of(SourceSettings.CSV_PATHS.key(), "in.csv") : Map.of());
            read.accept(g);
            g.knownKeys().forEach(k -> keys.add(g.qualified(k)));
        });
        return keys;
    }
}
