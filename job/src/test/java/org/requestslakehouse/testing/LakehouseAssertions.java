package org.requestslakehouse.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Types;
import org.requestslakehouse.catalog.CatalogFactory;
import org.requestslakehouse.config.CatalogConfig;
import org.requestslakehouse.model.RequestKey;
import org.requestslakehouse.sinks.iceberg.IcebergTableReader;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;
import org.requestslakehouse.sinks.iceberg.LakehouseTables;

/** Reads the job's tables back the way Iceberg's own Flink tests do: whole tables, compared exactly. */
public final class LakehouseAssertions {
    private LakehouseAssertions() {}

    public static List<Record> rows(CatalogConfig config, LakehouseTable table) {
        Catalog catalog = CatalogFactory.open(config);
        try {
            return IcebergTableReader.readAll(catalog, new LakehouseTables(config).identifier(table));
        } finally {
            CatalogFactory.close(catalog);
        }
    }

    /**
     * Every message of the input is in bronze once with its exact bytes and coordinates, and in either silver (one
     * row per valid case) or the quarantine with the reason the reader and the parser give it one row at a time.
     */
    public static void assertLandedExactly(CatalogConfig config, ExpectedLakehouse expected) {
        List<Record> bronze = rows(config, LakehouseTable.RAW_EVENTS);
        List<Record> silver = rows(config, LakehouseTable.SERVICE_REQUESTS);
        List<Record> rejected = rows(config, LakehouseTable.REJECTED_EVENTS);
        assertThat(bronze).hasSize(expected.rows());
        assertThat(bronze.stream()
                        .map(r -> r.getField("source_name") + ":" + r.getField("source_position"))
                        .collect(Collectors.toSet()))
                .isEqualTo(expected.coordinates());
        assertThat(bronze.stream().map(r -> (ByteBuffer) r.getField("payload")).collect(Collectors.toSet()))
                .isEqualTo(expected.payloads());
        assertThat(requestIdentities(silver)).isEqualTo(expected.validRequests());
        assertThat(silver).hasSize(expected.validRequests().size());
        assertThat(rejected.stream()
                        .map(r -> r.getField("source_name") + ":" + r.getField("source_position") + "="
                                + r.getField("reason_code"))
                        .collect(Collectors.toSet()))
                .isEqualTo(expected.rejections());
    }

    /** A request's identity as one string, as {@link RequestKey} spells it. */
    public static String requestIdentity(String city, String requestId) {
        return new RequestKey(city, requestId).toString();
    }

    /** The identities of silver rows. */
    public static Set<String> requestIdentities(List<Record> silver) {
        return silver.stream()
                .map(r -> requestIdentity((String) r.getField("city"), (String) r.getField("request_id")))
                .collect(Collectors.toSet());
    }

    /**
     * Each row as a column-name map without the columns that legitimately differ between two runs over the same
     * input (when and through which source a row was written), so two runs can be compared for equality.
     */
    public static Set<Map<String, Object>> comparable(List<Record> rows, Set<String> ignoredColumns) {
        return rows.stream()
                .map(r -> {
                    Map<String, Object> m = new TreeMap<>();
                    for (Types.NestedField f : r.struct().fields()) {
                        if (!ignoredColumns.contains(f.name())) {
                            m.put(f.name(), r.getField(f.name()));
                        }
                    }
                    return m;
                })
                .collect(Collectors.toSet());
    }
}
