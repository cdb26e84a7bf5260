package org.requestslakehouse.sources;

import java.time.Duration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.requestslakehouse.model.RawEvent;

/**
 * Where the job's raw messages come from (CSV files, Kafka, Kinesis). Implementations add exactly one source
 * operator with a stable uid and emit events without watermarks: event time is only known after parsing, so
 * watermarks are assigned downstream.
 */
public interface EventSource {
    DataStream<RawEvent> create(StreamExecutionEnvironment env);

    /**
     * Checks, before anything is defined, that what the source reads exists and is reachable, failing within
     * {@code timeout} with a message naming the setting to fix. A source that cannot check anything keeps the default.
     */
    default void preflight(Duration timeout) {}
}
