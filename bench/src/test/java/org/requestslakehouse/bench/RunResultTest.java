package org.requestslakehouse.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunResultTest {
    private static final Map<String, Long> ROWS = Map.of("silver.service_requests", 553_716L);

    @Test
    void anOddCountTakesTheMiddleValueOfEachFigureOnItsOwn() {
        RunResult median = RunResult.median(
                "job",
                List.of(
                        new RunResult(1_000_000, 90.0, 150.0, 3.0, 1_700L, 120.0, ROWS),
                        new RunResult(1_000_000, 80.0, 170.0, 5.0, 1_600L, 110.0, ROWS),
                        new RunResult(1_000_000, 100.0, 140.0, 4.0, 1_650L, null, ROWS)));

        assertThat(median.seconds()).isEqualTo(90.0);
        assertThat(median.cpuSeconds()).isEqualTo(150.0);
        assertThat(median.brokerCpuSeconds()).isEqualTo(4.0);
        assertThat(median.peakRssBytes()).isEqualTo(1_650L);
        // A run whose state could not be measured does not count towards that figure.
        assertThat(median.stateBytesPerCase()).isEqualTo(115.0);
        assertThat(median.tableRows()).isEqualTo(ROWS);
        assertThat(median.eventsPerSecond()).isCloseTo(1_000_000 / 90.0, within(1e-9));
    }

    @Test
    void anEvenCountTakesTheMeanOfTheTwoMiddleValues() {
        RunResult median = RunResult.median(
                "floor",
                List.of(
                        new RunResult(500_000, 20.0, 30.0, 1.0, 900L, null),
                        new RunResult(500_000, 24.0, 26.0, 2.0, 1_000L, null),
                        new RunResult(500_000, 22.0, 40.0, 1.0, 800L, null),
                        new RunResult(500_000, 30.0, 28.0, 3.0, 1_100L, null)));

        assertThat(median.seconds()).isEqualTo(23.0);
        assertThat(median.cpuSeconds()).isEqualTo(29.0);
        assertThat(median.brokerCpuSeconds()).isEqualTo(1.5);
        assertThat(median.peakRssBytes()).isEqualTo(950L);
        assertThat(median.stateBytesPerCase()).isNull();
    }

    @Test
    void runsThatWroteDifferentRowsHaveNoMedian() {
        List<RunResult> runs = List.of(
                new RunResult(1_000_000, 90.0, 150.0, 3.0, 1_700L, null, ROWS),
                new RunResult(1_000_000, 80.0, 170.0, 5.0, 1_600L, null, Map.of("silver.service_requests", 1L)));

        assertThatThrownBy(() -> RunResult.median("job", runs))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("run 2 of job")
                .hasMessageContaining("silver.service_requests=1");
        assertThatThrownBy(() -> RunResult.median("job", List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
