package org.requestslakehouse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The parts of Flink's and Kafka Connect's REST answers the benchmark relies on. */
class RestAnswersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theLatestCompletedCheckpointWithItsFullStateSize() throws Exception {
        JsonNode stats = JSON.readTree("""
                {"counts":{"restored":0,"total":4,"in_progress":1,"completed":3,"failed":0},
                 "latest":{"completed":{"className":"completed","id":3,"status":"COMPLETED","state_size":81920,
                                        "checkpointed_size":4096,"end_to_end_duration":310}}}""");

        assertThat(CheckpointWatcher.completedWithState(stats)).isEqualTo(new CheckpointWatcher.Checkpoint(3, 81920));
    }

    @Test
    void aCheckpointWithoutStateOrNoCheckpointAtAllIsNothing() throws Exception {
        assertThat(CheckpointWatcher.completedWithState(JSON.readTree("""
                {"latest":{"completed":{"id":9,"state_size":0}}}"""))).isNull();
        assertThat(CheckpointWatcher.completedWithState(JSON.readTree("""
                {"counts":{"completed":0},"latest":{"completed":null}}"""))).isNull();
    }

    @Test
    void aConnectorRunsWhenItAndEveryExpectedTaskRun() throws Exception {
        JsonNode running = JSON.readTree("""
                {"name":"iceberg-peer","connector":{"state":"RUNNING","worker_id":"w"},
                 "tasks":[{"id":0,"state":"RUNNING"},{"id":1,"state":"RUNNING"}],"type":"sink"}""");

        assertThat(ConnectorStatus.allRunning(running, 2)).isTrue();
        assertThat(ConnectorStatus.allRunning(running, 3)).isFalse();
        assertThat(ConnectorStatus.anyFailed(running)).isFalse();
    }

    @Test
    void oneFailedTaskFailsTheConnector() throws Exception {
        JsonNode failed = JSON.readTree("""
                {"name":"iceberg-peer","connector":{"state":"RUNNING"},
                 "tasks":[{"id":0,"state":"FAILED","trace":"boom"},{"id":1,"state":"RUNNING"}]}""");

        assertThat(ConnectorStatus.allRunning(failed, 2)).isFalse();
        assertThat(ConnectorStatus.anyFailed(failed)).isTrue();
    }
}
