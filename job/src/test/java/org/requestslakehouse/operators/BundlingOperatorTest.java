package org.requestslakehouse.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the base decides for every bundling operator and no operator's own test pins: how its delay timer lives
 * alongside the other flushes, and the order a bundle goes on in. The barrier, end-of-input and size flushes are
 * pinned by {@code UpsertBundleOperatorTest} and {@code WindowChangeCombinerTest}.
 */
class BundlingOperatorTest {
    private static final long MAX_DELAY_MILLIS = 100;

    private OneInputStreamOperatorTestHarness<Integer, Integer> harness;

    @AfterEach
    void tearDown() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void aTimerLeftFromBeforeABarrierSendsWhatCameSinceAndTheNextKeyGetsATimerOfItsOwn() throws Exception {
        start(100);
        harness.setProcessingTime(1_000);
        process(1);
        harness.prepareSnapshotPreBarrier(1);
        assertThat(harness.extractOutputValues()).containsExactly(1);

        harness.setProcessingTime(1_050);
        process(2);
        assertThat(harness.getProcessingTimeService().getNumActiveTimers())
                .as("the first key's timer, not a second one")
                .isEqualTo(1);
        harness.setProcessingTime(1_000 + MAX_DELAY_MILLIS);
        assertThat(harness.extractOutputValues()).containsExactly(1, 2);

        harness.setProcessingTime(1_200);
        process(3);
        harness.setProcessingTime(1_200 + MAX_DELAY_MILLIS - 1);
        assertThat(harness.extractOutputValues()).containsExactly(1, 2);
        harness.setProcessingTime(1_200 + MAX_DELAY_MILLIS);

        assertThat(harness.extractOutputValues()).containsExactly(1, 2, 3);
        assertThat(harness.getProcessingTimeService().getNumActiveTimers()).isZero();
    }

    @Test
    void aFullBundleGoesOnInTheOrderKeysWereFirstHeldAndItsTimerThenFindsNothing() throws Exception {
        start(3);
        harness.setProcessingTime(1_000);
        process(3);
        process(2);
        process(13);
        assertThat(harness.extractOutputValues()).isEmpty();

        process(1);
        assertThat(harness.extractOutputValues()).containsExactly(16, 2, 1);

        harness.setProcessingTime(1_000 + MAX_DELAY_MILLIS);
        assertThat(harness.extractOutputValues()).containsExactly(16, 2, 1);
        assertThat(harness.getProcessingTimeService().getNumActiveTimers()).isZero();
    }

    @Test
    void aBundleHoldsAtLeastOneKeyForAtLeastAMillisecond() {
        assertThatThrownBy(() -> new SumPerLastDigit(0, MAX_DELAY_MILLIS)).hasMessageContaining("at least 1 key");
        assertThatThrownBy(() -> new SumPerLastDigit(1, 0)).hasMessageContaining("at least 1");
    }

    private void start(int maxKeys) throws Exception {
        harness = new OneInputStreamOperatorTestHarness<>(new SumPerLastDigit(maxKeys, MAX_DELAY_MILLIS));
        harness.open();
    }

    private void process(int value) throws Exception {
        harness.processElement(new StreamRecord<>(value));
    }

    /** Sums the values that end in the same digit. */
    private static final class SumPerLastDigit extends BundlingOperator<Integer, Integer, Integer> {
        private static final long serialVersionUID = 1L;

        SumPerLastDigit(int maxKeys, long maxDelayMillis) {
            super(maxKeys, maxDelayMillis);
        }

        @Override
        public void processElement(StreamRecord<Integer> element) {
            int value = element.getValue();
            Integer sum = held(value % 10);
            hold(value % 10, sum == null ? value : sum + value);
        }
    }
}
