package org.requestslakehouse.replay;

/** Time source for pacing, injectable so pacing is tested exactly without sleeping. */
public interface PacingClock {
    long nanoTime();

    void sleepNanos(long nanos) throws InterruptedException;

    PacingClock SYSTEM = new PacingClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
            if (nanos > 0) {
                java.util.concurrent.TimeUnit.NANOSECONDS.sleep(nanos);
            }
        }
    };
}
