package org.requestslakehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.catalog.CatalogFactory;
import org.requestslakehouse.config.ConfigLoader;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;
import org.requestslakehouse.sinks.iceberg.LakehouseTables;
import org.requestslakehouse.testing.Real311;
import picocli.CommandLine;

/**
 * {@code run} over a checkpoint directory or a warehouse that a previous job already used: refused without a
 * decision, started over with {@code --fresh}, and warned about when bronze already holds what it will read.
 * The whole command runs in this JVM on a 100-row real CSV.
 */
class RunCommandRestartTest {
    private static final Path CSV = Real311.file(Real311.CKAN_2022);
    private static final long CSV_RECORDS = 100;

    @TempDir
    Path tmp;

    @Test
    void aRunOverAPreviousJobsCheckpointsWithoutResumeOrFreshIsRefusedNamingBothChoices() throws IOException {
        Path checkpoints = previousJobsCheckpoints();

        Result run = run(List.of("--checkpoint-dir", checkpoints.toString()));

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err)
                .isEqualTo("Configuration error: " + checkpoints + " (job.checkpoint-dir) holds checkpoints of a"
                        + " previous job, newest "
                        + checkpoints.toUri().resolve("job-a/chk-3").toString().replace("file:///", "file:/")
                        + ". Starting again without restoring would read the source from its starting position and archive every"
                        + " message in bronze a second time. Continue that job with --resume latest (job.resume=latest), or start"
                        + " over on purpose with --fresh (job.resume=none): a fresh start leaves the old checkpoints and the tables"
                        + " as they are." + System.lineSeparator());
        assertThat(tmp.resolve("warehouse")).as("nothing ran").doesNotExist();
    }

    @Test
    void freshStartsOverAPreviousJobsCheckpointsAndASecondFreshStartWarnsWithTheExactOverlap() throws IOException {
        Path checkpoints = previousJobsCheckpoints();

        Result first = run(List.of("--checkpoint-dir", checkpoints.toString(), "--fresh"));
        assertThat(first.exit).as(first.err).isZero();
        assertThat(first.err)
                .as("an empty warehouse has nothing archived twice")
                .isEmpty();
        assertThat(bronzeRows()).isEqualTo(CSV_RECORDS);

        // The first run finished, so Flink discarded its checkpoints: nothing to refuse, but bronze holds the file.
        Result second = run(List.of("--checkpoint-dir", checkpoints.toString(), "--fresh"));
        assertThat(second.exit).as(second.err).isZero();
        assertThat(second.err)
                .isEqualTo("Warning: bronze.raw_events already holds 100 rows from the positions this fresh start"
                        + " reads (CSV " + CSV.toAbsolutePath()
                        + "); this run archives them a second time. To continue the job that"
                        + " wrote them, run with --resume latest and its --checkpoint-dir instead."
                        + System.lineSeparator());
        assertThat(bronzeRows()).isEqualTo(2 * CSV_RECORDS);
    }

    @Test
    void freshAndResumeTogetherAreAUsageError() {
        Result run = run(List.of(
                "--fresh",
                "--resume",
                "latest",
                "--checkpoint-dir",
                tmp.resolve("checkpoints").toString()));

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err)
                .startsWith("--fresh and --resume exclude each other: start over, or continue from a checkpoint"
                        + System.lineSeparator());
        assertThat(tmp.resolve("warehouse")).doesNotExist();
    }

    /** What a killed run leaves: a job directory with a completed checkpoint (its _metadata written last). */
    private Path previousJobsCheckpoints() throws IOException {
        Path checkpoints = tmp.resolve("checkpoints");
        Files.writeString(
                Files.createDirectories(checkpoints.resolve("job-a/chk-3")).resolve("_metadata"), "x");
        Files.createDirectories(checkpoints.resolve("job-a/shared"));
        return checkpoints;
    }

    private Result run(List<String> extra) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                "--input",
                CSV.toString(),
                "--warehouse",
                tmp.resolve("warehouse").toString(),
                "--flink-conf",
                flinkConf().toString(),
                "--parallelism",
                "1",
                "--checkpoint-interval",
                "1s",
                "--no-progress",
                "--no-summary"));
        args.addAll(extra);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }

    /** Heap state and no fixed ports: the repository's flink-conf/ would bind the web UI to 8081. */
    private Path flinkConf() {
        try {
            Path dir = Files.createDirectories(tmp.resolve("flink-conf"));
            Files.writeString(dir.resolve("config.yaml"), "state.backend.type: hashmap\nrest.bind-port: \"0\"\n");
            return dir;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long bronzeRows() {
        JobConfig config = ConfigLoader.load(
                null,
                java.util.Map.of(
                        "source.csv.paths",
                        CSV.toString(),
                        "catalog.warehouse",
                        tmp.resolve("warehouse").toString()));
        Catalog catalog = CatalogFactory.open(config.catalog());
        try {
            TableIdentifier bronze = new LakehouseTables(config.catalog()).identifier(LakehouseTable.RAW_EVENTS);
            return Long.parseLong(
                    catalog.loadTable(bronze).currentSnapshot().summary().get("total-records"));
        } finally {
            CatalogFactory.close(catalog);
        }
    }

    private record Result(int exit, String out, String err) {}
}
