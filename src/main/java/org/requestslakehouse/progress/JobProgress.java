package org.requestslakehouse.progress;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;

import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.config.SourceConfig.SourceType;
import org.requestslakehouse.replay.ReplayInputs;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;
import org.requestslakehouse.sinks.iceberg.LakehouseTables;

/**
 * Progress of a local run of the job: events committed to bronze (every event read, once its checkpoint has
 * committed), with an ETA when the total is known: given (the demo knows how many events it replayed), counted
 * from local CSV inputs in the background, or unknown for a stream, which has no end to estimate.
 */
public final class JobProgress {
    /** Commits happen once per checkpoint (seconds apart); polling faster would only reread the same snapshot. */
    static final Duration POLL_EVERY = Duration.ofSeconds(1);

    private JobProgress() {}

    /** @param knownTotal events the job will read, or a negative number to count or leave unknown */
    public static CommittedRowsProgress start(JobConfig config, long knownTotal) {
        ProgressReporter reporter = ProgressReporter.forConsole("job", "events committed", knownTotal);
        if (knownTotal < 0 && config.source().type() == SourceType.CSV) {
            List<String> paths = config.source().csvPaths();
            if (paths.stream().noneMatch(p -> p.contains("://"))) {
                List<Path> files = ReplayInputs.expand(paths.stream().map(Paths::get).toList());
                CsvRecordCount.countInBackground(files, reporter::total);
            }
        }
        return CommittedRowsProgress.start(config.catalog(), new LakehouseTables(config.catalog()).identifier(LakehouseTable.RAW_EVENTS),
                reporter, POLL_EVERY);
    }
}
