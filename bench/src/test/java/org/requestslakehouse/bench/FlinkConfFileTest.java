package org.requestslakehouse.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlinkConfFileTest {

    @Test
    void aFlinkSettingIsAddedOrReplacesTheBenchsOwn(@TempDir Path dir) throws Exception {
        BenchSettings settings = settings(
                List.of("state.backend.rocksdb.use-bloom-filter=true", "execution.checkpointing.min-pause = 500 ms"));

        Path conf = FlinkConfFile.write(dir, settings, 8123);

        assertThat(Files.readAllLines(conf.resolve("config.yaml")))
                .contains(
                        "state.backend.rocksdb.use-bloom-filter: true",
                        "execution.checkpointing.min-pause: 500 ms",
                        "taskmanager.memory.managed.size: 512m",
                        "rest.port: 8123")
                .doesNotContain("execution.checkpointing.min-pause: 2 s");
    }

    @Test
    void aSettingWithoutAValueIsRefusedBeforeAnythingRuns() {
        assertThatThrownBy(() -> settings(List.of("state.backend.rocksdb.use-bloom-filter")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key=value");
    }

    private static BenchSettings settings(List<String> flinkSettings) {
        return new BenchSettings(
                1_000,
                42,
                Duration.ofSeconds(10),
                "rocksdb",
                "512m",
                2,
                0.5,
                Duration.ofSeconds(60),
                EnumSet.of(BenchSettings.Part.JOB),
                1,
                "1g",
                List.of(),
                List.of(),
                flinkSettings,
                Path.of("target/bench-peer"),
                Path.of("/tmp/bench"));
    }
}
