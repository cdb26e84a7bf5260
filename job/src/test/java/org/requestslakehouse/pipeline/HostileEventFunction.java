package org.requestslakehouse.pipeline;

import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.testing.HostileEvents;

/**
 * Stream element {@code index} of a seeded hostile stream, as a Kafka message at offset {@code index}: the same
 * bytes the test computes its expectations from, whichever reader subtask generates it.
 */
final class HostileEventFunction implements GeneratorFunction<Long, RawEvent> {
    private static final long serialVersionUID = 1L;
    static final String TOPIC = "hostile-input";
    /** Fixed, so bronze lands in one day partition whenever the test runs. */
    static final long INGESTED_AT_MILLIS = 1_767_225_600_000L;

    private final HostileEvents events;
    private final long seed;
    private final long firstCaseId;

    HostileEventFunction(HostileEvents events, long seed, long firstCaseId) {
        this.events = events;
        this.seed = seed;
        this.firstCaseId = firstCaseId;
    }

    @Override
    public RawEvent map(Long index) {
        byte[] payload = events.generate(seed, index, firstCaseId + index).payload();
        return new RawEvent("kafka", TOPIC, "0", Long.toString(index), null, INGESTED_AT_MILLIS, payload);
    }
}
