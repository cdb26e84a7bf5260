package org.requestslakehouse.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.requestslakehouse.csv.CsvEvent;
import org.requestslakehouse.csv.CsvEventReader;
import org.requestslakehouse.model.RawEvent;

/**
 * Every row of the real Boston extracts (three layouts, one spreadsheet-damaged), as the request events the job
 * receives from Kafka. The directory is {@code job/src/test/resources/real311} from the project root, or the
 * {@code real311.dir} system property (pass it to the forks with {@code -jvmArgsAppend -Dreal311.dir=...}).
 */
final class RealRows {
    static final String[] FILES = {
        "boston311_2011_layout-socrata.csv",
        "boston311_2022_layout-ckan.csv",
        "boston311_2025_layout-current_damaged.csv"
    };

    private RealRows() {}

    static RawEvent[] asKafkaEvents() throws IOException {
        Path dir = Paths.get(System.getProperty("real311.dir", "job/src/test/resources/real311"));
        List<RawEvent> events = new ArrayList<>();
        for (String file : FILES) {
            try (CsvEventReader reader = CsvEventReader.open(dir.resolve(file))) {
                CsvEvent row;
                while ((row = reader.next()) != null) {
                    events.add(new RawEvent(
                            "kafka",
                            "service-requests",
                            "0",
                            Integer.toString(events.size()),
                            1_700_000_000_000L,
                            1_700_000_000_000L,
                            row.json()));
                }
            }
        }
        if (events.isEmpty()) {
            throw new IllegalStateException("No rows in " + dir.toAbsolutePath());
        }
        return events.toArray(new RawEvent[0]);
    }
}
