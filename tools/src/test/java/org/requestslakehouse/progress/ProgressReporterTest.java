package org.requestslakehouse.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {
    private static final long SECOND = 1_000_000_000L;

    /** A clock the test moves by hand. */
    private final AtomicLong nanos = new AtomicLong();

    private final StringWriter text = new StringWriter();

    private ProgressReporter reporter(long total, boolean terminal) {
        return new ProgressReporter(
                "generate", "rows", total, new PrintWriter(text), terminal, Duration.ofSeconds(10), nanos::get);
    }

    /** 100,000 rows per second, reported every 10,000 rows. */
    private void run(ProgressReporter reporter, long rows) {
        for (long done = 10_000; done <= rows; done += 10_000) {
            nanos.set(done * SECOND / 100_000);
            reporter.update(done);
        }
    }

    @Test
    void withoutATerminalPrintsAPlainLineEveryIntervalAndASummary() {
        ProgressReporter progress = reporter(3_000_000, false);
        run(progress, 3_000_000);
        progress.finish("out.csv");

        assertThat(text.toString().split(System.lineSeparator()))
                .containsExactly(
                        "generate: 1,000,000 of 3,000,000 rows (33%), 100,000 rows/s, ETA 20 s",
                        "generate: 2,000,000 of 3,000,000 rows (66%), 100,000 rows/s, ETA 10 s",
                        "generate: 3,000,000 of 3,000,000 rows (100%), 100,000 rows/s, ETA 0 s",
                        "generate: 3,000,000 rows into out.csv in 30.0 s (100,000 rows/s)");
    }

    @Test
    void onATerminalRedrawsOneLineWithABarAtMostFourTimesASecond() {
        ProgressReporter progress = reporter(200_000, true);
        run(progress, 200_000);
        progress.finish();

        String output = text.toString();
        // Updates come every 100 ms, so a redraw every 300 ms for 2 s, plus the final one by finish()
        assertThat(output.chars().filter(c -> c == '\r').count()).isEqualTo(7);
        assertThat(output)
                .startsWith(
                        "\rgenerate: [###.................] 30,000 of 200,000 rows (15%), 100,000 rows/s, ETA 2 s\u001B[K\r");
        assertThat(output)
                .contains(
                        "\rgenerate: [############........] 120,000 of 200,000 rows (60%), 100,000 rows/s, ETA 1 s\u001B[K\r");
        assertThat(output)
                .endsWith(
                        "\rgenerate: [####################] 200,000 of 200,000 rows (100%), 100,000 rows/s, ETA 0 s\u001B[K"
                                + System.lineSeparator() + "generate: 200,000 rows in 2.0 s (100,000 rows/s)"
                                + System.lineSeparator());
    }

    @Test
    void anUnknownTotalShowsRateOnlyUntilTheTotalBecomesKnown() {
        ProgressReporter progress = new ProgressReporter(
                "job", "events committed", -1, new PrintWriter(text), false, Duration.ofSeconds(10), nanos::get);
        nanos.set(10 * SECOND);
        progress.update(20_000);
        progress.total(60_000);
        nanos.set(20 * SECOND);
        progress.update(40_000);

        assertThat(text.toString().split(System.lineSeparator()))
                .containsExactly(
                        "job: 20,000 events committed, 2,000 events committed/s",
                        "job: 40,000 of 60,000 events committed (66%), 2,000 events committed/s, ETA 10 s");
    }

    @Test
    void replayCountsOneByOneAndEndsWithASummaryEvenWhenNothingHappened() {
        ProgressReporter progress = reporter(-1, false);
        progress.finish();
        assertThat(text.toString()).isEqualTo("generate: 0 rows in 0.0 s (0 rows/s)" + System.lineSeparator());

        ProgressReporter replay = reporter(-1, false);
        for (int i = 0; i < 5; i++) {
            replay.advance(1);
        }
        assertThat(replay.count()).isEqualTo(5);
    }

    @Test
    void etaReadsLikeADuration() {
        assertThat(ProgressReporter.eta(42.4)).isEqualTo("42 s");
        assertThat(ProgressReporter.eta(125)).isEqualTo("2 min 05 s");
        assertThat(ProgressReporter.eta(3 * 3600 + 61)).isEqualTo("3 h 01 min");
    }
}
