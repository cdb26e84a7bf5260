package org.requestslakehouse.benchmarks;

import java.util.concurrent.TimeUnit;
import org.apache.flink.table.data.RowData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.requestslakehouse.config.ParseConfig;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.parsing.ParseOutcome;
import org.requestslakehouse.parsing.RequestEventParser;
import org.requestslakehouse.sinks.iceberg.ServiceRequestConverter;

/**
 * The job's per-event CPU path before state and Iceberg: parse, validate, normalise and enrich one request event
 * (the parser), and the same followed by the conversion to the silver table's RowData. One thread, so the score is
 * operations per second per core. The rows cycle through all real samples, so every layout and quirk is in the mix.
 *
 * <p>{@code java -jar bench/target/requests-lakehouse-bench-benchmarks.jar -prof gc} adds allocated bytes per operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class ParseBenchmark {
    /** A fixed "now": it only decides whether a timestamp is in the future. */
    private static final long NOW = 1_750_000_000_000L;

    private RawEvent[] events;
    private int next;
    private RequestEventParser parser;
    private ServiceRequestConverter converter;

    @Setup
    public void setUp() throws Exception {
        events = RealRows.asKafkaEvents();
        parser = new RequestEventParser(ParseConfig.defaults());
        converter = new ServiceRequestConverter();
    }

    @Benchmark
    public ParseOutcome parse() {
        return parser.parse(nextEvent(), NOW);
    }

    @Benchmark
    public RowData parseAndConvertToSilverRow() throws Exception {
        ParseOutcome outcome = parser.parse(nextEvent(), NOW);
        return outcome.isAccepted() ? converter.map(outcome.request()) : null;
    }

    private RawEvent nextEvent() {
        RawEvent event = events[next];
        next = next + 1 == events.length ? 0 : next + 1;
        return event;
    }
}
