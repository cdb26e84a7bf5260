package org.requestslakehouse.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.job.CheckpointLocator;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;
import org.requestslakehouse.testing.KafkaBrokerExtension;

/**
 * The contract of {@code run --checkpoint-dir DIR} and {@code run --resume latest}, through the real command in
 * its own JVM: the process is killed with SIGKILL mid-stream, restarted with {@code --resume latest}, and every
 * event is then in bronze exactly once (each Kafka partition and offset one row) and every case in silver exactly
 * once, with gold equal to {@code verify}'s recomputation.
 */
class RunCommandKillAndResumeIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @Test
    void aKilledRunResumesFromItsLatestCheckpointWithNoLossAndNoDuplicates(@TempDir Path tmp) throws Exception {
        String topic = "killed-run";
        KAFKA.createTopic(topic, 2);
        JobConfig config = SuiteConfigs.kafka(tmp, KAFKA.bootstrapServers(), topic);
        Path checkpointDir = tmp.resolve("checkpoints");
        Path flinkConf = flinkConf(tmp);
        Path csv = LifecycleFeed.generate(tmp, "cases", 15_000, 53);

        try (LifecycleFeed feed = new LifecycleFeed(csv, KAFKA.bootstrapServers(), topic, config.parse())) {
            feed.publish(10_000);
            long bronzeAtKill;
            Path latestAtKill;
            try (RunCommandProcess first = RunCommandProcess.start(tmp.resolve("first-run.log"), runArguments(tmp, topic, flinkConf, false))) {
                awaitWhileRunning(first, "a retained checkpoint and committed rows",
                        () -> CheckpointLocator.latest(checkpointDir).isPresent() && bronzeRows(config) > 0);
                long before = bronzeRows(config);
                feed.publish(Long.MAX_VALUE);
                awaitWhileRunning(first, "a commit of the second part", () -> bronzeRows(config) > before);
                first.kill();
                bronzeAtKill = bronzeRows(config);
                latestAtKill = CheckpointLocator.latest(checkpointDir).orElseThrow();
            }
            String killedJob = latestAtKill.getParent().getFileName().toString();

            ExpectedTables expected = ExpectedTables.fromTopic(KAFKA.client(), topic, config.parse());
            try (RunCommandProcess second = RunCommandProcess.start(tmp.resolve("second-run.log"), runArguments(tmp, topic, flinkConf, true))) {
                LakehouseVerdict verdict = awaitWhileRunning(second, expected, config);
                System.out.printf(Locale.ROOT, "Killed run: %,d events; killed with %,d of them committed to bronze, resumed from %s%n%s%n",
                        feed.published(), bronzeAtKill, latestAtKill, verdict);
                verdict.assertExact();
            }
            assertThat(bronzeAtKill).as("killed mid-stream").isLessThan(expected.bronze.size());
            // The resumed job continued the killed job's checkpoint numbering: it restored, it did not start afresh.
            String resumedJob = RetainedCheckpoints.jobIds(checkpointDir).stream().filter(id -> !id.equals(killedJob)).findFirst().orElseThrow();
            assertThat(RetainedCheckpoints.of(checkpointDir, resumedJob))
                    .allSatisfy(chk -> assertThat(RetainedCheckpoints.id(chk)).isGreaterThan(RetainedCheckpoints.id(latestAtKill)));
        }
    }

    private static List<String> runArguments(Path tmp, String topic, Path flinkConf, boolean resume) {
        List<String> args = new ArrayList<>(List.of(
                "--source", "kafka",
                "--bootstrap-servers", KAFKA.bootstrapServers(),
                "--topic", topic,
                "--group-id", "reliability-" + topic,
                "--warehouse", tmp.resolve("warehouse").toString(),
                "--checkpoint-dir", tmp.resolve("checkpoints").toString(),
                "--checkpoint-interval", "2s",
                "--parallelism", "2",
                "--flink-conf", flinkConf.toString(),
                "--set", "gold.emit-interval=500ms",
                "--no-summary"));
        if (resume) {
            args.addAll(List.of("--resume", "latest"));
        }
        return args;
    }

    /**
     * The local cluster's settings for the child: heap state and no fixed ports (several builds may share a machine).
     * The repository's flink-conf/ would add RocksDB, the web UI on 8081 and Prometheus ports.
     */
    private static Path flinkConf(Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("flink-conf"));
        Files.writeString(dir.resolve("config.yaml"), String.join("\n",
                "state.backend.type: hashmap",
                "rest.bind-port: \"0\"",
                "restart-strategy.type: fixed-delay",
                "restart-strategy.fixed-delay.attempts: 10",
                "restart-strategy.fixed-delay.delay: 1 s",
                "") );
        return dir;
    }

    private static long bronzeRows(JobConfig config) {
        return TableContents.committedRecords(config.catalog(), LakehouseTable.RAW_EVENTS);
    }

    private static void awaitWhileRunning(RunCommandProcess run, String what, Callable<Boolean> condition) throws Exception {
        try {
            await(what).atMost(TIMEOUT).pollInterval(Duration.ofMillis(200))
                    .failFast("the run exited", () -> !run.isAlive())
                    .until(condition);
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new AssertionError(e.getMessage() + "\nrun log:\n" + run.log(), e);
        }
    }

    private static LakehouseVerdict awaitWhileRunning(RunCommandProcess run, ExpectedTables expected, JobConfig config) throws Exception {
        try {
            return LakehouseVerdict.awaitExactlyOnce(config, expected, TIMEOUT, () -> !run.isAlive());
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new AssertionError(e.getMessage() + "\nrun log:\n" + run.log(), e);
        }
    }
}
