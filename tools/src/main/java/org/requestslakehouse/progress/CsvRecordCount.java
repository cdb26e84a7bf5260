package org.requestslakehouse.progress;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongConsumer;
import org.requestslakehouse.csv.EventFileReader;
import org.requestslakehouse.replay.ReplayInputs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the records of CSV and JSON inputs with the reader the job's file source uses, so the count is exactly the number
 * of events the job will read. Runs beside the job on a daemon thread: reading is several times faster than the
 * job processes, so the ETA appears early and costs the job little.
 */
public final class CsvRecordCount {
    private static final Logger LOG = LoggerFactory.getLogger(CsvRecordCount.class);

    private CsvRecordCount() {}

    public static long count(List<Path> files) throws IOException {
        long records = 0;
        for (Path file : files) {
            try (EventFileReader reader = EventFileReader.open(file)) {
                while (reader.next() != null) {
                    records++;
                }
            }
        }
        return records;
    }

    /**
     * Calls {@code onCount} with the total when done; on a missing input or read error, never (the job reports
     * that error).
     *
     * @param inputs files and directories, expanded as the replay command does
     */
    public static void countInBackground(List<Path> inputs, LongConsumer onCount) {
        Thread counter = new Thread(
                () -> {
                    try {
                        onCount.accept(count(ReplayInputs.expand(inputs)));
                    } catch (IOException | RuntimeException e) {
                        LOG.debug("Could not count the records of {}; progress shows no ETA", inputs, e);
                    }
                },
                "progress-csv-count");
        counter.setDaemon(true);
        counter.start();
    }
}
