package org.requestslakehouse.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOfAHundredValuesIsTheValueAtThatRank() {
        long[] values = LongStream.rangeClosed(1, 100).toArray();

        assertThat(Percentiles.nearestRank(values, 50)).isEqualTo(50);
        assertThat(Percentiles.nearestRank(values, 99)).isEqualTo(99);
        assertThat(Percentiles.nearestRank(values, 100)).isEqualTo(100);
        assertThat(Percentiles.nearestRank(values, 0.5)).isEqualTo(1);
    }

    @Test
    void roundsTheRankUpSoTheAnswerIsAlwaysAMeasuredValue() {
        long[] values = {10, 20, 30};

        assertThat(Percentiles.nearestRank(values, 50)).isEqualTo(20);
        assertThat(Percentiles.nearestRank(values, 99)).isEqualTo(30);
        assertThat(Percentiles.nearestRank(values, 34)).isEqualTo(20);
        assertThat(Percentiles.nearestRank(values, 33)).isEqualTo(10);
    }

    @Test
    void oneValueIsEveryPercentile() {
        assertThat(Percentiles.nearestRank(new long[] {7}, 1)).isEqualTo(7);
        assertThat(Percentiles.nearestRank(new long[] {7}, 99)).isEqualTo(7);
    }

    @Test
    void sortedLeavesTheInputAsItWas() {
        long[] input = {3, 1, 2};

        assertThat(Percentiles.sorted(input)).containsExactly(1, 2, 3);
        assertThat(input).containsExactly(3, 1, 2);
    }

    @Test
    void rejectsNoValuesAndPercentilesOutOfRange() {
        assertThatThrownBy(() -> Percentiles.nearestRank(new long[0], 50)).hasMessage("no values");
        assertThatThrownBy(() -> Percentiles.nearestRank(new long[] {1}, 0)).hasMessageContaining("(0, 100]");
        assertThatThrownBy(() -> Percentiles.nearestRank(new long[] {1}, 101)).hasMessageContaining("(0, 100]");
    }
}
