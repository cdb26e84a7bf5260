package org.requestslakehouse.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Every JMH benchmark of this module runs once, briefly and in this JVM: a benchmark that no longer compiles, fails
 * its setup or throws fails the build here rather than when someone next measures with it. The scores mean nothing
 * (no fork, no warm-up); see docs/performance.md for how to measure.
 */
class BenchmarksRunTest {
    @Test
    void everyBenchmarkRunsAndScores() throws Exception {
        List<String> benchmarks = BenchmarkList.defaultList().getAll(null, List.of()).stream()
                .map(BenchmarkListEntry::getUsername)
                .toList();
        assertThat(benchmarks)
                .as("benchmarks generated from src/jmh/java")
                .contains(
                        ParseBenchmark.class.getName() + ".parse",
                        SerializeBenchmark.class.getName() + ".serialize",
                        SerializeBenchmark.class.getName() + ".roundTrip");

        Options once = new OptionsBuilder()
                .include(BenchmarksRunTest.class.getPackageName() + ".")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200))
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(once).run();

        assertThat(results).hasSize(benchmarks.size());
        for (RunResult result : results) {
            assertThat(result.getPrimaryResult().getScore())
                    .as(result.getParams().getBenchmark())
                    .isPositive();
        }
    }
}
