package org.requestslakehouse.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.requestslakehouse.config.JobConfig;

/**
 * The environment every MiniCluster test runs in: without checkpointing a bounded run would commit only at the end
 * of input and no test would see a checkpoint; with Flink's default restart strategy a failure would be retried away.
 */
class TestJobsTest {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = TestJobs.miniCluster();

    @Test
    void theEnvironmentCheckpointsExactlyOnceAtTheJobsIntervalAndNeverRestarts() {
        JobConfig config = TestJobs.config(
                Path.of("/tmp/warehouse"), Map.of("source.type", "kafka", "job.checkpoint-interval", "3 s"));

        StreamExecutionEnvironment env = TestJobs.environment(config);

        assertThat(env.getCheckpointConfig().isCheckpointingEnabled()).isTrue();
        assertThat(env.getCheckpointConfig().getCheckpointInterval()).isEqualTo(3_000L);
        assertThat(env.getCheckpointConfig().getCheckpointingConsistencyMode())
                .isEqualTo(CheckpointingMode.EXACTLY_ONCE);
        assertThat(env.getConfiguration().get(RestartStrategyOptions.RESTART_STRATEGY))
                .isEqualTo("none");
        assertThat(env.getParallelism()).isEqualTo(TestJobs.PARALLELISM);
    }

    @Test
    void aShortRunsDefaultsGiveWayToTheTestsOwnSettings() {
        JobConfig defaults = TestJobs.config(Path.of("/tmp/warehouse"), TestJobs.csvSource(Real311.all()));
        JobConfig own = TestJobs.config(
                Map.of("source.type", "kafka", "catalog.warehouse", "/tmp/w", "gold.emit-interval", "200 ms"));

        assertThat(defaults.runtime().checkpointInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.gold().emitInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(defaults.source().csvPaths())
                .containsExactlyElementsOf(
                        Real311.all().stream().map(Path::toString).toList());
        assertThat(own.gold().emitInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(own.catalog().warehouse()).isEqualTo("/tmp/w");
    }
}
