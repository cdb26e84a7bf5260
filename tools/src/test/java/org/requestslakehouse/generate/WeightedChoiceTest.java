package org.requestslakehouse.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeightedChoiceTest {

    @Test
    void picksInProportionToWeightAndNeverAZeroWeight() {
        WeightedChoice<String> choice = WeightedChoice.ofPairs("never", 0, "a", 3, "also-never", 0, "b", 1);
        SplittableRandom random = new SplittableRandom(9);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 40_000; i++) {
            counts.merge(choice.pick(random), 1, Integer::sum);
        }
        assertThat(counts).containsOnlyKeys("a", "b");
        assertThat(counts.get("a") / 40_000.0).isCloseTo(0.75, within(0.01));
    }

    @Test
    void listFactoriesAgreeWithPairs() {
        WeightedChoice<String> byFunction = WeightedChoice.of(List.of("x", "y"), s -> s.equals("x") ? 1 : 0);
        WeightedChoice<String> byList = WeightedChoice.of(List.of("x", "y"), List.of(0, 2));
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 100; i++) {
            assertThat(byFunction.pick(random)).isEqualTo("x");
            assertThat(byList.pick(random)).isEqualTo("y");
        }
    }

    @Test
    void rejectsWeightsThatCannotBeSampled() {
        assertThatThrownBy(() -> WeightedChoice.ofPairs("a", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WeightedChoice.ofPairs("a", -1, "b", 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WeightedChoice.ofPairs("a", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WeightedChoice.of(List.of("a"), List.of(1, 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
