package org.requestslakehouse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Flink configuration of a benchmarked job: the settings of {@code flink-conf/config.yaml} that shape
 * performance (state backend and its managed memory, incremental checkpoints, pause between checkpoints, buffer
 * debloating, two slots) and any {@code --flink-setting}, with the REST port
 * the benchmark reads checkpoint statistics from, and without the fixed web UI and metrics ports that another job
 * on the machine could hold.
 */
final class FlinkConfFile {
    private FlinkConfFile() {}

    static Path write(Path dir, BenchSettings settings, int restPort) throws IOException {
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("state.backend.type", settings.stateBackend());
        conf.put("execution.checkpointing.incremental", "true");
        conf.put("taskmanager.network.memory.buffer-debloat.enabled", "true");
        conf.put("taskmanager.memory.managed.size", settings.managedMemory());
        conf.put("execution.checkpointing.min-pause", "2 s");
        conf.put("execution.checkpointing.timeout", "5 min");
        conf.put("execution.checkpointing.tolerable-failed-checkpoints", "3");
        conf.put("taskmanager.numberOfTaskSlots", Integer.toString(settings.parallelism()));
        conf.put("rest.port", Integer.toString(restPort));
        conf.put("rest.bind-address", "localhost");
        for (String setting : settings.flinkSettings()) {
            int eq = setting.indexOf('=');
            conf.put(setting.substring(0, eq).trim(), setting.substring(eq + 1).trim());
        }
        Files.createDirectories(dir);
        Files.writeString(
                dir.resolve("config.yaml"),
                conf.entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue())
                        .collect(Collectors.joining("\n", "", "\n")));
        return dir;
    }
}
