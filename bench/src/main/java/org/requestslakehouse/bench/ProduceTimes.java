package org.requestslakehouse.bench;

import java.util.Arrays;

/**
 * When each message of a topic was produced, by partition and offset: the Kafka record timestamp (CreateTime, set
 * by the producer when it sends) as the broker acknowledged it. Offsets of a fresh topic written by one idempotent,
 * non-transactional producer are dense from 0, so an array per partition is the whole index.
 */
public final class ProduceTimes {
    private static final long UNKNOWN = Long.MIN_VALUE;
    private final long[][] byPartition;
    private final int[] counts;

    public ProduceTimes(int partitions) {
        byPartition = new long[partitions][];
        counts = new int[partitions];
        for (int p = 0; p < partitions; p++) {
            byPartition[p] = new long[1024];
            Arrays.fill(byPartition[p], UNKNOWN);
        }
    }

    public synchronized void record(int partition, long offset, long producedAtMillis) {
        long[] times = byPartition[partition];
        if (offset >= times.length) {
            int grown = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(offset + 1, times.length * 2L));
            int oldLength = times.length;
            times = Arrays.copyOf(times, grown);
            Arrays.fill(times, oldLength, grown, UNKNOWN);
            byPartition[partition] = times;
        }
        if (times[(int) offset] == UNKNOWN) {
            counts[partition]++;
        }
        times[(int) offset] = producedAtMillis;
    }

    /** @throws IllegalArgumentException for a message this index never saw */
    public synchronized long producedAt(int partition, long offset) {
        long[] times = partition < byPartition.length ? byPartition[partition] : null;
        long t = times != null && offset >= 0 && offset < times.length ? times[(int) offset] : UNKNOWN;
        if (t == UNKNOWN) {
            throw new IllegalArgumentException("No produce time for partition " + partition + " offset " + offset);
        }
        return t;
    }

    public synchronized long size() {
        long n = 0;
        for (int c : counts) {
            n += c;
        }
        return n;
    }
}
