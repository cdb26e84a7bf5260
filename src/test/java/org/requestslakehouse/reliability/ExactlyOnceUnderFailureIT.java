package org.requestslakehouse.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.checkpoint.AbstractCheckpointStats;
import org.apache.flink.runtime.checkpoint.CheckpointStatsCounts;
import org.apache.flink.runtime.checkpoint.FailedCheckpointStats;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.InternalMiniClusterExtension;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.testing.KafkaBrokerExtension;

/**
 * The whole job (Kafka source, bronze, silver, quarantine, gold) on a mini-cluster with exactly-once checkpoints,
 * reading over 200,000 events from a real Kafka broker while failures are injected at random points: a task
 * exception in each task of the topology, a checkpoint that fails and one that expires, an Iceberg writer that
 * cannot create a file, a refused commit, commits whose outcome is lost, and TaskManagers shut down mid-stream.
 * At the end every table is exactly what the input dictates: each message once in bronze, each malformed one once
 * in quarantine, the winning version of each case once in silver, and gold equal to {@code verify}'s batch
 * recomputation.
 *
 * <p>Two TaskManagers with one slot each, so each runs one half of the job and losing either one hits it. The seed
 * of the fault plan is printed; {@code -Dfaults.seed=N} replays the same plan (the timing of a run never repeats).
 */
class ExactlyOnceUnderFailureIT {
    /** 205,281 messages: an OPENED event for every case, a CLOSED one for most, 411 malformed ones. */
    private static final int CASES = 110_000;
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(8);

    @RegisterExtension
    static final InternalMiniClusterExtension FLINK = new InternalMiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(2)
                    .setNumberSlotsPerTaskManager(1)
                    .setConfiguration(MiniClusterJobs.clusterConfiguration())
                    .build());

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @AfterEach
    void noFaultsLeft() {
        Faults.clear();
    }

    @Test
    void everyEventLandsExactlyOnceThroughInjectedFailures(@TempDir Path tmp) throws Exception {
        long seed = Long.getLong("faults.seed", System.nanoTime());
        String topic = "failures";
        KAFKA.createTopic(topic, 2);
        JobConfig config = SuiteConfigs.kafkaWithFaultyCatalog(tmp, KAFKA.bootstrapServers(), topic);
        Stopwatch setup = Stopwatch.start();
        long events = LifecycleFeed.publishAll(LifecycleFeed.generate(tmp, "cases", CASES, 311),
                KAFKA.bootstrapServers(), topic, config.parse());
        assertThat(events).isGreaterThanOrEqualTo(200_000);
        ExpectedTables expected = ExpectedTables.fromTopic(KAFKA.client(), topic, config.parse());
        System.out.println("Input generated, published and read back in " + setup);

        List<Fault> plan = FaultPlan.random(seed, events);
        Faults.install(plan);
        System.out.printf(Locale.ROOT, "Fault plan (seed %d, -Dfaults.seed to repeat):%n", seed);
        plan.forEach(f -> System.out.println("  " + f));

        MiniCluster cluster = FLINK.getMiniCluster();
        Stopwatch run = Stopwatch.start();
        JobID job = MiniClusterJobs.submit(cluster, MiniClusterJobs.faultInjectingJob(config));
        injectTestSideFaults(cluster, job);
        await("every planned fault fired").atMost(RUN_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .failFast("the job ended", MiniClusterJobs.ended(cluster, job))
                .until(() -> Faults.plan().stream().allMatch(Fault::fired));
        LakehouseVerdict verdict = LakehouseVerdict.awaitExactlyOnce(config, expected, RUN_TIMEOUT, MiniClusterJobs.ended(cluster, job));
        CheckpointStatsCounts checkpoints = MiniClusterJobs.checkpoints(cluster, job);
        MiniClusterJobs.cancel(cluster, job);

        System.out.printf(Locale.ROOT,
                "Exactly-once under failure: %,d events (%,d cases, %,d malformed), %d faults injected, "
                        + "%d restores from checkpoint, %d checkpoints completed, %d failed, %,d records read "
                        + "(%,d re-read after restarts); submit to exact tables: %s%n%s%n",
                events, expected.silver.size(), expected.rejected.size(), plan.size(),
                checkpoints.getNumberOfRestoredCheckpoints(), checkpoints.getNumberOfCompletedCheckpoints(),
                checkpoints.getNumberOfFailedCheckpoints(), Faults.progress(), Faults.progress() - events, run, verdict);
        plan.forEach(f -> System.out.println("  " + f));
        verdict.assertExact();
        assertThat(checkpoints.getNumberOfRestoredCheckpoints()).as("restores from checkpoint").isPositive();
    }

    /**
     * The faults the test itself brings about, each as soon as it can: a lost TaskManager when its count is reached
     * (the one that has run longest is shut down and a fresh one started, so the job can come back at full
     * parallelism), and the end of a stalled snapshot once its checkpoint has expired. No TaskManager is lost while
     * a snapshot stalls: that would end the stalled checkpoint by a restart instead of by its timeout.
     */
    private static void injectTestSideFaults(MiniCluster cluster, JobID job) throws Exception {
        List<Fault> pending = new ArrayList<>(Faults.plan().stream()
                .filter(f -> f.kind() == FaultKind.TASK_MANAGER_LOSS || f.kind() == FaultKind.CHECKPOINT_EXPIRY)
                .toList());
        TaskManagers taskManagers = new TaskManagers(cluster);
        while (!pending.isEmpty()) {
            await("one of " + pending).atMost(RUN_TIMEOUT).pollInterval(Duration.ofMillis(50))
                    .failFast("the job ended", MiniClusterJobs.ended(cluster, job))
                    .until(() -> canInjectAny(pending, cluster, job));
            for (Iterator<Fault> it = pending.iterator(); it.hasNext(); ) {
                Fault fault = it.next();
                if (canInject(fault, cluster, job)) {
                    if (fault.kind() == FaultKind.TASK_MANAGER_LOSS) {
                        assertThat(fault.fire(Faults.progress())).isTrue();
                        taskManagers.replaceOldest();
                        it.remove();
                    } else if (stalledCheckpointExpired(cluster, job)) {
                        Faults.releaseStalledSnapshot();
                        it.remove();
                    } else {
                        // The stalled checkpoint was aborted for another reason before its timeout (a restart or
                        // a decline racing the stall): let the snapshot go and stall a later checkpoint.
                        fault.rearm();
                        Faults.releaseStalledSnapshot();
                    }
                }
            }
        }
    }

    private static boolean canInjectAny(List<Fault> faults, MiniCluster cluster, JobID job) throws Exception {
        for (Fault fault : faults) {
            if (canInject(fault, cluster, job)) {
                return true;
            }
        }
        return false;
    }

    private static boolean canInject(Fault fault, MiniCluster cluster, JobID job) throws Exception {
        if (fault.kind() == FaultKind.TASK_MANAGER_LOSS) {
            return Faults.progress() >= fault.afterEvents() && Faults.stalledCheckpoint() < 0;
        }
        return fault.fired() && stalledCheckpointFailure(cluster, job) != null;
    }

    private static boolean stalledCheckpointExpired(MiniCluster cluster, JobID job) throws Exception {
        FailedCheckpointStats failed = stalledCheckpointFailure(cluster, job);
        return failed != null && String.valueOf(failed.getFailureMessage()).toLowerCase(Locale.ROOT).contains("expired");
    }

    /** How the checkpoint that a snapshot is stalling failed, or null while none stalls or it has not failed yet. */
    private static FailedCheckpointStats stalledCheckpointFailure(MiniCluster cluster, JobID job) throws Exception {
        long stalled = Faults.stalledCheckpoint();
        if (stalled < 0) {
            return null;
        }
        AbstractCheckpointStats stats = MiniClusterJobs.checkpointStats(cluster, job).getHistory().getCheckpointById(stalled);
        return stats instanceof FailedCheckpointStats failed ? failed : null;
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
