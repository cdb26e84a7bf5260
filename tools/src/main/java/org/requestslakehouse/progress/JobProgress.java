package org.requestslakehouse.progress;

import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.JobListener;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.config.SourceConfig.SourceType;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;
import org.requestslakehouse.sinks.iceberg.LakehouseTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of a local run of the job: events committed to bronze (every event read, once its checkpoint has
 * committed), with an ETA when the total is known: given (the demo knows how many events it replayed), counted
 * from local CSV inputs in the background, or unknown for a stream, which has no end to estimate.
 */
public final class JobProgress {
    /** Commits happen once per checkpoint (seconds apart); polling faster would only reread the same snapshot. */
    static final Duration POLL_EVERY = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(JobProgress.class);

    private JobProgress() {}

    /** @param knownTotal events the job will read, or a negative number to count or leave unknown */
    public static CommittedRowsProgress start(JobConfig config, long knownTotal) {
        ProgressReporter reporter = ProgressReporter.forConsole("job", "events committed", knownTotal);
        if (knownTotal < 0 && config.source().type() == SourceType.CSV) {
            List<String> paths = config.source().csvPaths();
            if (paths.stream().noneMatch(p -> p.contains("://"))) {
                CsvRecordCount.countInBackground(paths.stream().map(Paths::get).toList(), reporter::total);
            }
        }
        return CommittedRowsProgress.start(
                config.catalog(),
                new LakehouseTables(config.catalog()).identifier(LakehouseTable.RAW_EVENTS),
                reporter,
                POLL_EVERY);
    }

    /**
     * Progress from the moment the job is submitted, so nothing is printed while the start-up checks run (an
     * unreachable broker takes their whole timeout) or after a failure: the error is then the last word.
     * Register it on the environment before {@code execute}.
     */
    public static JobListener whileRunning(JobConfig config, long knownTotal) {
        return new JobListener() {
            private CommittedRowsProgress progress;

            @Override
            public void onJobSubmitted(JobClient jobClient, Throwable submissionFailure) {
                if (submissionFailure != null) {
                    return;
                }
                try {
                    progress = start(config, knownTotal);
                } catch (RuntimeException e) {
                    // Progress is a courtesy: a listener that threw would leave the submitted job running unwatched.
                    LOG.warn("No progress report: could not read {}: {}", LakehouseTable.RAW_EVENTS, e.getMessage());
                }
            }

            @Override
            public void onJobExecuted(JobExecutionResult result, Throwable failure) {
                if (progress == null) {
                    return;
                }
                try {
                    if (failure == null) {
                        progress.close();
                    } else {
                        progress.abandon();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }
}
