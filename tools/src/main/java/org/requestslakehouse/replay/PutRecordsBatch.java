package org.requestslakehouse.replay;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;

/**
 * Records collected for one PutRecords call, within the API's limits of 500 records and 5 MiB (data plus partition
 * keys). A partition key appears at most once per batch: when only some entries of a call fail and are retried,
 * a key's later record can then never be written ahead of its earlier one.
 */
final class PutRecordsBatch {
    static final int MAX_RECORDS = 500;
    static final long MAX_BYTES = 5L * 1024 * 1024;

    private final List<PutRecordsRequestEntry> entries = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();
    private long bytes;
    private long firstAddedNanos;

    boolean accepts(String partitionKey, int size) {
        return entries.size() < MAX_RECORDS && bytes + size <= MAX_BYTES && !keys.contains(partitionKey);
    }

    void add(PutRecordsRequestEntry entry, int size, long nowNanos) {
        if (entries.isEmpty()) {
            firstAddedNanos = nowNanos;
        }
        entries.add(entry);
        keys.add(entry.partitionKey());
        bytes += size;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    boolean isFull() {
        return entries.size() == MAX_RECORDS || bytes == MAX_BYTES;
    }

    long ageNanos(long nowNanos) {
        return entries.isEmpty() ? 0 : nowNanos - firstAddedNanos;
    }

    List<PutRecordsRequestEntry> entries() {
        return List.copyOf(entries);
    }
}
