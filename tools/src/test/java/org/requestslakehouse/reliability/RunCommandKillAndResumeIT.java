package org.requestslakehouse.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
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
 * its own JVM: the process is killed with SIGKILL mid-stream, a restart without {@code --resume} is refused, the
 * restart with {@code --resume latest} continues, and every
 * event is then in bronze exactly once (each Kafka partition and offset one row) and every case in silver exactly
 * once, with gold equal to {@code verify}'s recomputation.
 */
class RunCommandKillAndResumeIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @Test
    void aKilledRunResumesFromItsLatestCheckpointWithNoLossAndNoDuplicates(@TempDir Path tmp) throws Exception {
        Stopwatch took = Stopwatch.start();
        String topic = "killed-run";
        KAFKA.createTopic(topic, 2);
        JobConfig config = SuiteConfigs.kafka(tmp, KAFKA.bootstrapServers(), topic);
        Path checkpointDir = tmp.resolve("checkpoints");
        Path flinkConf = RunCommandProcess.localFlinkConf(tmp);
        Path csv = LifecycleFeed.generate(tmp, "cases", 15_000, 53);

        long events = LifecycleFeed.publishAll(csv, KAFKA.bootstrapServers(), topic, config.parse());
        ExpectedTables expected = ExpectedTables.fromTopic(KAFKA.client(), topic, config.parse());
        long bronzeAtKill;
        Path latestAtKill;
        double runsCpuSeconds;
        try (RunCommandProcess first =
                RunCommandProcess.start(tmp.resolve("first-run.log"), runArguments(tmp, topic, flinkConf, false))) {
            // The earliest point with something to resume from: one retained checkpoint, its commit done, and
            // the rest of the input read but not committed, or not read at all.
            first.awaitWhileAlive(
                    TIMEOUT,
                    "a retained checkpoint and committed rows",
                    () -> CheckpointLocator.latest(checkpointDir).isPresent() && bronzeRows(config) > 0);
            runsCpuSeconds = first.cpuSeconds();
            first.kill();
            bronzeAtKill = bronzeRows(config);
            latestAtKill = CheckpointLocator.latest(checkpointDir).orElseThrow();
        }
        assertThat(bronzeAtKill).as("rows committed when the run was killed").isLessThan(events);

        // A plain restart would read the topic from earliest again and archive it twice: it is refused, naming both
        // choices.
        try (RunCommandProcess plain =
                RunCommandProcess.start(tmp.resolve("plain-restart.log"), runArguments(tmp, topic, flinkConf, false))) {
            assertThat(plain.exitCode(TIMEOUT)).as(plain.log()).isEqualTo(2);
            assertThat(plain.log())
                    .contains("Configuration error: " + checkpointDir + " (job.checkpoint-dir) holds checkpoints"
                            + " of a previous job, newest "
                            + latestAtKill
                                    .toUri()
                                    .toString()
                                    .replaceFirst("^file:///", "file:/")
                                    .replaceFirst("/$", ""))
                    .contains(
                            "Continue that job with --resume latest (job.resume=latest), or start over on purpose with --fresh (job.resume=none)");
        }
        assertThat(bronzeRows(config)).as("the refused run wrote nothing").isEqualTo(bronzeAtKill);
        assertThat(RetainedCheckpoints.jobIds(checkpointDir))
                .as("the refused run started no job")
                .hasSize(1);

        try (RunCommandProcess second =
                RunCommandProcess.start(tmp.resolve("second-run.log"), runArguments(tmp, topic, flinkConf, true))) {
            LakehouseVerdict verdict = awaitWhileRunning(second, expected, config);
            runsCpuSeconds += second.cpuSeconds();
            System.out.printf(
                    Locale.ROOT,
                    "Killed run: %,d events; killed with %,d of them committed to bronze, resumed from %s "
                            + "(test %s, the two runs %.1f s CPU)%n%s%n",
                    events,
                    bronzeAtKill,
                    latestAtKill,
                    took,
                    runsCpuSeconds,
                    verdict);
            verdict.assertExact();
        }
        // The resumed job continued the killed job's checkpoint numbering: it restored, it did not start afresh.
        String killedJob = latestAtKill.getParent().getFileName().toString();
        String resumedJob = RetainedCheckpoints.jobIds(checkpointDir).stream()
                .filter(id -> !id.equals(killedJob))
                .findFirst()
                .orElseThrow();
        assertThat(RetainedCheckpoints.of(checkpointDir, resumedJob))
                .isNotEmpty()
                .allSatisfy(chk ->
                        assertThat(RetainedCheckpoints.id(chk)).isGreaterThan(RetainedCheckpoints.id(latestAtKill)));
    }

    private static List<String> runArguments(Path tmp, String topic, Path flinkConf, boolean resume) {
        List<String> args = RunCommandProcess.kafkaRunArguments(tmp, KAFKA.bootstrapServers(), topic, flinkConf);
        if (resume) {
            args.addAll(List.of("--resume", "latest"));
        }
        return args;
    }

    private static long bronzeRows(JobConfig config) {
        return TableContents.committedRecords(config.catalog(), LakehouseTable.RAW_EVENTS);
    }

    private static LakehouseVerdict awaitWhileRunning(RunCommandProcess run, ExpectedTables expected, JobConfig config)
            throws Exception {
        try {
            return LakehouseVerdict.awaitExactlyOnce(config, expected, TIMEOUT, () -> !run.isAlive());
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new AssertionError(e.getMessage() + "\nrun log:\n" + run.log(), e);
        }
    }
}
