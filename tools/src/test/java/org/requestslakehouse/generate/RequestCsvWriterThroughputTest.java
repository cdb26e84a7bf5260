package org.requestslakehouse.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

/**
 * Guards the benchmark's need to write a million rows quickly on one thread. Measured in this thread's CPU time, so
 * other processes on a busy machine do not make it flaky; the bound sits well below the ~270k rows/s measured on
 * the development machine and catches a per-row regression (a regex or formatter built per value), not noise.
 */
class RequestCsvWriterThroughputTest {

    private static final long WARM_UP_ROWS = 100_000;
    private static final long MEASURED_ROWS = 400_000;
    private static final double MIN_ROWS_PER_CPU_SECOND = 150_000;

    @Test
    void writesWellOverOneHundredFiftyThousandRowsPerCpuSecond() throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        RequestCsvWriter writer = new RequestCsvWriter(Layout.CURRENT_2025, false);
        writer.write(
                new SyntheticRequestGenerator(GeneratorSettings.defaults(1), WARM_UP_ROWS),
                OutputStream.nullOutputStream(),
                false,
                ProgressListener.NONE);

        long cpuBefore = threads.getCurrentThreadCpuTime();
        long written = writer.write(
                new SyntheticRequestGenerator(GeneratorSettings.defaults(2), MEASURED_ROWS),
                OutputStream.nullOutputStream(),
                false,
                ProgressListener.NONE);
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9;

        assertThat(written).isEqualTo(MEASURED_ROWS);
        double rate = written / cpuSeconds;
        System.out.printf("csv writer: %,.0f rows per CPU second%n", rate);
        assertThat(rate).isGreaterThan(MIN_ROWS_PER_CPU_SECOND);
    }
}
