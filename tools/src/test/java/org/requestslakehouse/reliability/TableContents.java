package org.requestslakehouse.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.requestslakehouse.catalog.CatalogFactory;
import org.requestslakehouse.config.CatalogConfig;
import org.requestslakehouse.sinks.iceberg.IcebergTableReader;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;
import org.requestslakehouse.sinks.iceberg.LakehouseTables;

/** Reads the job's tables back in the shape {@link ExpectedTables} uses. */
final class TableContents {
    /** A bronze row: where the message was in Kafka and the digest of the bytes archived for it. */
    record BronzeRow(String coordinate, ByteBuffer digest) {}

    private static final List<String> SILVER_COLUMNS = List.of(
            "city",
            "request_id",
            "case_enquiry_id",
            "open_ts",
            "sla_target_ts",
            "closed_ts",
            "case_status",
            "event_type",
            "emitted_at",
            "event_ts",
            "neighborhood",
            "department",
            "type",
            "closed_on_time",
            "resolution_hours",
            "source_ref");

    private TableContents() {}

    static String coordinate(Object partition, Object offset) {
        return partition + "@" + offset;
    }

    static ByteBuffer digest(byte[] payload) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(payload));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<BronzeRow> bronze(CatalogConfig catalog) {
        return bronze(catalog, null);
    }

    /** @param snapshotId a bronze snapshot to read as of, or null for the current one */
    static List<BronzeRow> bronze(CatalogConfig catalog, Long snapshotId) {
        return withTable(catalog, LakehouseTable.RAW_EVENTS, table -> {
            List<BronzeRow> rows = new ArrayList<>();
            if (table.currentSnapshot() == null) {
                return rows;
            }
            IcebergGenerics.ScanBuilder scan =
                    IcebergGenerics.read(table).select("source_partition", "source_position", "payload");
            if (snapshotId != null) {
                scan = scan.useSnapshot(snapshotId);
            }
            try (CloseableIterable<Record> records = scan.build()) {
                for (Record r : records) {
                    ByteBuffer payload = (ByteBuffer) r.getField("payload");
                    byte[] bytes = new byte[payload == null ? 0 : payload.remaining()];
                    if (payload != null) {
                        payload.duplicate().get(bytes);
                    }
                    rows.add(new BronzeRow(
                            coordinate(r.getField("source_partition"), r.getField("source_position")), digest(bytes)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return rows;
        });
    }

    /** {@code partition@offset=REASON} of each quarantined message, as of {@code snapshotId} (null: current). */
    static List<String> rejected(CatalogConfig catalog, Long snapshotId) {
        return withTable(catalog, LakehouseTable.REJECTED_EVENTS, table -> {
            List<String> rows = new ArrayList<>();
            if (table.currentSnapshot() == null) {
                return rows;
            }
            IcebergGenerics.ScanBuilder scan =
                    IcebergGenerics.read(table).select("source_partition", "source_position", "reason_code");
            if (snapshotId != null) {
                scan = scan.useSnapshot(snapshotId);
            }
            try (CloseableIterable<Record> records = scan.build()) {
                for (Record r : records) {
                    rows.add(coordinate(r.getField("source_partition"), r.getField("source_position")) + "="
                            + r.getField("reason_code"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return rows;
        });
    }

    /**
     * Silver with the columns {@link SilverRow} and gold's recomputation ({@code verify.TableRows#silver}) read,
     * row-level deletes applied. Projection matters: a long run leaves many small files behind.
     */
    static List<Record> silver(CatalogConfig catalog) {
        return withTable(catalog, LakehouseTable.SERVICE_REQUESTS, table -> {
            List<Record> rows = new ArrayList<>();
            try (CloseableIterable<Record> records =
                    IcebergGenerics.read(table).select(SILVER_COLUMNS).build()) {
                records.forEach(rows::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return rows;
        });
    }

    static List<Record> rows(CatalogConfig catalog, LakehouseTable lakehouseTable) {
        return withTable(catalog, lakehouseTable, IcebergTableReader::readAll);
    }

    /** Rows in the current snapshot by its summary, without reading data: exact for append-only tables. */
    static long committedRecords(CatalogConfig catalog, LakehouseTable lakehouseTable) {
        return withTable(catalog, lakehouseTable, table -> {
            Snapshot current = table.currentSnapshot();
            return current == null ? 0L : Long.parseLong(current.summary().getOrDefault("total-records", "0"));
        });
    }

    /**
     * The table's newest commits, newest first: operation, Flink job and checkpoint, rows added and equality deletes
     * added. Shows whether a table stopped receiving commits while others went on.
     */
    static String recentCommits(CatalogConfig config, LakehouseTable lakehouseTable, int count) {
        return withTable(config, lakehouseTable, table -> {
            List<Snapshot> snapshots = new ArrayList<>();
            table.snapshots().forEach(snapshots::add);
            snapshots.sort(Comparator.comparingLong(Snapshot::sequenceNumber).reversed());
            StringBuilder out = new StringBuilder(lakehouseTable.tableName());
            for (Snapshot s : snapshots.subList(0, Math.min(count, snapshots.size()))) {
                Map<String, String> summary = s.summary();
                out.append(String.format(
                        Locale.ROOT,
                        "%n  seq %d %s at %s: job %s checkpoint %s, +%s rows, +%s equality deletes",
                        s.sequenceNumber(),
                        s.operation(),
                        Instant.ofEpochMilli(s.timestampMillis()),
                        summary.get("flink.job-id"),
                        summary.get("flink.max-committed-checkpoint-id"),
                        summary.getOrDefault("added-records", "0"),
                        summary.getOrDefault("added-equality-deletes", "0")));
            }
            return out.toString();
        });
    }

    static <R> R withTable(CatalogConfig config, LakehouseTable lakehouseTable, Function<Table, R> read) {
        Catalog catalog = CatalogFactory.open(config);
        try {
            return read.apply(catalog.loadTable(new LakehouseTables(config).identifier(lakehouseTable)));
        } finally {
            CatalogFactory.close(catalog);
        }
    }
}
