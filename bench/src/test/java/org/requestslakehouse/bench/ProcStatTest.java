package org.requestslakehouse.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProcStatTest {

    /** A real line of /proc/<pid>/stat, with a command name holding a space and a parenthesis. */
    private static final String STAT = "4242 (java (bench) x) S 1 4242 4242 0 -1 4194560 51234 0 12 0 "
            + "1234 567 0 0 20 0 58 0 8123456 9529600000 393216 18446744073709551615 1 1 0 0 0 0 4 0 16800975 0 0 0 17 1 0 0 0 0 0";

    private static final String STATUS = """
            Name:\tjava
            Umask:\t0022
            State:\tS (sleeping)
            VmPeak:\t 9529600 kB
            VmSize:\t 9529600 kB
            VmHWM:\t 1572864 kB
            VmRSS:\t 1048576 kB
            Threads:\t58
            """;

    @Test
    void cpuSecondsAreUserPlusSystemTicksOverUserHz() {
        assertThat(ProcStat.cpuSeconds(STAT)).isCloseTo((1234 + 567) / 100.0, within(1e-9));
    }

    @Test
    void peakRssIsTheHighWaterMarkInBytes() {
        assertThat(ProcStat.peakRssBytes(STATUS)).isEqualTo(1572864L * 1024);
    }

    @Test
    void anExitedProcessHasNoPeak() {
        assertThat(ProcStat.peakRssBytes("Name:\tjava\nState:\tZ (zombie)\n")).isZero();
    }

    @Test
    void rejectsWhatIsNotAStatLine() {
        assertThatThrownBy(() -> ProcStat.cpuSeconds("no command name here"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not a /proc/<pid>/stat line");
    }

    @Test
    void readsThisProcess() {
        ProcStat self = ProcStat.self();

        assertThat(self.cpuSeconds()).isPositive();
        assertThat(self.peakRssBytes()).isGreaterThan(16L * 1024 * 1024);
    }

    @Test
    void sinceSubtractsCpuAndKeepsTheLaterPeak() {
        ProcStat later = new ProcStat(12.5, 2000).since(new ProcStat(10.0, 1000));

        assertThat(later).isEqualTo(new ProcStat(2.5, 2000));
    }
}
