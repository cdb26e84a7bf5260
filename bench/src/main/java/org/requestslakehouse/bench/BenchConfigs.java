package org.requestslakehouse.bench;

import java.nio.file.Path;
import java.util.Map;
import org.requestslakehouse.config.CatalogConfig;
import org.requestslakehouse.config.ConfigLoader;
import org.requestslakehouse.config.JobConfig;

/** Job configurations of the benchmark's parts: every part reads Kafka and writes a local catalog. */
final class BenchConfigs {
    private BenchConfigs() {}

    static JobConfig kafkaToWarehouse(String bootstrapServers, String topic, Path warehouse) {
        return ConfigLoader.load(
                null,
                Map.of(
                        "source.type",
                        "kafka",
                        "kafka.bootstrap-servers",
                        bootstrapServers,
                        "kafka.topics",
                        topic,
                        "catalog.warehouse",
                        warehouse.toString()));
    }

    /** The catalog a part wrote to, for reading its tables back. */
    static CatalogConfig catalog(Path warehouse) {
        return ConfigLoader.load(null, Map.of("source.type", "kafka", "catalog.warehouse", warehouse.toString()))
                .catalog();
    }

    /** The job's defaults, for the settings the benchmark does not change. */
    static JobConfig defaults() {
        return ConfigLoader.load(null, Map.of("source.type", "kafka"));
    }
}
