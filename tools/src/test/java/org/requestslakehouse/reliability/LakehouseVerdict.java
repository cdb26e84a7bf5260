package org.requestslakehouse.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.iceberg.data.Record;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.gold.GoldComparison;
import org.requestslakehouse.gold.GoldRecomputation;
import org.requestslakehouse.gold.GoldRow;
import org.requestslakehouse.gold.GoldTable;
import org.requestslakehouse.gold.RecomputedGold;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;
import org.requestslakehouse.verify.TableRows;

/**
 * Every table of one run compared with what it must hold: bronze and quarantine message by message, silver case by
 * case, gold against {@code verify}'s batch recomputation from silver, and no late corrections (the input is in
 * event-time order per case, so none are due).
 */
record LakehouseVerdict(
        Tally bronze,
        Tally rejected,
        Tally silver,
        boolean goldEqualsRecomputation,
        String goldDifferences,
        int lateCorrections) {

    private static final Duration POLL = Duration.ofSeconds(2);
    /**
     * Reading every table back is the expensive part (silver and gold are upserts: one equality-delete file per
     * writer and checkpoint), so once bronze is complete the full check waits two checkpoints for gold's last
     * emissions and then runs at a slower pace.
     */
    private static final Duration FIRST_FULL_CHECK = Duration.ofSeconds(4);

    private static final Duration FULL_CHECK_POLL = Duration.ofSeconds(5);
    private static final int MAX_GOLD_DIFFERENCES_SHOWN = 20;
    private static final int COMMITS_SHOWN = 8;

    static LakehouseVerdict of(
            JobConfig config,
            ExpectedTables expected,
            Map<String, Integer> bronzeCounts,
            Map<String, Integer> rejectedCounts) {
        Tally bronze = Tally.bronze(bronzeCounts, expected.bronze, TableContents.bronze(config.catalog()));
        Tally rejected =
                Tally.rejected(expected.rejected, rejectedCounts, TableContents.rejected(config.catalog(), null));
        List<Record> silverRows = TableContents.silver(config.catalog());
        Tally silver = Tally.silver(
                expected.silver, silverRows.stream().map(SilverRow::of).toList());
        List<String> goldDifferences = goldDifferences(config, silverRows);
        int late = TableContents.rows(config.catalog(), LakehouseTable.LATE_CORRECTIONS)
                .size();
        String shown = String.join(
                "\n", goldDifferences.subList(0, Math.min(goldDifferences.size(), MAX_GOLD_DIFFERENCES_SHOWN)));
        return new LakehouseVerdict(
                bronze,
                rejected,
                silver,
                goldDifferences.isEmpty(),
                goldDifferences.size() + " differences between gold and the recomputation (one per row and measure):\n"
                        + shown,
                late);
    }

    /**
     * What {@code verify} does ({@link org.requestslakehouse.verify.GoldVerifier}), on the silver rows already read:
     * every gold table recomputed in batch from silver and compared, counts exactly, quantiles within the sketch's
     * error. Reading silver twice would double the slowest part of the check.
     */
    private static List<String> goldDifferences(JobConfig config, List<Record> silverRows) {
        RecomputedGold recomputed = new GoldRecomputation(config.parse().zoneId())
                .recompute(silverRows.stream().map(TableRows::silver).toList());
        List<String> differences = new ArrayList<>();
        for (GoldTable<?, ?> table : LakehouseTable.goldTables(config.parse().zoneId())) {
            differences.addAll(differences(config, table, recomputed));
        }
        return differences;
    }

    private static <K, R extends GoldRow> List<String> differences(
            JobConfig config, GoldTable<K, R> table, RecomputedGold recomputed) {
        List<R> rows = TableContents.rows(config.catalog(), LakehouseTable.of(table)).stream()
                .map(table::fromRecord)
                .toList();
        return GoldComparison.compare(table, recomputed, rows);
    }

    /** Each message exactly once in bronze and (when rejected) in quarantine. */
    static LakehouseVerdict awaitExactlyOnce(
            JobConfig config, ExpectedTables expected, Duration timeout, Callable<Boolean> jobEnded) {
        return awaitExact(config, expected, expected.bronzeOnce(), expected.rejectedOnce(), timeout, jobEnded);
    }

    /**
     * Waits until an unbounded run has committed everything and every table is exact. Bronze is append-only, so
     * more rows than expected can never go away, and a job that ended will commit nothing more: both fail at once
     * instead of at the timeout.
     */
    static LakehouseVerdict awaitExact(
            JobConfig config,
            ExpectedTables expected,
            Map<String, Integer> bronzeCounts,
            Map<String, Integer> rejectedCounts,
            Duration timeout,
            Callable<Boolean> jobEnded) {
        long bronzeRows =
                bronzeCounts.values().stream().mapToLong(Integer::longValue).sum();
        await("bronze holds " + bronzeRows + " rows")
                .atMost(timeout)
                .pollInterval(POLL)
                .failFast("the job ended", jobEnded)
                .failFast(
                        "bronze holds more rows than messages it should archive",
                        () -> TableContents.committedRecords(config.catalog(), LakehouseTable.RAW_EVENTS) > bronzeRows)
                .until(() -> TableContents.committedRecords(config.catalog(), LakehouseTable.RAW_EVENTS) == bronzeRows);
        AtomicReference<LakehouseVerdict> last = new AtomicReference<>();
        try {
            await("every table exact")
                    .atMost(timeout)
                    .pollDelay(FIRST_FULL_CHECK)
                    .pollInterval(FULL_CHECK_POLL)
                    .failFast("the job ended", jobEnded)
                    .untilAsserted(() -> {
                        Stopwatch check = Stopwatch.start();
                        LakehouseVerdict verdict = of(config, expected, bronzeCounts, rejectedCounts);
                        System.out.println("Tables read back and checked in " + check
                                + (verdict.isExact() ? "" : ", not exact yet"));
                        last.set(verdict);
                        if (!verdict.isExact()) {
                            // Every part, not only the first that differs: late corrections explain gold differences.
                            throw new AssertionError(verdict + "\n" + verdict.goldDifferences);
                        }
                    });
        } catch (ConditionTimeoutException e) {
            // Read once, when the wait has failed: a table that stopped receiving commits while others went on.
            // Same exception types, so that callers who add their own context still catch them.
            throw new ConditionTimeoutException(e.getMessage() + "\n" + recentCommits(config), e);
        } catch (TerminalFailureException e) {
            throw new TerminalFailureException(e.getMessage() + "\n" + recentCommits(config), e);
        }
        return last.get();
    }

    private static String recentCommits(JobConfig config) {
        List<String> logs = new ArrayList<>();
        logs.add(TableContents.recentCommits(config.catalog(), LakehouseTable.SERVICE_REQUESTS, COMMITS_SHOWN));
        for (GoldTable<?, ?> table : LakehouseTable.goldTables(config.parse().zoneId())) {
            logs.add(TableContents.recentCommits(config.catalog(), LakehouseTable.of(table), COMMITS_SHOWN));
        }
        return String.join("\n", logs);
    }

    boolean isExact() {
        return List.of(bronze, rejected, silver).stream().allMatch(Tally::isExact)
                && goldEqualsRecomputation
                && lateCorrections == 0;
    }

    void assertExact() {
        for (Tally tally : List.of(bronze, rejected, silver)) {
            tally.assertExact();
        }
        assertThat(goldEqualsRecomputation).as(goldDifferences).isTrue();
        assertThat(lateCorrections).as("gold.late_corrections rows").isZero();
    }

    @Override
    public String toString() {
        return bronze + "\n" + rejected + "\n" + silver + "\ngold equals verify's recomputation: "
                + goldEqualsRecomputation + ", late corrections: " + lateCorrections;
    }
}
