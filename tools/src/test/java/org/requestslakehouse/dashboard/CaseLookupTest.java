package org.requestslakehouse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFileFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.catalog.CatalogFactory;
import org.requestslakehouse.config.CatalogConfig;
import org.requestslakehouse.config.ConfigLoader;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;
import org.requestslakehouse.sinks.iceberg.LakehouseTables;

/** Looking a request up by its published id when cities publish the same ids, against a real silver table. */
class CaseLookupTest {
    @TempDir
    static Path warehouse;

    private static Catalog catalog;
    private static CaseLookup lookup;

    @BeforeAll
    static void silverWithTwoCitiesSharingAnId() throws IOException {
        CatalogConfig config = ConfigLoader.load(
                        null, Map.of("source.csv.paths", "x", "catalog.warehouse", warehouse.toString()))
                .catalog();
        catalog = CatalogFactory.open(config);
        LakehouseTables tables = new LakehouseTables(config);
        tables.createMissing(catalog);
        TableIdentifier silver = tables.identifier(LakehouseTable.SERVICE_REQUESTS);
        Table table = catalog.loadTable(silver);
        append(
                table,
                List.of(
                        row(table, "boston", "101", 101L),
                        row(table, "nyc", "101", 101L),
                        row(table, "open311", "SR19-00134785", null)));
        lookup = new CaseLookup(catalog, silver);
    }

    @AfterAll
    static void close() {
        CatalogFactory.close(catalog);
    }

    @Test
    void aTextIdIsFoundAsPublished() {
        assertThat(lookup.find("SR19-00134785", null))
                .containsEntry("city", "open311")
                .containsEntry("request_id", "SR19-00134785")
                .containsEntry("case_enquiry_id", null);
    }

    @Test
    void anIdTwoCitiesPublishNeedsTheCity() {
        assertThatThrownBy(() -> lookup.find("101", null))
                .isInstanceOf(ApiException.class)
                .hasMessage("Case 101 is published by several cities (boston, nyc); name one with ?city=");

        assertThat(lookup.find("101", "nyc")).containsEntry("city", "nyc").containsEntry("case_enquiry_id", 101L);
        assertThat(lookup.find("101", "boston")).containsEntry("city", "boston");
    }

    @Test
    void anIdOfAnotherCityIsNotFound() {
        assertThatThrownBy(() -> lookup.find("SR19-00134785", "boston"))
                .isInstanceOf(ApiException.class)
                .hasMessage("No case SR19-00134785 of boston in silver.service_requests");
    }

    private static Record row(Table table, String city, String requestId, Long caseEnquiryId) {
        GenericRecord r = GenericRecord.create(table.schema());
        r.setField("city", city);
        r.setField("request_id", requestId);
        r.setField("case_enquiry_id", caseEnquiryId);
        r.setField("open_ts", OffsetDateTime.parse("2024-03-12T14:05:00Z"));
        r.setField("ingested_at", OffsetDateTime.parse("2024-03-12T14:06:00Z"));
        return r;
    }

    private static void append(Table table, List<Record> rows) throws IOException {
        OutputFileFactory files = OutputFileFactory.builderFor(table, 1, 1)
                .format(FileFormat.PARQUET)
                .operationId(UUID.randomUUID().toString())
                .build();
        GenericAppenderFactory appenders = new GenericAppenderFactory(table.schema(), table.spec());
        PartitionKey partition = partitionOf(table, rows.get(0));
        DataWriter<Record> writer =
                appenders.newDataWriter(files.newOutputFile(table.spec(), partition), FileFormat.PARQUET, partition);
        try (writer) {
            rows.forEach(writer::write);
        }
        DataFile file = writer.toDataFile();
        table.newAppend().appendFile(file).commit();
    }

    private static PartitionKey partitionOf(Table table, Record row) {
        PartitionKey key = new PartitionKey(table.spec(), table.schema());
        key.partition(new InternalRecordWrapper(table.schema().asStruct()).wrap(row));
        return key;
    }
}
