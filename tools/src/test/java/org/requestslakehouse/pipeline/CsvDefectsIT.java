package org.requestslakehouse.pipeline;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.generate.Layout;
import org.requestslakehouse.generate.RequestCsvWriter;
import org.requestslakehouse.job.JobEnvironments;
import org.requestslakehouse.job.LakehouseJob;
import org.requestslakehouse.model.RejectReason;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;
import org.requestslakehouse.testing.ExpectedLakehouse;
import org.requestslakehouse.testing.LakehouseAssertions;
import org.requestslakehouse.testing.TestJobs;
import org.requestslakehouse.verify.GoldVerifier;

/**
 * Defective CSV input through the job {@code run --source csv} ships (the repository's flink-conf: RocksDB and its
 * restart strategy): every defect is one quarantined row naming its file, line and reason, every other record
 * lands, and no task is ever restarted, because no content makes the source throw. The expectations come from
 * the generated clean file and from where the test put each defect, not from the reader under test.
 */
class CsvDefectsIT {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = TestJobs.miniCluster();

    private static final int GOOD_ROWS = 10_000;
    private static final int DEFECT_EVERY = 100;

    /** How a good line is damaged, cycling through the kinds so each appears equally often. */
    private enum Damage {
        INVALID_UTF8(RejectReason.INVALID_ENCODING),
        UNCLOSED_QUOTE(RejectReason.BROKEN_QUOTING),
        TEXT_AFTER_QUOTE(RejectReason.BROKEN_QUOTING),
        RAGGED(RejectReason.WRONG_FIELD_COUNT),
        NUL(RejectReason.NUL_BYTE);

        final RejectReason reason;

        Damage(RejectReason reason) {
            this.reason = reason;
        }

        byte[] apply(byte[] line, int occurrence) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            switch (this) {
                case INVALID_UTF8 -> splice(out, line, 1, new byte[] {(byte) 0xE9});
                case UNCLOSED_QUOTE -> splice(out, line, 0, new byte[] {'"'});
                case TEXT_AFTER_QUOTE -> {
                    int comma = indexOf(line, (byte) ',');
                    out.write('"');
                    out.write(line, 0, comma);
                    out.writeBytes("\"x".getBytes(UTF_8));
                    out.write(line, comma, line.length - comma);
                }
                case RAGGED -> {
                    if (occurrence % 2 == 0) {
                        out.writeBytes(line);
                        out.writeBytes(",extra".getBytes(UTF_8));
                    } else {
                        out.write(line, 0, indexOf(line, (byte) ','));
                    }
                }
                case NUL -> splice(out, line, 1, new byte[] {0});
                default -> throw new IllegalStateException();
            }
            return out.toByteArray();
        }
    }

    @Test
    void oneHundredDefectiveLinesAmongTenThousandAreQuarantinedAndTheJobNeverRestarts(
            @TempDir Path tmp, @InjectMiniCluster MiniCluster cluster) throws Exception {
        Path clean = tmp.resolve("clean.csv");
        RequestCsvWriter.write(clean, Layout.CKAN_2019, GOOD_ROWS, 20261206L);
        List<byte[]> lines = lines(Files.readAllBytes(clean));
        assertThat(lines).as("one record per line").hasSize(GOOD_ROWS + 1);

        Path input = tmp.resolve("with-defects.csv");
        Map<String, RejectReason> expectedRejections = new HashMap<>();
        Map<String, ByteBuffer> defectBytes = new HashMap<>();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        writeLine(file, lines.get(0));
        long line = 1;
        for (int row = 1; row <= GOOD_ROWS; row++) {
            writeLine(file, lines.get(row));
            line++;
            if (row % DEFECT_EVERY == 0) {
                int n = row / DEFECT_EVERY - 1;
                Damage damage = Damage.values()[n % Damage.values().length];
                byte[] defect = damage.apply(lines.get(row), n / Damage.values().length);
                writeLine(file, defect);
                line++;
                expectedRejections.put(input + ":" + line, damage.reason);
                defectBytes.put(input + ":" + line, ByteBuffer.wrap(defect));
            }
        }
        Files.write(input, file.toByteArray());
        ExpectedLakehouse expectedFromClean = ExpectedLakehouse.of(List.of(clean));
        assertThat(expectedFromClean.rejections()).isEmpty();
        assertThat(expectedRejections).hasSize(GOOD_ROWS / DEFECT_EVERY);

        JobConfig config = config(tmp.resolve("warehouse"), input);
        long start = System.nanoTime();
        JobExecutionResult result = runAsShipped(config);
        double seconds = (System.nanoTime() - start) / 1e9;

        List<Record> bronze = LakehouseAssertions.rows(config.catalog(), LakehouseTable.RAW_EVENTS);
        List<Record> silver = LakehouseAssertions.rows(config.catalog(), LakehouseTable.SERVICE_REQUESTS);
        List<Record> rejected = LakehouseAssertions.rows(config.catalog(), LakehouseTable.REJECTED_EVENTS);
        System.out.printf(
                "CsvDefectsIT: %d good + %d defective lines: bronze %d, silver %d, rejected %d, "
                        + "restarts %d, job %.1f s%n",
                GOOD_ROWS,
                expectedRejections.size(),
                bronze.size(),
                silver.size(),
                rejected.size(),
                restarts(cluster, result),
                seconds);

        assertThat(restarts(cluster, result)).isZero();
        assertThat(bronze).hasSize(GOOD_ROWS + expectedRejections.size());
        assertThat(LakehouseAssertions.requestIdentities(silver)).isEqualTo(expectedFromClean.validRequests());
        assertThat(silver).hasSize(expectedFromClean.validRequests().size());
        assertThat(rejected).hasSize(expectedRejections.size());
        Map<String, RejectReason> actualRejections = new HashMap<>();
        for (Record r : rejected) {
            String coordinate = r.getField("source_name") + ":" + r.getField("source_position");
            actualRejections.put(coordinate, RejectReason.valueOf((String) r.getField("reason_code")));
            assertThat((String) r.getField("detail")).startsWith("line " + r.getField("source_position") + ": ");
            assertThat((ByteBuffer) r.getField("payload")).as(coordinate).isEqualTo(defectBytes.get(coordinate));
        }
        assertThat(actualRejections).isEqualTo(expectedRejections);
        Map<String, ByteBuffer> bronzeDefects = bronze.stream()
                .filter(r ->
                        expectedRejections.containsKey(r.getField("source_name") + ":" + r.getField("source_position")))
                .collect(Collectors.toMap(r -> r.getField("source_name") + ":" + r.getField("source_position"), r ->
                        (ByteBuffer) r.getField("payload")));
        assertThat(bronzeDefects).as("bronze keeps the defective lines' bytes").isEqualTo(defectBytes);
        assertThat(GoldVerifier.verify(config, System.out)).isTrue();
    }

    @Test
    void truncatedAndCorruptGzipFilesLandEveryRecordBeforeTheDamageAndNameIt(
            @TempDir Path tmp, @InjectMiniCluster MiniCluster cluster) throws Exception {
        Path clean = tmp.resolve("clean.csv");
        RequestCsvWriter.write(clean, Layout.CKAN_2019, 1_000, 20261207L);
        List<byte[]> lines = lines(Files.readAllBytes(clean));
        int intact = 600;
        byte[] before = concat(lines.subList(0, intact + 1));
        byte[] cutRow = Arrays.copyOf(lines.get(intact + 1), 40);
        byte[] after = concat(lines.subList(intact + 1, lines.size()));
        byte[] gzip = gzipWithBlockEnd(before, cutRow, after);
        Path truncated = tmp.resolve("truncated.csv.gz");
        Files.write(truncated, Arrays.copyOf(gzip, flushedLength));
        Path corrupt = tmp.resolve("corrupt.csv.gz");
        byte[] damaged = gzip.clone();
        damaged[flushedLength] = (byte) 0xFF; // a deflate block of the reserved type
        Files.write(corrupt, damaged);
        Path cleanPrefix = tmp.resolve("prefix.csv");
        Files.write(cleanPrefix, before);
        Set<String> expectedCases = ExpectedLakehouse.of(List.of(cleanPrefix)).validRequests();

        JobConfig config = config(tmp.resolve("warehouse"), truncated, corrupt);
        JobExecutionResult result = runAsShipped(config);

        List<Record> bronze = LakehouseAssertions.rows(config.catalog(), LakehouseTable.RAW_EVENTS);
        List<Record> rejected = LakehouseAssertions.rows(config.catalog(), LakehouseTable.REJECTED_EVENTS);
        List<Record> silver = LakehouseAssertions.rows(config.catalog(), LakehouseTable.SERVICE_REQUESTS);
        assertThat(restarts(cluster, result)).isZero();
        assertThat(bronze).hasSize(2 * (intact + 1));
        assertThat(LakehouseAssertions.requestIdentities(silver)).isEqualTo(expectedCases);
        assertThat(expectedCases).hasSize(intact);
        Set<String> rejections = new HashSet<>();
        long damagedLine = intact + 2;
        for (Record r : rejected) {
            rejections.add(
                    r.getField("source_name") + ":" + r.getField("source_position") + "=" + r.getField("reason_code"));
            assertThat((ByteBuffer) r.getField("payload")).isEqualTo(ByteBuffer.wrap(cutRow));
            assertThat((String) r.getField("detail"))
                    .startsWith("line " + damagedLine + ": the gzip stream ")
                    .endsWith("; the " + intact + " records before it were read");
        }
        assertThat(rejections)
                .containsExactlyInAnyOrder(
                        truncated + ":" + damagedLine + "=" + RejectReason.TRUNCATED_GZIP,
                        corrupt + ":" + damagedLine + "=" + RejectReason.CORRUPT_GZIP);
    }

    /** Runs the job as {@code run} does: its environment over the repository's flink-conf, then {@link LakehouseJob#run}. */
    private static JobExecutionResult runAsShipped(JobConfig config) throws Exception {
        StreamExecutionEnvironment env = JobEnvironments.selfManaged(config.runtime(), Paths.get("flink-conf"));
        return LakehouseJob.run(env, config);
    }

    /** Task attempts beyond the first, over every subtask: any restart, global or of one region, counts. */
    private static int restarts(MiniCluster cluster, JobExecutionResult result) throws Exception {
        AccessExecutionGraph graph =
                cluster.getArchivedExecutionGraph(result.getJobID()).get();
        int restarts = 0;
        for (AccessExecutionVertex vertex : graph.getAllExecutionVertices()) {
            restarts += vertex.getCurrentExecutionAttempt().getAttemptNumber();
        }
        return restarts;
    }

    private static JobConfig config(Path warehouse, Path... inputs) {
        return TestJobs.config(warehouse, TestJobs.csvSource(List.of(inputs)));
    }

    /** Length of the gzip stream up to the block boundary, set by {@link #gzipWithBlockEnd}. */
    private int flushedLength;

    /** Gzip of {@code head + cut + tail} whose compressed bytes for {@code head + cut} end on a block boundary. */
    private byte[] gzipWithBlockEnd(byte[] head, byte[] cut, byte[] tail) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out, true)) {
            gz.write(head);
            gz.write(cut);
            gz.flush();
            flushedLength = out.size();
            gz.write(tail, cut.length, tail.length - cut.length);
        }
        return out.toByteArray();
    }

    /** The file's lines without their LF. */
    private static List<byte[]> lines(byte[] file) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < file.length; i++) {
            if (file[i] == '\n') {
                lines.add(Arrays.copyOfRange(file, start, i));
                start = i + 1;
            }
        }
        if (start < file.length) {
            lines.add(Arrays.copyOfRange(file, start, file.length));
        }
        return lines;
    }

    /** Lines joined, each followed by LF. */
    private static byte[] concat(List<byte[]> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lines.forEach(line -> writeLine(out, line));
        return out.toByteArray();
    }

    private static void writeLine(ByteArrayOutputStream out, byte[] line) {
        out.writeBytes(line);
        out.write('\n');
    }

    private static void splice(ByteArrayOutputStream out, byte[] line, int at, byte[] inserted) {
        out.write(line, 0, at);
        out.writeBytes(inserted);
        out.write(line, at, line.length - at);
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new IllegalArgumentException("no '" + (char) b + "' in the line");
    }
}
