package org.requestslakehouse.benchmarks;

import org.apache.flink.table.data.RowData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.requestslakehouse.config.ParseConfig;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.parsing.ParseOutcome;
import org.requestslakehouse.parsing.RequestEventParser;
import org.requestslakehouse.sinks.iceberg.ServiceRequestConverter;

/**
 * The job's per-event CPU path before state and Iceberg: parse, validate, normalise and enrich one request event
 * (the parser), and the same followed by the conversion to the silver table's RowData. The rows cycle through all
 * real samples, so every layout and quirk is in the mix.
 */
public class ParseBenchmark extends OneCoreBenchmark {
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
