package org.requestslakehouse.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The key registry the deployment tests rely on tells Flink's keys from typos. */
class FlinkOptionKeysTest {

    @Test
    void knowsFlinksKeysTheirOldNamesAndReporterOptionsAndNothingElse() {
        assertThat(FlinkOptionKeys.size()).isGreaterThan(500);
        assertThat(FlinkOptionKeys.isKnown("execution.checkpointing.interval")).isTrue();
        assertThat(FlinkOptionKeys.isKnown("state.checkpoints.dir"))
                .as("deprecated name of execution.checkpointing.dir")
                .isTrue();
        assertThat(FlinkOptionKeys.isKnown("high-availability.type")).isTrue();
        assertThat(FlinkOptionKeys.isKnown("state.backend.rocksdb.memory.managed"))
                .as("from the RocksDB jar")
                .isTrue();
        assertThat(FlinkOptionKeys.isKnown("metrics.reporter.prom.factory.class"))
                .isTrue();
        assertThat(FlinkOptionKeys.isKnown("metrics.reporter.prom.port")).isTrue();

        assertThat(FlinkOptionKeys.isKnown("execution.checkpointing.intervall")).isFalse();
        assertThat(FlinkOptionKeys.isKnown("state.checkpoint.dir")).isFalse();
        assertThat(FlinkOptionKeys.isKnown("metrics.reporter.prom.prot")).isFalse();
        assertThat(FlinkOptionKeys.isKnown("metrics.reporters.prom.port")).isFalse();
        assertThat(FlinkOptionKeys.isKnown("metrics.reporter.prom.<parameter>")).isFalse();
    }
}
