package org.requestslakehouse.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class GenerationProgressTest {

    /** A clock the test moves by hand: one second per 100k rows. */
    private final AtomicLong nanos = new AtomicLong();
    private final StringWriter text = new StringWriter();
    private final PrintWriter out = new PrintWriter(text);

    private void writeRows(GenerationProgress progress, long total, long step) {
        for (long written = step; written <= total; written += step) {
            nanos.set(written * 10_000L);
            progress.rowsWritten(written);
        }
    }

    @Test
    void withoutATerminalLogsOneLinePerTenthAndASummary() {
        GenerationProgress progress = new GenerationProgress(out, 1_000_000, false, nanos::get);
        writeRows(progress, 1_000_000, 8_000);
        progress.finish(1_000_000, "out.csv");

        String[] lines = text.toString().split(System.lineSeparator());
        assertThat(lines).hasSize(11);
        assertThat(lines[0]).isEqualTo("generate: 104,000 of 1,000,000 rows (10%), 100,000 rows/s, ETA 9.0 s");
        assertThat(lines[9]).isEqualTo("generate: 1,000,000 of 1,000,000 rows (100%), 100,000 rows/s, ETA 0.0 s");
        assertThat(lines[10]).isEqualTo("generated 1,000,000 rows into out.csv in 10.0 s (100,000 rows/s)");
        assertThat(text.toString()).doesNotContain("\r");
    }

    @Test
    void onATerminalRedrawsOneLineAtMostFourTimesASecond() {
        GenerationProgress progress = new GenerationProgress(out, 200_000, true, nanos::get);
        writeRows(progress, 200_000, 5_000);
        progress.finish(200_000, "stdout");

        String output = text.toString();
        // 2 s of progress at 250 ms per redraw, plus the final 100 % line
        assertThat(output.chars().filter(c -> c == '\r').count()).isEqualTo(8);
        assertThat(output).contains("\r200,000 of 200,000 rows (100%), 100,000 rows/s, ETA 0.0 s");
        assertThat(output).endsWith(System.lineSeparator()
                + "generated 200,000 rows into stdout in 2.0 s (100,000 rows/s)" + System.lineSeparator());
    }

    @Test
    void zeroRowsStillEndsWithASummary() {
        GenerationProgress progress = new GenerationProgress(out, 0, false, nanos::get);
        progress.rowsWritten(0);
        progress.finish(0, "empty.csv");
        assertThat(text.toString()).endsWith("generated 0 rows into empty.csv in 0.0 s (0 rows/s)" + System.lineSeparator());
    }
}
