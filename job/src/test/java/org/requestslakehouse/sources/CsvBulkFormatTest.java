package org.requestslakehouse.sources;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.RecordAndPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.model.RejectReason;

/**
 * A restore skips exactly the records a checkpoint says were emitted, defects included, so a restarted job
 * neither loses nor repeats a record of a file with defects.
 */
class CsvBulkFormatTest {
    private static final int GOOD_ROWS = 2_500;

    @Test
    void restoringAtAnyCheckpointedPositionResumesWithTheNextRecordDefectsIncluded(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("defects.csv.gz");
        Files.write(file, truncatedGzip(csvWithDefects()));
        CsvBulkFormat format = new CsvBulkFormat();
        FileSourceSplit split = new FileSourceSplit(
                "0",
                org.apache.flink.core.fs.Path.fromLocalFile(file.toFile()),
                0,
                Files.size(file),
                0,
                Files.size(file));

        List<RecordAndPosition<RawEvent>> all = readAll(format.createReader(new Configuration(), split));

        assertThat(all).hasSize(GOOD_ROWS + 6);
        List<Integer> defects = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).getRecordSkipCount()).isEqualTo(i + 1);
            if (all.get(i).getRecord().sourceDefect != null) {
                defects.add(i);
            }
        }
        assertThat(defects)
                .extracting(i -> all.get(i).getRecord().sourceDefect)
                .containsExactly(
                        RejectReason.INVALID_ENCODING,
                        RejectReason.BROKEN_QUOTING,
                        RejectReason.WRONG_FIELD_COUNT,
                        RejectReason.NUL_BYTE,
                        RejectReason.WRONG_FIELD_COUNT,
                        RejectReason.TRUNCATED_GZIP);
        assertThat(all.get(all.size() - 1).getRecord().sourceDefect).isEqualTo(RejectReason.TRUNCATED_GZIP);

        TreeSet<Integer> positions = new TreeSet<>(List.of(
                0,
                1,
                CsvBulkFormat.BATCH_SIZE - 1,
                CsvBulkFormat.BATCH_SIZE,
                CsvBulkFormat.BATCH_SIZE + 1,
                all.size() - 1,
                all.size()));
        for (int defect : defects) {
            positions.addAll(List.of(defect - 1, defect, defect + 1));
        }
        for (int skip : positions) {
            FileSourceSplit restored = split.updateWithCheckpointedPosition(
                    new CheckpointedPosition(CheckpointedPosition.NO_OFFSET, skip));
            List<RecordAndPosition<RawEvent>> rest = readAll(format.restoreReader(new Configuration(), restored));

            assertThat(rest).as("restored after %d records", skip).hasSize(all.size() - skip);
            for (int i = 0; i < rest.size(); i++) {
                RecordAndPosition<RawEvent> expected = all.get(skip + i);
                assertThat(rest.get(i).getRecordSkipCount()).isEqualTo(expected.getRecordSkipCount());
                assertSameRecord(rest.get(i).getRecord(), expected.getRecord());
            }
        }
    }

    /** The same guarantee for an Open311 JSON file: the skip count is of elements, defects included. */
    @Test
    void restoringAJsonFileAtAnyCheckpointedPositionResumesWithTheNextElementDefectsIncluded(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("requests.json.gz");
        Files.write(file, truncatedGzip(jsonWithDefects()));
        CsvBulkFormat format = new CsvBulkFormat();
        FileSourceSplit split = new FileSourceSplit(
                "0",
                org.apache.flink.core.fs.Path.fromLocalFile(file.toFile()),
                0,
                Files.size(file),
                0,
                Files.size(file));

        List<RecordAndPosition<RawEvent>> all = readAll(format.createReader(new Configuration(), split));

        assertThat(all).hasSize(GOOD_ROWS + 4);
        List<Integer> defects = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).getRecordSkipCount()).isEqualTo(i + 1);
            if (all.get(i).getRecord().sourceDefect != null) {
                defects.add(i);
            }
        }
        assertThat(defects).containsExactly(10, 1000, 1501, GOOD_ROWS + 3);
        assertThat(defects)
                .extracting(i -> all.get(i).getRecord().sourceDefect)
                .containsExactly(
                        RejectReason.INVALID_ENCODING,
                        RejectReason.MALFORMED_JSON,
                        RejectReason.MALFORMED_JSON,
                        RejectReason.TRUNCATED_GZIP);
        assertThat(all.get(0).getRecord().sourcePosition).isEqualTo("2");
        assertThat(all.get(0).getRecord().sourceType).isEqualTo(CsvBulkFormat.SOURCE_TYPE);
        assertThat(new String(all.get(0).getRecord().payload, UTF_8))
                .isEqualTo("{\"service_request_id\": \"SR-1\", \"requested_datetime\": \"2024-01-01T10:00:00-05:00\"}");

        TreeSet<Integer> positions = new TreeSet<>(List.of(
                0,
                1,
                CsvBulkFormat.BATCH_SIZE - 1,
                CsvBulkFormat.BATCH_SIZE,
                CsvBulkFormat.BATCH_SIZE + 1,
                all.size() - 1,
                all.size()));
        for (int defect : defects) {
            positions.addAll(List.of(defect - 1, defect, defect + 1));
        }
        for (int skip : positions) {
            FileSourceSplit restored = split.updateWithCheckpointedPosition(
                    new CheckpointedPosition(CheckpointedPosition.NO_OFFSET, skip));
            List<RecordAndPosition<RawEvent>> rest = readAll(format.restoreReader(new Configuration(), restored));

            assertThat(rest).as("restored after %d records", skip).hasSize(all.size() - skip);
            for (int i = 0; i < rest.size(); i++) {
                RecordAndPosition<RawEvent> expected = all.get(skip + i);
                assertThat(rest.get(i).getRecordSkipCount()).isEqualTo(expected.getRecordSkipCount());
                assertSameRecord(rest.get(i).getRecord(), expected.getRecord());
            }
        }
    }

    /** Open311 elements, one per line, with a bad encoding, a syntax error and a stray bracket among them. */
    private static byte[] jsonWithDefects() {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        json.writeBytes("[\n".getBytes(UTF_8));
        for (int i = 1; i <= GOOD_ROWS; i++) {
            json.writeBytes(("{\"service_request_id\": \"SR-" + i
                            + "\", \"requested_datetime\": \"2024-01-01T10:00:00-05:00\"},\n")
                    .getBytes(UTF_8));
            switch (i) {
                case 10 -> json.writeBytes(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xE9, '"', '}', ',', '\n'});
                case 999 -> json.writeBytes("{\"a\": \"x\",},\n".getBytes(UTF_8));
                case 1499 -> json.writeBytes("},\n".getBytes(UTF_8));
                default -> {}
            }
        }
        json.writeBytes("]\n".getBytes(UTF_8));
        return json.toByteArray();
    }

    private static void assertSameRecord(RawEvent actual, RawEvent expected) {
        assertThat(actual.sourcePosition).isEqualTo(expected.sourcePosition);
        assertThat(actual.sourceName).isEqualTo(expected.sourceName);
        assertThat(actual.payload).isEqualTo(expected.payload);
        assertThat(actual.sourceDefect).isEqualTo(expected.sourceDefect);
        assertThat(actual.sourceDefectDetail).isEqualTo(expected.sourceDefectDetail);
    }

    /** Good rows with one defect of each line-level kind spread among them. */
    private static byte[] csvWithDefects() throws IOException {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        csv.writeBytes("case_enquiry_id,open_dt,note\n".getBytes(UTF_8));
        for (int i = 1; i <= GOOD_ROWS; i++) {
            csv.writeBytes(("" + (100_000 + i) + ",2024-01-01 10:00:00,row " + i + "\n").getBytes(UTF_8));
            switch (i) {
                case 10 -> csv.writeBytes(new byte[] {'9', ',', (byte) 0xE9, ',', 'x', '\n'});
                case 999 -> csv.writeBytes("9,\"unclosed,x\n".getBytes(UTF_8));
                case 1000 -> csv.writeBytes("9,too,many,fields\n".getBytes(UTF_8));
                case 1500 -> csv.writeBytes(new byte[] {'9', ',', 0, ',', 'x', '\n'});
                case 2000 -> csv.writeBytes("9,few\n".getBytes(UTF_8));
                default -> {}
            }
        }
        return csv.toByteArray();
    }

    /** Gzip-compressed, with the last bytes of the trailer cut off: every record decodes, then the stream ends early. */
    private static byte[] truncatedGzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        byte[] gzip = out.toByteArray();
        return java.util.Arrays.copyOf(gzip, gzip.length - 4);
    }

    private static List<RecordAndPosition<RawEvent>> readAll(BulkFormat.Reader<RawEvent> reader) throws IOException {
        List<RecordAndPosition<RawEvent>> records = new ArrayList<>();
        try (reader) {
            BulkFormat.RecordIterator<RawEvent> batch;
            while ((batch = reader.readBatch()) != null) {
                RecordAndPosition<RawEvent> record;
                while ((record = batch.next()) != null) {
                    records.add(new RecordAndPosition<>(
                            record.getRecord(), record.getOffset(), record.getRecordSkipCount()));
                }
                batch.releaseBatch();
            }
        }
        return records;
    }
}
