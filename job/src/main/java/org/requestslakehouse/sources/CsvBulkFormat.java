package org.requestslakehouse.sources;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.IteratorResultIterator;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.Path;
import org.requestslakehouse.csv.CsvEvent;
import org.requestslakehouse.csv.EventFileReader;
import org.requestslakehouse.model.RawEvent;

/**
 * Reads a whole CSV file or Open311 {@code requests.json} (plain or gzip; told apart by content, see
 * {@link EventFileReader}) as request events: one JSON object per data record or array element, with the file and
 * the record's first line as bronze coordinates. Files are not split because a quoted field may span lines and
 * a JSON element may fall anywhere.
 * A defective record (broken quoting, invalid UTF-8, a damaged gzip stream...) is emitted too, with its bytes
 * and its defect, so bronze archives it and the parser quarantines it: no content fails or restarts the job.
 *
 * <p>Checkpoints store how many records of the file were emitted, defects included; a restore re-reads the file
 * and skips that many, so a restart neither loses nor repeats a row. This is exact because the reader's sequence
 * of records, defects included, is a pure function of the file's bytes.
 */
public class CsvBulkFormat implements BulkFormat<RawEvent, FileSourceSplit> {
    static final int BATCH_SIZE = 1000;

    @Override
    public Reader<RawEvent> createReader(Configuration config, FileSourceSplit split) throws IOException {
        return new CsvFileReader(split.path(), 0);
    }

    @Override
    public Reader<RawEvent> restoreReader(Configuration config, FileSourceSplit split) throws IOException {
        long skip = split.getReaderPosition()
                .map(CheckpointedPosition::getRecordsAfterOffset)
                .orElse(0L);
        return new CsvFileReader(split.path(), skip);
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    @Override
    public TypeInformation<RawEvent> getProducedType() {
        return TypeInformation.of(RawEvent.class);
    }

    /** Names the file source, whatever the files' format: JSON files are "csv" rows in bronze too. */
    public static final String SOURCE_TYPE = CsvEvent.SOURCE_TYPE;

    /** A file's bronze source_name: local files by their plain path, remote ones (s3://...) by their full URI. */
    public static String sourceName(Path path) {
        return "file".equals(path.toUri().getScheme()) ? path.toUri().getPath() : path.toString();
    }

    private static final class CsvFileReader implements Reader<RawEvent> {
        private final String sourceName;
        private final EventFileReader reader;
        private long emitted;

        CsvFileReader(Path path, long recordsToSkip) throws IOException {
            this.sourceName = sourceName(path);
            FSDataInputStream in = path.getFileSystem().open(path);
            this.reader = EventFileReader.open(in, sourceName);
            for (long i = 0; i < recordsToSkip && reader.next() != null; i++) {
                emitted++;
            }
        }

        @Override
        public RecordIterator<RawEvent> readBatch() throws IOException {
            List<RawEvent> batch = new ArrayList<>(BATCH_SIZE);
            long now = System.currentTimeMillis();
            CsvEvent event;
            while (batch.size() < BATCH_SIZE && (event = reader.next()) != null) {
                batch.add(event.toRawEvent(sourceName, now));
            }
            if (batch.isEmpty()) {
                return null;
            }
            IteratorResultIterator<RawEvent> records =
                    new IteratorResultIterator<>(batch.iterator(), CheckpointedPosition.NO_OFFSET, emitted);
            emitted += batch.size();
            return records;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
