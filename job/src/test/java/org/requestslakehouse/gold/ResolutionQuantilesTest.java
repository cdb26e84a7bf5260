package org.requestslakehouse.gold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ResolutionQuantilesTest {

    @Test
    void noValuesHaveNoStatistics() {
        ResolutionQuantiles q = ResolutionQuantiles.of(List.of());

        assertThat(q.count()).isZero();
        assertThat(q.p50()).isNull();
        assertThat(q.p90()).isNull();
        assertThat(q.mean()).isNull();
        assertThat(q.acceptedBand(0.5)).isNull();
    }

    @Test
    void quantilesAreInclusiveOrderStatistics() {
        ResolutionQuantiles q = ResolutionQuantiles.of(List.of(10.0, 1.0, 4.0, 3.0, 2.0));

        // Inclusive: the smallest value with at least half (resp. 90%) of the values at or below it.
        assertThat(q.p50()).isEqualTo(3.0);
        assertThat(q.p90()).isEqualTo(10.0);
        assertThat(q.mean()).isEqualTo(4.0);
        assertThat(q.acceptedBand(0.5)).isEqualTo(QuantileBand.exactly(3.0));
    }

    @Test
    void upToKValuesTheSketchIsExactWhateverTheOrder() {
        Random random = new Random(7);
        for (int n = 1; n <= ResolutionQuantiles.K; n += 13) {
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                values.add(Math.round(random.nextDouble() * 5000) / 10.0);
            }
            ResolutionQuantiles q = ResolutionQuantiles.of(values);
            List<Double> sorted = new ArrayList<>(values);
            Collections.sort(sorted);

            assertThat(q.isExact()).isTrue();
            assertThat(q.p50()).isEqualTo(sorted.get((int) Math.ceil(0.5 * n) - 1));
            assertThat(q.p90()).isEqualTo(sorted.get((int) Math.ceil(0.9 * n) - 1));
        }
    }

    @Test
    void aMultisetGivesTheSameAnswersAsTheListItStandsFor() {
        Map<Double, Integer> counts = new TreeMap<>(Map.of(0.5, 3, 2.0, 1, 7.25, 2, 9.0, 0));
        List<Double> list = List.of(7.25, 0.5, 2.0, 0.5, 7.25, 0.5);

        ResolutionQuantiles fromCounts = ResolutionQuantiles.ofCounts(counts.entrySet());
        ResolutionQuantiles fromList = ResolutionQuantiles.of(list);

        assertThat(fromCounts.count()).isEqualTo(6);
        assertThat(fromCounts.p50()).isEqualTo(fromList.p50()).isEqualTo(0.5);
        assertThat(fromCounts.p90()).isEqualTo(fromList.p90()).isEqualTo(7.25);
        assertThat(fromCounts.mean()).isEqualTo(fromList.mean());
    }

    @Test
    void beyondKValuesTheEstimatesStayWithinTheDocumentedRankTolerance() {
        int n = 20_000;
        List<Double> values =
                IntStream.rangeClosed(1, n).mapToObj(i -> (double) i).collect(ArrayList::new, List::add, List::addAll);
        Collections.shuffle(values, new Random(11));

        ResolutionQuantiles q = ResolutionQuantiles.of(values);
        QuantileBand p50 = q.acceptedBand(0.5);
        QuantileBand p90 = q.acceptedBand(0.9);

        assertThat(q.isExact()).isFalse();
        // Values 1..n: the value at rank r is r * n, so the band is r +- tolerance scaled by n.
        double slack = ResolutionQuantiles.RANK_TOLERANCE * n;
        assertThat(p50.low()).isCloseTo(0.5 * n - slack, offset(1.0));
        assertThat(p50.high()).isCloseTo(0.5 * n + slack, offset(1.0));
        assertThat(p50.contains(q.p50())).isTrue();
        assertThat(p90.contains(q.p90())).isTrue();
        assertThat(ResolutionQuantiles.RANK_TOLERANCE).isBetween(0.02, 0.03);
    }

    @Test
    void theSketchLeavesExactModeAfterKValues() {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < ResolutionQuantiles.K; i++) {
            values.add((double) i);
        }
        assertThat(ResolutionQuantiles.of(values).isExact()).isTrue();
        values.add(1000.0);
        assertThat(ResolutionQuantiles.of(values).isExact()).isFalse();
    }
}
