package org.requestslakehouse.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.config.ConfigLoader;
import org.requestslakehouse.config.RuntimeConfig;

/**
 * The environment of every self-managed entry point ({@code run}, {@code demo}, the bench's job process) comes from
 * {@link JobEnvironments#selfManaged}; the job jar's main is covered by {@code LakehouseJobMainTest}.
 */
class JobEnvironmentsTest {

    @Test
    void selfManagedEnvironmentsHandRecordsOverWithoutCopies(@TempDir Path checkpoints) {
        RuntimeConfig runtime = ConfigLoader.load(
                        null, Map.of("source.type", "kafka", "job.checkpoint-dir", checkpoints.toString()))
                .runtime();

        StreamExecutionEnvironment bare = JobEnvironments.selfManaged(runtime, null);
        StreamExecutionEnvironment shipped = JobEnvironments.selfManaged(runtime, Paths.get("flink-conf"));

        assertThat(bare.getConfig().isObjectReuseEnabled()).isTrue();
        assertThat(shipped.getConfig().isObjectReuseEnabled()).isTrue();
    }
}
