package org.requestslakehouse.replay;

import java.time.Duration;

/**
 * Tuning of {@link KinesisEventPublisher}.
 *
 * @param lanes          batches in flight at once; each partition key always uses the same lane, and a lane sends
 *                       its batches one after the other, which keeps every key's records in order
 * @param maxAttempts    PutRecords calls per batch before its still-failing records count as lost
 * @param initialBackoff wait before the first retry; doubles per attempt up to maxBackoff
 * @param linger         how long a partly filled batch waits for more records before it is sent anyway
 * @param callTimeout    bound for one PutRecords call, the SDK's own retries included
 */
record KinesisPublisherSettings(
        int lanes,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration linger,
        Duration callTimeout) {

    static final KinesisPublisherSettings DEFAULTS = new KinesisPublisherSettings(
            8, 10, Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofMillis(50), Duration.ofSeconds(30));

    KinesisPublisherSettings {
        if (lanes < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("lanes and maxAttempts must be at least 1");
        }
    }

    /** Exponential backoff with jitter, so lanes throttled together do not retry in lockstep. */
    long backoffMillis(int failedAttempts, double random) {
        long exponential = initialBackoff.toMillis() << Math.min(failedAttempts - 1, 20);
        long capped = Math.min(exponential, maxBackoff.toMillis());
        return capped / 2 + (long) (capped / 2.0 * random);
    }
}
