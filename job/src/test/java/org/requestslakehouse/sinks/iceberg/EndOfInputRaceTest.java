package org.requestslakehouse.sinks.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.catalog.CatalogFactory;
import org.requestslakehouse.config.CatalogConfig;
import org.requestslakehouse.config.PropertyGroup;
import org.requestslakehouse.sources.CsvEventSource;
import org.requestslakehouse.testing.TestJobs;

/**
 * The race that lost a whole CSV file from bronze: the two source subtasks of a bounded job end far apart (one reads
 * a short file, the other a long one) and checkpoints complete in between. With one Iceberg writer per source
 * subtask, Iceberg 1.11's committer keeps only the last writer's end-of-input files (this test lost the short file
 * in most runs with {@code withParallelWriters()}); the default sinks must keep every line.
 */
class EndOfInputRaceTest {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = TestJobs.miniCluster();

    private static final int SHORT_FILE_LINES = 10;
    private static final int LONG_FILE_LINES = 40_000;

    @TempDir
    Path dir;

    @RepeatedTest(2)
    void bronzeKeepsEveryLineWhenSourceSubtasksEndAcrossCheckpoints() throws Exception {
        Path shortFile = csv("short.csv", SHORT_FILE_LINES);
        Path longFile = csv("long.csv", LONG_FILE_LINES);
        CatalogConfig config = CatalogConfig.from(new PropertyGroup(
                "catalog", Map.of("warehouse", dir.resolve("w").toString())));
        IcebergSinks sinks = IcebergSinks.create(config);

        StreamExecutionEnvironment env = TestJobs.environment();
        sinks.bronze(new CsvEventSource(List.of(shortFile.toString(), longFile.toString())).create(env), null);
        env.execute("end-of-input race");

        Catalog catalog = CatalogFactory.open(config);
        try {
            assertThat(IcebergTableReader.readAll(catalog, sinks.tables().identifier(LakehouseTable.RAW_EVENTS)))
                    .extracting(r -> String.valueOf(r.getField("source_name")))
                    .filteredOn(name -> name.endsWith("short.csv"))
                    .hasSize(SHORT_FILE_LINES);
            assertThat(IcebergTableReader.readAll(catalog, sinks.tables().identifier(LakehouseTable.RAW_EVENTS)))
                    .hasSize(SHORT_FILE_LINES + LONG_FILE_LINES);
        } finally {
            ((HadoopCatalog) catalog).close();
        }
    }

    private Path csv(String name, int lines) throws IOException {
        List<String> content = new ArrayList<>(lines + 1);
        content.add("case_enquiry_id,open_dt,case_title");
        for (int i = 0; i < lines; i++) {
            content.add((101_000_000L + i) + ",2022-01-19 09:02:33,Request for Pothole Repair number " + i);
        }
        return Files.write(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
