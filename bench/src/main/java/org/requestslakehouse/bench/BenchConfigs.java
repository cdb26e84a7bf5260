package org.requestslakehouse.bench;

import java.nio.file.Path;
import java.util.Map;
import org.requestslakehouse.config.CatalogConfig;
import org.requestslakehouse.config.CatalogSettings;
import org.requestslakehouse.config.ConfigLoader;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.config.KafkaSettings;
import org.requestslakehouse.config.Setting;
import org.requestslakehouse.config.SourceConfig.SourceType;
import org.requestslakehouse.config.SourceSettings;

/** Job configurations of the benchmark's parts: every part reads Kafka and writes a local catalog. */
final class BenchConfigs {
    private static final String KAFKA = Setting.text(SourceType.KAFKA);

    private BenchConfigs() {}

    static JobConfig kafkaToWarehouse(String bootstrapServers, String topic, Path warehouse) {
        return ConfigLoader.load(
                null,
                Map.of(
                        SourceSettings.TYPE.qualified(),
                        KAFKA,
                        KafkaSettings.BOOTSTRAP_SERVERS.qualified(),
                        bootstrapServers,
                        KafkaSettings.TOPICS.qualified(),
                        topic,
                        CatalogSettings.WAREHOUSE.qualified(),
                        warehouse.toString()));
    }

    /** The catalog a part wrote to, for reading its tables back. */
    static CatalogConfig catalog(Path warehouse) {
        return ConfigLoader.load(
                        null,
                        Map.of(
                                SourceSettings.TYPE.qualified(),
                                KAFKA,
                                CatalogSettings.WAREHOUSE.qualified(),
                                warehouse.toString()))
                .catalog();
    }

    /** The job's defaults, for the settings the benchmark does not change. */
    static JobConfig defaults() {
        return ConfigLoader.load(null, Map.of(SourceSettings.TYPE.qualified(), KAFKA));
    }
}
