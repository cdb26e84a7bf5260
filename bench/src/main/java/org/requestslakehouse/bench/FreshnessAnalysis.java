package org.requestslakehouse.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotChanges;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.parquet.Parquet;
import org.requestslakehouse.gold.lifecycle.CaseDimensions;

/**
 * When each produced event became visible, from the tables' own history: a row becomes visible with the snapshot
 * that adds its data file, at that snapshot's commit time.
 *
 * <ul>
 *   <li><b>Silver.</b> Every accepted version is a row of silver.service_requests whose {@code source_ref} names
 *       its Kafka partition and offset, so each event's visibility is exact.</li>
 *   <li><b>Gold.</b> A case's first event adds 1 to {@code opened} of its window (UTC hour of open_ts ×
 *       normalised neighborhood) in gold.requests_hourly. The k-th such event of a window, in produce order, is
 *       visible once a committed row of that window counts at least k. Events of one window arriving through
 *       two partitions may be counted in a slightly different order than they were produced; the error is the
 *       reordering delay, milliseconds at the rates measured here.</li>
 * </ul>
 */
final class FreshnessAnalysis {
    private static final Pattern KAFKA_REF = Pattern.compile("kafka:.*/(\\d+)@(\\d+)");

    /** Latencies in milliseconds, of the events produced at or after the measurement start. */
    record Latencies(long[] silverMillis, long[] goldMillis, long goldNotVisible) {}

    /** The first event of one case: it opens the case's gold window. */
    private record CaseOpening(long producedAtMillis, String window) {}

    private FreshnessAnalysis() {}

    static Latencies analyse(Table silver, Table hourly, ProduceTimes produced, long measuredFromMillis) {
        List<Long> silverLatencies = new ArrayList<>();
        Map<Long, CaseOpening> openings = new HashMap<>();
        Schema silverColumns = silver.schema().select("case_enquiry_id", "open_ts", "neighborhood", "source_ref");
        forEachAddedRow(silver, silverColumns, (snapshot, row) -> {
            long producedAt = producedAt(produced, (String) row.getField("source_ref"));
            if (producedAt >= measuredFromMillis) {
                silverLatencies.add(snapshot.timestampMillis() - producedAt);
            }
            Instant openTs = ((OffsetDateTime) row.getField("open_ts")).toInstant();
            String window = window(openTs, CaseDimensions.normalise((String) row.getField("neighborhood")));
            openings.merge(
                    (Long) row.getField("case_enquiry_id"),
                    new CaseOpening(producedAt, window),
                    (a, b) -> a.producedAtMillis() <= b.producedAtMillis() ? a : b);
        });

        Map<String, long[]> openingTimesByWindow = openingTimesByWindow(openings);
        Map<String, Long> countedSoFar = new HashMap<>();
        List<Long> goldLatencies = new ArrayList<>();
        Schema hourlyColumns = hourly.schema().select("window_start", "neighborhood", "opened");
        forEachAddedRow(hourly, hourlyColumns, (snapshot, row) -> {
            String window = window(
                    ((OffsetDateTime) row.getField("window_start")).toInstant(), (String) row.getField("neighborhood"));
            long[] times = openingTimesByWindow.get(window);
            if (times == null) {
                return;
            }
            long before = countedSoFar.getOrDefault(window, 0L);
            long now = Math.min((Long) row.getField("opened"), times.length);
            for (long k = before; k < now; k++) {
                if (times[(int) k] >= measuredFromMillis) {
                    goldLatencies.add(snapshot.timestampMillis() - times[(int) k]);
                }
            }
            countedSoFar.put(window, Math.max(before, now));
        });

        long expectedInGold = openings.values().stream()
                .filter(o -> o.producedAtMillis() >= measuredFromMillis)
                .count();
        return new Latencies(toArray(silverLatencies), toArray(goldLatencies), expectedInGold - goldLatencies.size());
    }

    private static Map<String, long[]> openingTimesByWindow(Map<Long, CaseOpening> openings) {
        Map<String, List<Long>> grouped = new HashMap<>();
        for (CaseOpening opening : openings.values()) {
            grouped.computeIfAbsent(opening.window(), w -> new ArrayList<>()).add(opening.producedAtMillis());
        }
        Map<String, long[]> sorted = new HashMap<>();
        grouped.forEach((window, times) -> {
            long[] array = toArray(times);
            Arrays.sort(array);
            sorted.put(window, array);
        });
        return sorted;
    }

    private static String window(Instant time, String neighborhood) {
        return time.truncatedTo(ChronoUnit.HOURS) + "|" + neighborhood;
    }

    static long producedAt(ProduceTimes produced, String sourceRef) {
        Matcher m = KAFKA_REF.matcher(sourceRef == null ? "" : sourceRef);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a Kafka source_ref: " + sourceRef);
        }
        return produced.producedAt(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)));
    }

    /** Rows of the data files each snapshot added, snapshot by snapshot in commit order. */
    private static void forEachAddedRow(Table table, Schema columns, RowVisitor visitor) {
        List<Snapshot> snapshots = new ArrayList<>();
        table.snapshots().forEach(snapshots::add);
        snapshots.sort(Comparator.comparingLong(Snapshot::sequenceNumber));
        for (Snapshot snapshot : snapshots) {
            for (DataFile file :
                    SnapshotChanges.builderFor(table).snapshot(snapshot).build().addedDataFiles()) {
                readRows(table, file, columns, row -> visitor.visit(snapshot, row));
            }
        }
    }

    private static void readRows(Table table, DataFile file, Schema columns, Consumer<Record> rows) {
        try (CloseableIterable<Record> records = Parquet.read(table.io().newInputFile(file.location()))
                .project(columns)
                .createReaderFunc(fileSchema -> GenericParquetReaders.buildReader(columns, fileSchema))
                .build()) {
            records.forEach(rows);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.location(), e);
        }
    }

    private static long[] toArray(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    @FunctionalInterface
    private interface RowVisitor {
        void visit(Snapshot snapshot, Record row);
    }
}
