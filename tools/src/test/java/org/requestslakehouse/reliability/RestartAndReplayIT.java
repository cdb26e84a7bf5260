package org.requestslakehouse.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.InternalMiniClusterExtension;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.iceberg.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.reliability.TableContents.BronzeRow;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;
import org.requestslakehouse.testing.KafkaBrokerExtension;
import org.requestslakehouse.testing.LakehouseAssertions;

/**
 * Planned restarts of the production job (as {@code run} builds it) over a live Kafka stream: stop with a
 * savepoint and come back at another parallelism, restart from an older retained checkpoint, and the same input
 * sent twice. Each ends with every table checked message by message and gold against {@code verify}.
 */
class RestartAndReplayIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @RegisterExtension
    static final InternalMiniClusterExtension FLINK =
            new InternalMiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .setConfiguration(MiniClusterJobs.clusterConfiguration())
                    .build());

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    /**
     * 2 → 1 → 2: keyed state (latest versions, gold contributions and windows) is redistributed over key groups
     * twice, and cases opened before a stop are closed after it, so a lost or duplicated contribution shows in gold.
     */
    @Test
    void stopWithSavepointAndRestartAtAnotherParallelism(@TempDir Path tmp) throws Exception {
        Stopwatch took = Stopwatch.start();
        String topic = "rescale";
        KAFKA.createTopic(topic, 2);
        MiniCluster cluster = FLINK.getMiniCluster();
        Path csv = LifecycleFeed.generate(tmp, "cases", 12_000, 41);
        String savepoints = tmp.resolve("savepoints").toUri().toString();
        JobConfig last;
        try (LifecycleFeed feed = new LifecycleFeed(
                csv,
                KAFKA.bootstrapServers(),
                topic,
                SuiteConfigs.kafka(tmp, KAFKA.bootstrapServers(), topic).parse())) {
            feed.publish(8_000);
            JobID first =
                    MiniClusterJobs.submit(cluster, MiniClusterJobs.lakehouseJob(parallelism(tmp, topic, 2, null)));
            awaitBronzeCommitted(tmp, topic, 1);
            String atTwo = MiniClusterJobs.stopWithSavepoint(cluster, first, savepoints);
            long bronzeAtFirstStop = bronzeRows(tmp, topic);

            feed.publish(8_000);
            JobID second =
                    MiniClusterJobs.submit(cluster, MiniClusterJobs.lakehouseJob(parallelism(tmp, topic, 1, atTwo)));
            awaitBronzeCommitted(tmp, topic, bronzeAtFirstStop + 1);
            String atOne = MiniClusterJobs.stopWithSavepoint(cluster, second, savepoints);
            long bronzeAtSecondStop = bronzeRows(tmp, topic);

            feed.publish(Long.MAX_VALUE);
            last = parallelism(tmp, topic, 2, atOne);
            JobID third = MiniClusterJobs.submit(cluster, MiniClusterJobs.lakehouseJob(last));
            ExpectedTables expected = ExpectedTables.fromTopic(KAFKA.client(), topic, last.parse());
            LakehouseVerdict verdict = MiniClusterJobs.explainingFailure(
                    cluster,
                    third,
                    () -> LakehouseVerdict.awaitExactlyOnce(
                            last, expected, TIMEOUT, MiniClusterJobs.ended(cluster, third)));
            MiniClusterJobs.cancel(cluster, third);
            System.out.printf(
                    Locale.ROOT,
                    "Savepoint and rescale: %,d events; stopped at parallelism 2 with %,d rows in bronze, "
                            + "at parallelism 1 with %,d, finished at parallelism 2 (%s)%n%s%n",
                    feed.published(),
                    bronzeAtFirstStop,
                    bronzeAtSecondStop,
                    took,
                    verdict);
            verdict.assertExact();
        }
    }

    /**
     * Restoring from a checkpoint older than the last commit rewinds the sources and the state, but not the tables:
     * what was committed after that checkpoint is written again. Silver and gold are upserts, so they end exact;
     * bronze and the quarantine are appends, so the messages read after the restored checkpoint and already
     * committed are archived a second time: exactly those, exactly twice. Iceberg's committer keeps no commit
     * twice <em>for one checkpoint id</em>; it cannot know that a newer job's data repeats an older job's.
     */
    @Test
    void restoreFromAnOlderRetainedCheckpoint(@TempDir Path tmp) throws Exception {
        Stopwatch took = Stopwatch.start();
        String topic = "older-checkpoint";
        KAFKA.createTopic(topic, 2);
        MiniCluster cluster = FLINK.getMiniCluster();
        JobConfig config = SuiteConfigs.kafka(tmp, KAFKA.bootstrapServers(), topic);
        Path checkpointDir = tmp.resolve("checkpoints");
        Path csv = LifecycleFeed.generate(tmp, "cases", 15_000, 43);
        try (LifecycleFeed feed = new LifecycleFeed(csv, KAFKA.bootstrapServers(), topic, config.parse())) {
            feed.publish(10_000);
            JobID first = MiniClusterJobs.submit(cluster, MiniClusterJobs.lakehouseJob(config));
            await().atMost(TIMEOUT)
                    .until(() -> RetainedCheckpoints.of(checkpointDir, first.toString())
                                    .size()
                            >= 3);
            long before = bronzeRows(tmp, topic);
            feed.publish(Long.MAX_VALUE);
            // Cancel right after a commit of the second part: the oldest retained checkpoint then predates it.
            awaitBronzeCommitted(tmp, topic, before + 1);
            MiniClusterJobs.cancel(cluster, first);

            List<Path> retained = RetainedCheckpoints.of(checkpointDir, first.toString());
            assertThat(retained).hasSizeGreaterThanOrEqualTo(2);
            Path older = retained.get(0);
            Long committedAsOfOlder =
                    bronzeSnapshotCommittedThrough(config, first.toString(), RetainedCheckpoints.id(older));
            Set<String> bronzeAtOlder = coordinates(TableContents.bronze(config.catalog(), committedAsOfOlder));
            Set<String> bronzeAtCancel = coordinates(TableContents.bronze(config.catalog()));
            Set<String> rejectedAtOlder = coordinatesOfRejected(TableContents.rejected(
                    config.catalog(),
                    rejectedSnapshotCommittedThrough(config, first.toString(), RetainedCheckpoints.id(older))));
            Set<String> rejectedAtCancel = coordinatesOfRejected(TableContents.rejected(config.catalog(), null));

            JobConfig resumed = SuiteConfigs.with(
                    tmp,
                    KAFKA.bootstrapServers(),
                    topic,
                    Map.of("job.resume", older.toUri().toString()));
            JobID second = MiniClusterJobs.submit(cluster, MiniClusterJobs.lakehouseJob(resumed));
            ExpectedTables expected = ExpectedTables.fromTopic(KAFKA.client(), topic, config.parse());
            Map<String, Integer> bronzeCounts = countsWithRepeats(expected.bronzeOnce(), bronzeAtCancel, bronzeAtOlder);
            Map<String, Integer> rejectedCounts =
                    countsWithRepeats(expected.rejectedOnce(), rejectedAtCancel, rejectedAtOlder);
            LakehouseVerdict verdict = MiniClusterJobs.explainingFailure(
                    cluster,
                    second,
                    () -> LakehouseVerdict.awaitExact(
                            resumed,
                            expected,
                            bronzeCounts,
                            rejectedCounts,
                            TIMEOUT,
                            MiniClusterJobs.ended(cluster, second)));
            MiniClusterJobs.cancel(cluster, second);

            long repeated = bronzeAtCancel.size() - bronzeAtOlder.size();
            System.out.printf(
                    Locale.ROOT,
                    "Older checkpoint: %,d events; checkpoints retained %s, restored chk-%d; bronze held %,d rows at "
                            + "that checkpoint and %,d at cancel, so %,d messages are archived twice (%s)%n%s%n",
                    feed.published(),
                    retained.stream().map(RetainedCheckpoints::id).toList(),
                    RetainedCheckpoints.id(older),
                    bronzeAtOlder.size(),
                    bronzeAtCancel.size(),
                    repeated,
                    took,
                    verdict);
            assertThat(repeated)
                    .as("messages committed after the restored checkpoint")
                    .isPositive();
            verdict.assertExact();
        }
    }

    /**
     * Every message sent a second time (a producer retrying a whole batch, a replay of the same file): bronze archives
     * the copies, which are distinct messages, and silver and gold do not change at all.
     */
    @Test
    void sameInputSentTwiceChangesNeitherSilverNorGold(@TempDir Path tmp) throws Exception {
        Stopwatch took = Stopwatch.start();
        String topic = "sent-twice";
        KAFKA.createTopic(topic, 2);
        MiniCluster cluster = FLINK.getMiniCluster();
        JobConfig config = SuiteConfigs.kafka(tmp, KAFKA.bootstrapServers(), topic);
        Path csv = LifecycleFeed.generate(tmp, "cases", 8_000, 47);
        long once = LifecycleFeed.publishAll(csv, KAFKA.bootstrapServers(), topic, config.parse());
        JobID job = MiniClusterJobs.submit(cluster, MiniClusterJobs.lakehouseJob(config));
        LakehouseVerdict.awaitExactlyOnce(
                config,
                ExpectedTables.fromTopic(KAFKA.client(), topic, config.parse()),
                TIMEOUT,
                MiniClusterJobs.ended(cluster, job));
        Set<String> emissionTime = Set.of();
        Set<Map<String, Object>> silver = comparable(config, LakehouseTable.SERVICE_REQUESTS, Set.of());
        Set<Map<String, Object>> hourly = comparable(config, LakehouseTable.REQUESTS_HOURLY, emissionTime);
        Set<Map<String, Object>> daily = comparable(config, LakehouseTable.SLA_DAILY, emissionTime);

        long twice = once + LifecycleFeed.publishAll(csv, KAFKA.bootstrapServers(), topic, config.parse());
        ExpectedTables expected = ExpectedTables.fromTopic(KAFKA.client(), topic, config.parse());
        LakehouseVerdict verdict =
                LakehouseVerdict.awaitExactlyOnce(config, expected, TIMEOUT, MiniClusterJobs.ended(cluster, job));
        MiniClusterJobs.cancel(cluster, job);

        System.out.printf(
                Locale.ROOT,
                "Sent twice: %,d events, then the same %,d again (%s)%n%s%n",
                once,
                twice - once,
                took,
                verdict);
        verdict.assertExact();
        assertThat(comparable(config, LakehouseTable.SERVICE_REQUESTS, Set.of()))
                .isEqualTo(silver);
        assertThat(comparable(config, LakehouseTable.REQUESTS_HOURLY, emissionTime))
                .isEqualTo(hourly);
        assertThat(comparable(config, LakehouseTable.SLA_DAILY, emissionTime)).isEqualTo(daily);
    }

    private static JobConfig parallelism(Path tmp, String topic, int parallelism, String resume) {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("job.parallelism", Integer.toString(parallelism));
        if (resume != null) {
            overrides.put("job.resume", resume);
        }
        return SuiteConfigs.with(tmp, KAFKA.bootstrapServers(), topic, overrides);
    }

    private static long bronzeRows(Path tmp, String topic) {
        return TableContents.committedRecords(
                SuiteConfigs.kafka(tmp, KAFKA.bootstrapServers(), topic).catalog(), LakehouseTable.RAW_EVENTS);
    }

    private static void awaitBronzeCommitted(Path tmp, String topic, long rows) {
        await("bronze holds " + rows + " rows")
                .atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> bronzeRows(tmp, topic) >= rows);
    }

    /**
     * The newest snapshot the job committed for checkpoints up to {@code checkpointId}, or null when it had
     * committed nothing yet. Iceberg's Flink committer records both in each snapshot's summary.
     */
    private static Long bronzeSnapshotCommittedThrough(JobConfig config, String jobId, long checkpointId) {
        return snapshotCommittedThrough(config, LakehouseTable.RAW_EVENTS, jobId, checkpointId);
    }

    private static Long rejectedSnapshotCommittedThrough(JobConfig config, String jobId, long checkpointId) {
        return snapshotCommittedThrough(config, LakehouseTable.REJECTED_EVENTS, jobId, checkpointId);
    }

    private static Long snapshotCommittedThrough(
            JobConfig config, LakehouseTable table, String jobId, long checkpointId) {
        return TableContents.withTable(config.catalog(), table, t -> {
            Snapshot newest = null;
            for (Snapshot s : t.snapshots()) {
                Map<String, String> summary = s.summary();
                boolean ours = jobId.equals(summary.get("flink.job-id"))
                        && Long.parseLong(summary.getOrDefault("flink.max-committed-checkpoint-id", "-1"))
                                <= checkpointId;
                if (ours && (newest == null || s.sequenceNumber() > newest.sequenceNumber())) {
                    newest = s;
                }
            }
            return newest == null ? null : newest.snapshotId();
        });
    }

    private static Set<String> coordinates(List<BronzeRow> rows) {
        Set<String> coordinates = new HashSet<>();
        rows.forEach(r -> coordinates.add(r.coordinate()));
        return coordinates;
    }

    private static Set<String> coordinatesOfRejected(List<String> rows) {
        Set<String> coordinates = new HashSet<>();
        rows.forEach(r -> coordinates.add(r.substring(0, r.indexOf('='))));
        return coordinates;
    }

    /** Once each, and twice each for what was committed after the restored checkpoint. */
    private static Map<String, Integer> countsWithRepeats(
            Map<String, Integer> once, Set<String> atCancel, Set<String> atRestored) {
        Map<String, Integer> counts = new HashMap<>(once);
        for (String coordinate : atCancel) {
            if (!atRestored.contains(coordinate)) {
                counts.merge(coordinate, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static Set<Map<String, Object>> comparable(JobConfig config, LakehouseTable table, Set<String> ignored) {
        return LakehouseAssertions.comparable(LakehouseAssertions.rows(config.catalog(), table), ignored);
    }
}
