package org.requestslakehouse.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.requestslakehouse.config.ConfigLoader;
import org.requestslakehouse.csv.CsvEvent;
import org.requestslakehouse.csv.EventFileReader;
import org.requestslakehouse.parsing.ParseOutcome;
import org.requestslakehouse.parsing.RequestEventParser;

/**
 * What the job must write for some input files (CSV or Open311 JSON), worked out outside Flink by reading them with
 * the file source's reader and the parser one record at a time. Coordinates are {@code file:line}, as bronze and the quarantine record them.
 */
public final class ExpectedLakehouse {
    private int rows;
    private final Set<String> coordinates = new HashSet<>();
    private final Set<ByteBuffer> payloads = new HashSet<>();
    private final List<byte[]> payloadsInOrder = new ArrayList<>();
    private final Set<String> validRequests = new HashSet<>();
    private final Set<String> rejections = new HashSet<>();

    private ExpectedLakehouse() {}

    public static ExpectedLakehouse of(List<Path> files) throws IOException {
        ExpectedLakehouse e = new ExpectedLakehouse();
        RequestEventParser parser = new RequestEventParser(
                ConfigLoader.load(null, Map.of("source.csv.paths", "unused")).parse());
        for (Path file : files) {
            String name = file.toString();
            try (EventFileReader reader = EventFileReader.open(file)) {
                CsvEvent row;
                while ((row = reader.next()) != null) {
                    e.rows++;
                    String coordinate = name + ":" + row.lineNumber();
                    e.coordinates.add(coordinate);
                    e.payloads.add(ByteBuffer.wrap(row.payload()));
                    e.payloadsInOrder.add(row.payload());
                    ParseOutcome outcome = parser.parse(row.toRawEvent(name, 0L), 0L);
                    if (outcome.request() != null) {
                        e.validRequests.add(LakehouseAssertions.requestIdentity(
                                outcome.request().city, outcome.request().requestId));
                    } else {
                        e.rejections.add(coordinate + "=" + outcome.reason().name());
                    }
                }
            }
        }
        return e;
    }

    /** Rows read, so rows bronze must hold after one run. */
    public int rows() {
        return rows;
    }

    /** {@code file:line} of every row. */
    public Set<String> coordinates() {
        return Set.copyOf(coordinates);
    }

    /** Every row's request-event JSON, as bronze stores it. */
    public Set<ByteBuffer> payloads() {
        return Set.copyOf(payloads);
    }

    /** Every row's request-event JSON in file order, for publishing the same input to a broker. */
    public List<byte[]> payloadsInOrder() {
        return List.copyOf(payloadsInOrder);
    }

    /** {@code city/request_id} of the rows that parse, so exactly the requests silver must hold. */
    public Set<String> validRequests() {
        return Set.copyOf(validRequests);
    }

    /** {@code file:line=REASON} of every row the quarantine must hold. */
    public Set<String> rejections() {
        return Set.copyOf(rejections);
    }
}
