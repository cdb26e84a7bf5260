package org.requestslakehouse.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {
    private static final long SECOND = 1_000_000_000L;

    /** Advances only when the pacer sleeps, and records when each event was released. */
    static final class FakeClock implements PacingClock {
        long now = 5 * SECOND;
        final List<Long> released = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            now += nanos;
        }

        void release(Pacer pacer, long eventTimeMillis) throws InterruptedException {
            pacer.awaitTurn(eventTimeMillis);
            released.add(now - 5 * SECOND);
        }
    }

    @Test
    void speedupMapsHistoryToWallClock() throws Exception {
        FakeClock clock = new FakeClock();
        Pacer pacer = new Pacer(clock, 60, 0);

        clock.release(pacer, 0);
        clock.release(pacer, 60_000); // one minute of history = one second at 60x
        clock.release(pacer, 30 * 60_000); // thirty minutes = thirty seconds

        assertThat(clock.released).containsExactly(0L, SECOND, 30 * SECOND);
    }

    @Test
    void eventsGoingBackInTimeAreNotDelayed() throws Exception {
        FakeClock clock = new FakeClock();
        Pacer pacer = new Pacer(clock, 3600, 0);

        clock.release(pacer, 7_200_000);
        clock.release(pacer, 0);
        clock.release(pacer, 10_800_000);

        assertThat(clock.released).containsExactly(0L, 0L, 1 * SECOND);
    }

    @Test
    void rateLimitsEventsPerSecond() throws Exception {
        FakeClock clock = new FakeClock();
        Pacer pacer = new Pacer(clock, 0, 4);

        for (int i = 0; i < 9; i++) {
            clock.release(pacer, 0);
        }

        assertThat(clock.released.get(4)).isEqualTo(SECOND);
        assertThat(clock.released.get(8)).isEqualTo(2 * SECOND);
    }

    @Test
    void rateCatchesUpAfterASlowSpell() throws Exception {
        FakeClock clock = new FakeClock();
        Pacer pacer = new Pacer(clock, 0, 10);
        clock.release(pacer, 0);
        clock.now += 2 * SECOND; // the consumer of the events stalled

        for (int i = 0; i < 19; i++) {
            clock.release(pacer, 0);
        }

        assertThat(clock.released.get(19)).isEqualTo(2 * SECOND);
    }

    @Test
    void theSlowerOfBothLimitsWins() throws Exception {
        FakeClock clock = new FakeClock();
        Pacer pacer = new Pacer(clock, 1000, 1);

        clock.release(pacer, 0);
        clock.release(pacer, 100); // speedup allows it after 0.1 ms, rate only after 1 s
        clock.release(pacer, 10_000_000); // speedup: 10,000 s of history / 1000 = 10 s

        assertThat(clock.released).containsExactly(0L, SECOND, 10 * SECOND);
    }

    @Test
    void noLimitsNeverWaits() throws Exception {
        FakeClock clock = new FakeClock();
        Pacer pacer = new Pacer(clock, 0, 0);
        for (int i = 0; i < 1000; i++) {
            clock.release(pacer, i * 1_000_000L);
        }
        assertThat(clock.now).isEqualTo(5 * SECOND);
    }

    @Test
    void negativeSettingsAreRejected() {
        assertThatThrownBy(() -> new Pacer(new FakeClock(), -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
