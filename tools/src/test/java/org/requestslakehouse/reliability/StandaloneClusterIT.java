package org.requestslakehouse.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.config.RuntimeSettings;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;
import org.requestslakehouse.testing.KafkaBrokerExtension;

/**
 * The job jar users deploy (the MSF jar, with no Flink runtime in it) on a real multi-process Flink cluster: a
 * standalone session cluster of one JobManager and two TaskManager JVMs whose classpath is a Flink distribution's
 * lib/ only, so every connector and Iceberg class comes from the submitted jar. Submitted as {@code flink run} does
 * (REST jar upload and run of {@code LakehouseJobMain} with {@code --set} arguments; checkpointing from the cluster's
 * configuration), fed through Kafka. One TaskManager is killed with SIGKILL after a completed checkpoint and replaced;
 * the job is then stopped with a savepoint and resubmitted from it with a higher parallelism. Every table must end
 * exact: each message once in bronze (and in quarantine when rejected), each case once in silver, gold equal to
 * {@code verify}'s recomputation.
 *
 * <p>Runs in failsafe, after {@code package} builds the jar.
 */
class StandaloneClusterIT {
    /** The thin job jar the job module packages (Flink provided), as a user submits it with {@code flink run}. */
    private static final Path JOB_JAR =
            Paths.get(System.getProperty("job.jar", "job/target/requests-lakehouse-job.jar"));

    private static final Path CLUSTER_CLASSPATH =
            Paths.get(System.getProperty("flink.cluster.classpath", "tools/target/flink-cluster.classpath"));
    private static final String ENTRY_CLASS = "org.requestslakehouse.job.LakehouseJobMain";
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(5);
    private static final int CASES = 4_000;
    private static final int PART = 2_500;
    private static final int FIRST_PARALLELISM = 2;
    private static final int RESCALED_PARALLELISM = 3;
    private static final Set<String> ENDED = Set.of("FAILED", "CANCELED", "FINISHED", "SUSPENDED");

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @Test
    void theJobJarSurvivesATaskManagerKillAndARescaleFromASavepointWithNoLossAndNoDuplicates(@TempDir Path tmp)
            throws Exception {
        Stopwatch took = Stopwatch.start();
        String topic = "standalone-cluster";
        KAFKA.createTopic(topic, RESCALED_PARALLELISM);
        Map<String, String> settings = SuiteConfigs.kafkaSettings(tmp, KAFKA.bootstrapServers(), topic);
        // Checkpointing and parallelism are the cluster's and the submission's: the job config leaves them out.
        settings.keySet().removeIf(key -> key.startsWith(RuntimeSettings.GROUP + "."));
        JobConfig config = SuiteConfigs.kafka(tmp, KAFKA.bootstrapServers(), topic);
        List<String> programArgs = new ArrayList<>();
        settings.forEach((key, value) -> programArgs.addAll(List.of("--set", key + "=" + value)));
        Path csv = LifecycleFeed.generate(tmp, "cases", CASES, 61);

        try (StandaloneFlinkCluster cluster = StandaloneFlinkCluster.start(
                        tmp.resolve("cluster"),
                        CLUSTER_CLASSPATH,
                        2,
                        Map.of(
                                "state.backend.type", "hashmap",
                                "execution.checkpointing.interval", "2 s",
                                "state.checkpoints.dir",
                                        tmp.resolve("checkpoints").toUri().toString(),
                                "cluster.evenly-spread-out-slots", "true",
                                // Until the JobManager declares the killed TaskManager lost, restarts that place tasks
                                // on it fail
                                // again: a busy machine can take many such attempts, bounded here by the steps'
                                // deadlines instead.
                                "restart-strategy.type", "fixed-delay",
                                "restart-strategy.fixed-delay.attempts", "100",
                                "restart-strategy.fixed-delay.delay", "2 s"));
                LifecycleFeed feed = new LifecycleFeed(csv, KAFKA.bootstrapServers(), topic, config.parse())) {
            Process doomed = cluster.startTaskManager();
            cluster.startTaskManager();
            step(cluster, "two TaskManagers registered", () -> cluster.hasTaskManagers(2));
            String jarId = cluster.uploadJar(JOB_JAR);
            String first = cluster.run(jarId, ENTRY_CLASS, programArgs, FIRST_PARALLELISM, null);

            feed.publish(PART);
            // Slots are spread evenly, so both TaskManagers run tasks: the kill must make the job restore.
            step(
                    cluster,
                    "a completed checkpoint and committed rows",
                    () -> notEnded(cluster, first)
                            && cluster.checkpoints(first)
                                            .path("counts")
                                            .path("completed")
                                            .asInt()
                                    >= 1
                            && bronzeRows(config) > 0);
            long bronzeAtKill = bronzeRows(config);
            StandaloneFlinkCluster.kill(doomed);
            cluster.startTaskManager();
            step(cluster, "a restore from a checkpoint and a checkpoint after it", () -> {
                JsonNode checkpoints = cluster.checkpoints(first);
                JsonNode latest = checkpoints.path("latest");
                return notEnded(cluster, first)
                        && checkpoints.path("counts").path("restored").asInt() >= 1
                        && latest.path("completed").path("id").asLong()
                                > latest.path("restored").path("id").asLong();
            });
            int restoresAfterKill =
                    cluster.checkpoints(first).path("counts").path("restored").asInt();

            feed.publish(PART);
            String trigger = cluster.stopWithSavepoint(first, tmp.resolve("savepoints"));
            AtomicReference<String> savepoint = new AtomicReference<>();
            step(cluster, "the stop-with-savepoint to complete", () -> {
                savepoint.set(cluster.savepointLocation(first, trigger));
                return savepoint.get() != null;
            });
            step(cluster, "the first job to finish", () -> "FINISHED".equals(cluster.jobState(first)));

            String second = cluster.run(jarId, ENTRY_CLASS, programArgs, RESCALED_PARALLELISM, savepoint.get());
            step(cluster, "the rescaled job restored from the savepoint", () -> {
                JsonNode restored = cluster.checkpoints(second).path("latest").path("restored");
                return notEnded(cluster, second)
                        && restored.path("is_savepoint").asBoolean()
                        && restored.path("external_path").asText().equals(savepoint.get());
            });
            feed.publish(Long.MAX_VALUE);
            long events = feed.published();

            ExpectedTables expected = ExpectedTables.fromTopic(KAFKA.client(), topic, config.parse());
            LakehouseVerdict verdict = withLogs(
                    cluster,
                    () -> LakehouseVerdict.awaitExactlyOnce(
                            config, expected, STEP_TIMEOUT, () -> !notEnded(cluster, second)));
            System.out.printf(
                    Locale.ROOT,
                    "Standalone cluster: %,d events; 1 TaskManager killed with %,d rows committed to bronze, "
                            + "%d restore(s) from a checkpoint; stop-with-savepoint, resubmitted with parallelism %d -> %d from %s "
                            + "(test %s)%n%s%n",
                    events,
                    bronzeAtKill,
                    restoresAfterKill,
                    FIRST_PARALLELISM,
                    RESCALED_PARALLELISM,
                    savepoint.get(),
                    took,
                    verdict);
            assertThat(bronzeAtKill)
                    .as("rows committed when the TaskManager was killed")
                    .isLessThan(events);
            verdict.assertExact();
        }
    }

    private static boolean notEnded(StandaloneFlinkCluster cluster, String jobId) {
        if (!cluster.jobManagerAlive()) {
            return false;
        }
        String state = cluster.jobState(jobId);
        return state == null || !ENDED.contains(state);
    }

    private static long bronzeRows(JobConfig config) {
        return TableContents.committedRecords(config.catalog(), LakehouseTable.RAW_EVENTS);
    }

    private static void step(StandaloneFlinkCluster cluster, String what, Callable<Boolean> condition) {
        withLogs(cluster, () -> {
            await(what)
                    .atMost(STEP_TIMEOUT)
                    .pollInterval(Duration.ofMillis(500))
                    .failFast("the JobManager process exited", () -> !cluster.jobManagerAlive())
                    .until(condition);
            return null;
        });
    }

    /** A wait that times out or fails fast carries the cluster's process logs. */
    private static <T> T withLogs(StandaloneFlinkCluster cluster, Callable<T> wait) {
        try {
            return wait.call();
        } catch (ConditionTimeoutException | TerminalFailureException | AssertionError e) {
            throw new AssertionError(e.getMessage() + "\ncluster logs:" + cluster.logs(), e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
