package org.requestslakehouse.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.quota.ClientQuotaAlteration;
import org.apache.kafka.common.quota.ClientQuotaEntity;
import org.apache.kafka.server.config.QuotaConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.job.CheckpointLocator;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;
import org.requestslakehouse.testing.KafkaBrokerExtension;

/**
 * A Kafka backfill ({@code run --source kafka --bounded}) killed with SIGKILL at each point where a crash leaves a
 * different state, and resumed with {@code --resume latest} each time, ends by itself with every table exact.
 * The runs, chained on one checkpoint directory:
 * <ol>
 *   <li>a fresh run, killed mid-stream: a checkpoint retained, some rows committed;</li>
 *   <li>resumed, killed before its own first checkpoint;</li>
 *   <li>resumed, killed after the source read everything and before the last commit: the commit that would make
 *       bronze complete is held by {@link CommitHoldingCatalog};</li>
 *   <li>resumed, and it must end on its own, exit 0, with bronze, quarantine and silver exact and gold equal to
 *       {@code verify}'s recomputation.</li>
 * </ol>
 * A restored bounded Kafka source that is never told "no more splits" would make the last run idle forever.
 *
 * <p>{@value #EVENTS_PROPERTY} sets the number of messages (default {@value #DEFAULT_EVENTS}).
 */
class BoundedRunKillAndResumeIT {
    static final String EVENTS_PROPERTY = "requests-lakehouse.bounded-resume.events";
    private static final int DEFAULT_EVENTS = 30_000;
    /** A few thousand messages per checkpoint interval: far from the end when the first commit lands. */
    private static final double FIRST_RUN_BYTES_PER_SECOND = 1_000_000;

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @Test
    void aBackfillKilledAtEachPointResumesAndEndsWithExactTables(@TempDir Path tmp) throws Exception {
        Stopwatch took = Stopwatch.start();
        int events = Integer.getInteger(EVENTS_PROPERTY, DEFAULT_EVENTS);
        // Generous bounds for a loaded machine; a run that hangs is what this test is for, so they must exist.
        Duration timeout = Duration.ofMinutes(5).plusMillis(events * 5L);
        String topic = "backfill";
        KAFKA.createTopic(topic, 2);
        JobConfig config = SuiteConfigs.kafka(tmp, KAFKA.bootstrapServers(), topic);
        Path checkpointDir = tmp.resolve("checkpoints");
        Path flinkConf = RunCommandProcess.localFlinkConf(tmp);
        // Every case gives at least one message, so this many cases give enough.
        Path csv = LifecycleFeed.generate(tmp, "cases", events, 61);
        try (LifecycleFeed feed = new LifecycleFeed(csv, KAFKA.bootstrapServers(), topic, config.parse())) {
            assertThat(feed.publish(events)).as("messages published").isEqualTo(events);
        }
        ExpectedTables expected = ExpectedTables.fromTopic(KAFKA.client(), topic, config.parse());
        List<String> arguments = RunCommandProcess.kafkaRunArguments(tmp, KAFKA.bootstrapServers(), topic, flinkConf);
        arguments.add("--bounded");
        List<String> resumed = new ArrayList<>(arguments);
        resumed.addAll(List.of("--resume", "latest"));

        long bronzeMidStream;
        String firstJob;
        // On a fast machine the first checkpoint could hold every message; a read slower than that keeps it mid-stream.
        limitEveryConsumer(FIRST_RUN_BYTES_PER_SECOND);
        try (RunCommandProcess run = RunCommandProcess.start(tmp.resolve("1-mid-stream.log"), arguments)) {
            run.awaitWhileAlive(
                    timeout,
                    "a retained checkpoint and committed rows",
                    () -> CheckpointLocator.latest(checkpointDir).isPresent() && bronzeRows(config) > 0);
            run.kill();
            bronzeMidStream = bronzeRows(config);
            firstJob = CheckpointLocator.latest(checkpointDir)
                    .orElseThrow()
                    .getParent()
                    .getFileName()
                    .toString();
        } finally {
            limitEveryConsumer(null);
        }
        assertThat(bronzeMidStream)
                .as("rows committed when the first run was killed")
                .isLessThan(events);

        String secondJob;
        try (RunCommandProcess run = RunCommandProcess.start(tmp.resolve("2-before-first-checkpoint.log"), resumed)) {
            // The job's checkpoint directory is made when it starts, its first checkpoint seconds later.
            run.awaitWhileAlive(
                    timeout,
                    "the resumed job's checkpoint directory",
                    () -> RetainedCheckpoints.jobIds(checkpointDir).size() == 2);
            run.kill();
            secondJob = RetainedCheckpoints.jobIds(checkpointDir).stream()
                    .filter(id -> !id.equals(firstJob))
                    .findFirst()
                    .orElseThrow();
        }
        assertThat(RetainedCheckpoints.of(checkpointDir, secondJob))
                .as("checkpoints of the run killed before its first")
                .isEmpty();

        Path held = tmp.resolve("held-commit");
        List<String> holding = new ArrayList<>(resumed);
        CommitHoldingCatalog.settings(LakehouseTable.RAW_EVENTS.tableName(), events, held)
                .forEach((key, value) -> holding.addAll(List.of("--set", key + "=" + value)));
        long bronzeBeforeLastCommit;
        try (RunCommandProcess run = RunCommandProcess.start(tmp.resolve("3-before-last-commit.log"), holding)) {
            run.awaitWhileAlive(timeout, "the commit completing bronze, held", () -> Files.exists(held));
            run.kill();
            bronzeBeforeLastCommit = bronzeRows(config);
        }
        assertThat(bronzeBeforeLastCommit)
                .as("rows committed when the source had read everything")
                .isLessThan(events);

        try (RunCommandProcess run = RunCommandProcess.start(tmp.resolve("4-to-the-end.log"), resumed)) {
            Stopwatch last = Stopwatch.start();
            assertThat(run.awaitExit(timeout))
                    .as("the last run ended by itself within %s; its log:%n%s", timeout, run.log())
                    .isTrue();
            assertThat(run.exitValue())
                    .as("exit code of the last run; its log:%n%s", run.log())
                    .isZero();
            LakehouseVerdict verdict =
                    LakehouseVerdict.of(config, expected, expected.bronzeOnce(), expected.rejectedOnce());
            System.out.printf(
                    Locale.ROOT,
                    "Bounded run killed and resumed: %,d events; killed mid-stream with %,d committed to bronze, "
                            + "before the resumed run's first checkpoint, and with the source done and %,d committed; "
                            + "the last run ended in %s (test %s)%n%s%n",
                    events,
                    bronzeMidStream,
                    bronzeBeforeLastCommit,
                    last,
                    took,
                    verdict);
            verdict.assertExact();
        }
    }

    /** A broker-wide default consumer quota; {@code null} removes it. */
    private static void limitEveryConsumer(Double bytesPerSecond) throws Exception {
        ClientQuotaEntity everyClient =
                new ClientQuotaEntity(Collections.singletonMap(ClientQuotaEntity.CLIENT_ID, null));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            admin.alterClientQuotas(List.of(new ClientQuotaAlteration(
                            everyClient,
                            List.of(new ClientQuotaAlteration.Op(
                                    QuotaConfigs.CONSUMER_BYTE_RATE_OVERRIDE_CONFIG, bytesPerSecond)))))
                    .all()
                    .get(1, TimeUnit.MINUTES);
        }
    }

    private static long bronzeRows(JobConfig config) {
        return TableContents.committedRecords(config.catalog(), LakehouseTable.RAW_EVENTS);
    }
}
