package org.requestslakehouse.sources;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.requestslakehouse.config.NotFoundException;
import org.requestslakehouse.config.SourceSettings;
import org.requestslakehouse.model.RawEvent;

/**
 * Bounded source over CSV and Open311 JSON files and directories (recursively; hidden and {@code _}-prefixed files
 * skipped); each file's format is told by its content.
 */
public class CsvEventSource implements EventSource {
    public static final String OPERATOR_NAME = "source-csv";
    public static final String OPERATOR_UID = "source-csv";

    private final List<String> paths;

    public CsvEventSource(List<String> paths) {
        this.paths = List.copyOf(paths);
    }

    /**
     * A missing input file would otherwise fail the file source's enumerator after submission, where a restart
     * strategy retries it. Paths with a scheme (s3://, hdfs://) are for Flink's file systems to resolve.
     */
    @Override
    public void preflight(Duration timeout) {
        for (String path : paths) {
            if (!path.matches("^[a-zA-Z][a-zA-Z0-9+.-]+://.*") && !Files.exists(Paths.get(path))) {
                throw new NotFoundException("Input " + path + " does not exist: give existing CSV files or directories"
                        + " (--input, setting " + SourceSettings.CSV_PATHS.qualified() + ").");
            }
        }
    }

    @Override
    public DataStream<RawEvent> create(StreamExecutionEnvironment env) {
        Path[] inputs = paths.stream().map(CsvEventSource::toFlinkPath).toArray(Path[]::new);
        FileSource<RawEvent> files =
                FileSource.forBulkFileFormat(new CsvBulkFormat(), inputs).build();
        // In a checkpointed run the files' end waits for a checkpoint, so a resume after a kill re-reads nothing
        // that Iceberg's end-of-input commit already wrote.
        Source<RawEvent, ?, ?> source = env.getCheckpointConfig().isCheckpointingEnabled()
                ? new EndAfterCheckpointSource<>(files, files.getProducedType())
                : files;
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), OPERATOR_NAME)
                .uid(OPERATOR_UID);
    }

    /**
     * The bronze source_name of a configured path: the name of the file, or the prefix ({@code name + "/"}) of the
     * files found under a directory.
     */
    public static String sourceName(String configuredPath) {
        return CsvBulkFormat.sourceName(toFlinkPath(configuredPath));
    }

    /** Plain paths are local files; anything with a scheme (s3://, hdfs://) goes to Flink's file systems. */
    private static Path toFlinkPath(String path) {
        return path.contains("://") ? new Path(path) : Path.fromLocalFile(new File(path).getAbsoluteFile());
    }
}
