package org.requestslakehouse.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.config.ConfigLoader;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.job.JobEnvironments;
import org.requestslakehouse.job.LakehouseJob;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;
import org.requestslakehouse.sinks.iceberg.LakehouseTables;
import org.requestslakehouse.testing.ExpectedLakehouse;
import org.requestslakehouse.testing.LakehouseAssertions;
import org.requestslakehouse.testing.Real311;
import org.requestslakehouse.testing.S3ServerExtension;
import org.requestslakehouse.verify.GoldVerifier;

/**
 * The whole job over the real Boston samples into a warehouse on a real S3-compatible server, through Iceberg's
 * S3FileIO, the way a self-managed deployment with a JDBC catalog and S3 data runs. Only the catalog's pointer
 * database is local; the test proves that every file the tables consist of is an object on the server.
 */
class S3WarehouseIT {
    @Order(1)
    @RegisterExtension
    static final S3ServerExtension S3 = new S3ServerExtension("lakehouse");

    @Order(2)
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    private static final String WAREHOUSE_PREFIX = "warehouse";

    @Test
    void samplesLandExactlyInAnS3WarehouseAndEveryTableFileIsOnTheServer(@TempDir Path local) throws Exception {
        ExpectedLakehouse expected = ExpectedLakehouse.of(Real311.all());
        JobConfig config = s3Config(local);

        runBounded(config);

        List<Record> bronze = LakehouseAssertions.rows(config.catalog(), LakehouseTable.RAW_EVENTS);
        List<Record> silver = LakehouseAssertions.rows(config.catalog(), LakehouseTable.SERVICE_REQUESTS);
        List<Record> rejected = LakehouseAssertions.rows(config.catalog(), LakehouseTable.REJECTED_EVENTS);
        assertThat(bronze).hasSize(expected.rows());
        assertThat(bronze.stream()
                        .map(r -> r.getField("source_name") + ":" + r.getField("source_position"))
                        .collect(Collectors.toSet()))
                .isEqualTo(expected.coordinates());
        assertThat(bronze.stream().map(r -> (ByteBuffer) r.getField("payload")).collect(Collectors.toSet()))
                .isEqualTo(expected.payloads());
        assertThat(silver.stream()
                        .map(r -> (Long) r.getField("case_enquiry_id"))
                        .collect(Collectors.toSet()))
                .isEqualTo(expected.validCaseIds());
        assertThat(silver).hasSize(expected.validCaseIds().size());
        assertThat(rejected.stream()
                        .map(r -> r.getField("source_name") + ":" + r.getField("source_position") + "="
                                + r.getField("reason_code"))
                        .collect(Collectors.toSet()))
                .isEqualTo(expected.rejections());
        assertThat(GoldVerifier.verify(config, System.out)).isTrue();

        Set<String> objects = new HashSet<>(S3.keys(WAREHOUSE_PREFIX + "/"));
        Catalog catalog = CatalogFactory.open(config.catalog());
        try {
            LakehouseTables tables = new LakehouseTables(config.catalog());
            for (LakehouseTable lakehouseTable : LakehouseTable.values()) {
                Table table = catalog.loadTable(tables.identifier(lakehouseTable));
                assertThat(table.location()).startsWith("s3://" + S3.bucket() + "/" + WAREHOUSE_PREFIX + "/");
                assertThat(objects)
                        .as("objects of %s on the S3 server", table.name())
                        .containsAll(keys(filesOf(table)));
            }
        } finally {
            CatalogFactory.close(catalog);
        }
        assertThat(objects)
                .anyMatch(k -> k.endsWith(".parquet"))
                .anyMatch(k -> k.endsWith(".metadata.json"))
                .anyMatch(k -> k.endsWith(".avro"));
        assertThat(localFiles(local)).containsExactly("catalog.db");
    }

    private static JobConfig s3Config(Path local) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(
                "source.csv.paths", Real311.all().stream().map(Path::toString).collect(Collectors.joining(",")));
        settings.put("catalog.type", "jdbc");
        settings.put("catalog.jdbc.uri", "jdbc:sqlite:" + local.resolve("catalog.db"));
        settings.put("catalog.warehouse", "s3://" + S3.bucket() + "/" + WAREHOUSE_PREFIX);
        settings.put("catalog.region", S3ServerExtension.REGION);
        S3.s3FileIoProperties().forEach((key, value) -> settings.put("catalog.property." + key, value));
        settings.put("job.checkpoint-interval", "1 s");
        settings.put("gold.emit-interval", "500 ms");
        return ConfigLoader.load(null, settings);
    }

    private static void runBounded(JobConfig config) throws Exception {
        Configuration conf = new Configuration();
        // With checkpointing on, Flink would otherwise restart a failing job forever and the test would hang.
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env =
                JobEnvironments.configurePipeline(StreamExecutionEnvironment.getExecutionEnvironment(conf));
        env.setParallelism(2);
        env.enableCheckpointing(config.runtime().checkpointInterval().toMillis());
        LakehouseJob.run(env, config);
    }

    /** The table's current metadata file and every manifest list, manifest, data and delete file it reaches. */
    private static Set<String> filesOf(Table table) throws IOException {
        Set<String> files = new HashSet<>();
        files.add(((HasTableOperations) table).operations().current().metadataFileLocation());
        Snapshot snapshot = table.currentSnapshot();
        if (snapshot == null) {
            return files;
        }
        files.add(snapshot.manifestListLocation());
        for (ManifestFile manifest : snapshot.allManifests(table.io())) {
            files.add(manifest.path());
        }
        try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
            for (FileScanTask task : tasks) {
                files.add(task.file().location());
                task.deletes().forEach(delete -> files.add(delete.location()));
            }
        }
        return files;
    }

    /** Object keys of {@code s3://bucket/key} locations; fails on any location that is not in the test's bucket. */
    private static Set<String> keys(Set<String> locations) {
        String bucketPrefix = "s3://" + S3.bucket() + "/";
        assertThat(locations).allMatch(l -> l.startsWith(bucketPrefix));
        return locations.stream().map(l -> l.substring(bucketPrefix.length())).collect(Collectors.toSet());
    }

    private static List<String> localFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> dir.relativize(f).toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
