package org.requestslakehouse.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.checkpoint.CheckpointStatsCounts;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.InternalMiniClusterExtension;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.testing.KafkaBrokerExtension;
import org.requestslakehouse.verify.GoldVerifier;

/**
 * The job {@code run} ships for a streaming Kafka source ({@link MiniClusterJobs#shippedJob}: the production job
 * definition with table maintenance attached, RocksDB, the shipped restart strategy and checkpoint settings) on a
 * mini-cluster, reading events from a real Kafka broker while sixteen faults strike one after the other, in a random
 * order:
 * TaskManagers shut down, Iceberg writers that cannot create a file, sink commits refused or whose outcome is lost,
 * and maintenance rewrites and snapshot expiries that fail to write, are refused, lose their outcome or cannot delete
 * what they freed, while the sinks keep committing to the same tables. At the end every table is exactly what the
 * input dictates: each message once in bronze, each malformed one once in quarantine, the winning version of each
 * case once in silver, and gold passes {@code verify}.
 *
 * <p>The test feeds the topic while the job runs, a slice of the input per fault, and arms each fault just before
 * its slice, so every fault finds the job running and committing. A fault that restarts the job must cause a restart
 * of its own: the next one is armed only once the job runs again and has completed a checkpoint. Should the input
 * given so far all be in bronze before an armed fault struck, more follows in small steps. Faults in table
 * maintenance strike whenever maintenance next reaches them; the test waits for the last of them before it sends
 * the rest of the input.
 *
 * <p>Two TaskManagers with one slot each, so losing either one hits half the job. The seed of the fault order is
 * printed; {@code -Dfaults.seed=N} replays the same order (the timing of a run never repeats).
 *
 * <p>By default 25,000 cases (46,690 messages): the shipped restart strategy's back-off (doubling from 1 s) already
 * makes the run take minutes. {@code -Dfaults.cases=110000} gives the large run (205,281 messages).
 */
class ExactlyOnceUnderFailureIT {
    /** An OPENED event for every case, a CLOSED one for most, and a malformed message every 499. */
    private static final int CASES = Integer.getInteger("faults.cases", 25_000);

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);
    /** The shipped back-off reaches its one-minute cap at the seventh restart; a restore follows it. */
    private static final Duration FAULT_TIMEOUT = Duration.ofMinutes(4);
    /** Input slices: one per fault, the rest of the input kept for small top-ups and the end. */
    private static final int SLICES = 24;

    private static final int TOP_UP = 300;

    @RegisterExtension
    static final InternalMiniClusterExtension FLINK =
            new InternalMiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(2)
                    .setNumberSlotsPerTaskManager(1)
                    .setConfiguration(clusterConfiguration())
                    .build());

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    /**
     * Only what the cluster decides rather than the job: the managed memory RocksDB gets per slot, as the shipped
     * config.yaml gives it (512 MB for two slots).
     */
    private static Configuration clusterConfiguration() {
        Configuration conf = new Configuration();
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("256m"));
        return conf;
    }

    /** Shows which faults fired, also when the test failed waiting for one. */
    @AfterEach
    void noFaultsLeft() {
        Faults.plan().forEach(f -> System.out.println("  " + f));
        Faults.clear();
    }

    @Test
    void everyEventLandsExactlyOnceThroughInjectedFailures(@TempDir Path tmp) throws Exception {
        long seed = Long.getLong("faults.seed", System.nanoTime());
        String topic = "failures";
        KAFKA.createTopic(topic, 2);
        JobConfig config = SuiteConfigs.kafkaWithFaultyCatalogAndMaintenance(tmp, KAFKA.bootstrapServers(), topic);
        Path cases = LifecycleFeed.generate(tmp, "cases", CASES, 311);

        List<Fault> plan = FaultPlan.random(seed);
        Faults.install(plan);
        System.out.printf(Locale.ROOT, "Fault order (seed %d, -Dfaults.seed to repeat):%n", seed);
        plan.forEach(f -> System.out.println("  " + f));

        JobGraph job = MiniClusterJobs.shippedJob(config);
        assertShippedSettings(job.getJobConfiguration());
        MiniCluster cluster = FLINK.getMiniCluster();
        Stopwatch run = Stopwatch.start();
        JobID id = MiniClusterJobs.submit(cluster, job);
        long events;
        try (LifecycleFeed feed = new LifecycleFeed(cases, KAFKA.bootstrapServers(), topic, config.parse())) {
            new Injection(cluster, id, feed, 2L * CASES / SLICES).run(plan);
            feed.publish(Long.MAX_VALUE);
            events = feed.published();
        }
        ExpectedTables expected = ExpectedTables.fromTopic(KAFKA.client(), topic, config.parse());
        LakehouseVerdict verdict = MiniClusterJobs.explainingFailure(
                cluster,
                id,
                () -> LakehouseVerdict.awaitExactlyOnce(
                        config, expected, RUN_TIMEOUT, MiniClusterJobs.ended(cluster, id)));
        CheckpointStatsCounts checkpoints = MiniClusterJobs.checkpoints(cluster, id);
        int restarts = MiniClusterJobs.restarts(cluster, id);
        MiniClusterJobs.cancel(cluster, id);
        boolean verified = GoldVerifier.verify(config, System.out);

        System.out.printf(
                Locale.ROOT,
                "Exactly-once under failure, shipped topology with maintenance: %,d events (%,d cases, %,d malformed), "
                        + "%d faults injected (%d that restart the job), %d restarts, %d restores from checkpoint, "
                        + "%d checkpoints completed, %d failed; commits that succeeded: %d by the sinks, %d rewrites, "
                        + "%d expiries; submit to exact tables: %s%n%s%n",
                events,
                expected.silver.size(),
                expected.rejected.size(),
                plan.size(),
                FaultPlan.restarting(plan),
                restarts,
                checkpoints.getNumberOfRestoredCheckpoints(),
                checkpoints.getNumberOfCompletedCheckpoints(),
                checkpoints.getNumberOfFailedCheckpoints(),
                Faults.commits(Committer.STREAM),
                Faults.commits(Committer.REWRITE),
                Faults.commits(Committer.EXPIRY),
                run,
                verdict);
        verdict.assertExact();
        assertThat(verified)
                .as("verify: gold equals its recomputation from silver")
                .isTrue();
        assertThat(plan).hasSizeGreaterThanOrEqualTo(15);
        assertThat(restarts)
                .as("restarts: at least one of its own for each fault that restarts the job")
                .isGreaterThanOrEqualTo((int) FaultPlan.restarting(plan));
        assertThat(Faults.commits(Committer.REWRITE)).as("rewrite commits").isPositive();
        assertThat(Faults.commits(Committer.EXPIRY)).as("expiry commits").isPositive();
        assertThat(incrementalRocksDbFiles(tmp.resolve("checkpoints"), id))
                .as("RocksDB files in incremental checkpoints")
                .isPositive();
    }

    /** The job carries the shipped state backend and restart strategy itself, so no cluster default can replace them. */
    private static void assertShippedSettings(Configuration job) {
        assertThat(job.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("rocksdb");
        assertThat(job.get(CheckpointingOptions.INCREMENTAL_CHECKPOINTS)).isTrue();
        assertThat(job.get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("exponential-delay");
    }

    /**
     * Files in the checkpoints' shared directory: only RocksDB's incremental snapshots put files there, so the job
     * really ran on the shipped state backend.
     */
    private static long incrementalRocksDbFiles(Path checkpoints, JobID job) throws Exception {
        Path shared = checkpoints.resolve(job.toString()).resolve("shared");
        if (!Files.isDirectory(shared)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(shared)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    /** Arms the faults in order while feeding the job, and sees each one that restarts the job recovered from. */
    private static final class Injection {
        private final MiniCluster cluster;
        private final JobID job;
        private final LifecycleFeed feed;
        private final long slice;
        private final TaskManagers taskManagers;

        Injection(MiniCluster cluster, JobID job, LifecycleFeed feed, long slice) {
            this.cluster = cluster;
            this.job = job;
            this.feed = feed;
            this.slice = slice;
            this.taskManagers = new TaskManagers(cluster);
        }

        void run(List<Fault> plan) throws Exception {
            for (Fault fault : plan) {
                if (FaultPlan.restartsTheJob(fault)) {
                    strikeAndRecover(fault);
                } else {
                    fault.arm();
                    feed.publish(slice);
                }
            }
            awaitWithInput(
                    "every fault in table maintenance fired",
                    () -> plan.stream().allMatch(Fault::fired));
        }

        private void strikeAndRecover(Fault fault) throws Exception {
            Faults.hold(true);
            int restarts = MiniClusterJobs.restarts(cluster, job);
            long progress = Faults.progress();
            fault.arm();
            feed.publish(slice);
            if (fault.kind() == FaultKind.TASK_MANAGER_LOSS) {
                awaitWithInput(fault + ": bronze grows", () -> Faults.progress() > progress);
                assertThat(fault.fire(Faults.progress())).isTrue();
                taskManagers.replaceOldest();
            }
            awaitWithInput(fault + ": fired", fault::fired);
            await(fault + ": a restart of its own")
                    .atMost(FAULT_TIMEOUT)
                    .pollInterval(Duration.ofMillis(100))
                    .failFast("the job ended", MiniClusterJobs.ended(cluster, job))
                    .until(() -> MiniClusterJobs.restarts(cluster, job) > restarts
                            && cluster.getJobStatus(job).get() == JobStatus.RUNNING);
            long completed = MiniClusterJobs.checkpoints(cluster, job).getNumberOfCompletedCheckpoints();
            awaitWithInput(
                    fault + ": a checkpoint completed after its restart",
                    () -> MiniClusterJobs.checkpoints(cluster, job).getNumberOfCompletedCheckpoints() > completed);
            Faults.hold(false);
        }

        /**
         * Waits for {@code condition}, topping the input up whenever bronze holds all of it, so the job keeps
         * committing (and maintenance keeps running) until the condition holds.
         */
        private void awaitWithInput(String what, Callable<Boolean> condition) {
            await(what)
                    .atMost(FAULT_TIMEOUT)
                    .pollInterval(Duration.ofMillis(200))
                    .failFast("the job ended", MiniClusterJobs.ended(cluster, job))
                    .until(() -> {
                        if (condition.call()) {
                            return true;
                        }
                        if (Faults.progress() >= feed.published() && feed.publish(TOP_UP) == 0) {
                            throw new AssertionError("the input ran out before: " + what);
                        }
                        return false;
                    });
        }
    }

    /** The mini-cluster's TaskManagers by index: a terminated one keeps its index, new ones get the next. */
    private static final class TaskManagers {
        private final MiniCluster cluster;
        private final Deque<Integer> running = new ArrayDeque<>(List.of(0, 1));
        private int next = 2;

        TaskManagers(MiniCluster cluster) {
            this.cluster = cluster;
        }

        void replaceOldest() throws Exception {
            cluster.terminateTaskManager(running.removeFirst()).get();
            cluster.startTaskManager();
            running.addLast(next++);
        }
    }
}
