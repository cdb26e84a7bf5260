package org.requestslakehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.catalog.CatalogFactory;
import org.requestslakehouse.config.CatalogConfig;
import org.requestslakehouse.config.CatalogSettings;
import org.requestslakehouse.config.PropertyGroup;
import org.requestslakehouse.sinks.iceberg.LakehouseTable;
import org.requestslakehouse.sinks.iceberg.LakehouseTables;
import picocli.CommandLine;

/**
 * Every command's failure modes a user meets first, run through {@link Main} in-process: one line naming the path
 * or setting and what to do, the documented exit code, no stack trace and no progress line.
 */
class CommandErrorsTest {

    @TempDir
    Path dir;

    @Test
    void runWithAMissingInputNamesTheFileAndTheFlag() {
        String missing = dir.resolve("missing.csv").toString();
        Result result = execute(
                "run", "--input", missing, "--warehouse", dir.resolve("w").toString());

        assertThat(result.exitCode).isEqualTo(ExitCodes.NOT_FOUND);
        result.assertOneLine("Input " + missing + " does not exist: give existing CSV files or directories"
                + " (--input, setting source.csv.paths).");
        assertThat(dir.resolve("w")).doesNotExist();
    }

    @Test
    void runWithAnUnreachableCatalogNamesTheSettingWithinTheCheck() throws IOException {
        Path input = Files.writeString(dir.resolve("one.csv"), "case_enquiry_id\n1\n");
        String uri = "http://127.0.0.1:" + closedPort();
        Result result = execute(
                "run", "--input", input.toString(), "--catalog-type", "rest", "--set", "catalog.rest.uri=" + uri);

        assertThat(result.exitCode).isEqualTo(ExitCodes.UNREACHABLE);
        result.assertOneLineStartingWith("The Iceberg REST catalog at catalog.rest.uri=" + uri + " failed: ");
    }

    @Test
    void anyOtherFailureIsOneLineAndAPointerToVerbose() throws IOException {
        changeFreshTables((catalog, tables) -> catalog.loadTable(tables.identifier(LakehouseTable.SERVICE_REQUESTS))
                .updateSchema()
                .addColumn("added_by_hand", Types.StringType.get())
                .commit());
        Path input = Files.writeString(dir.resolve("one.csv"), "case_enquiry_id\n1\n");
        Result result = execute("run", "--input", input.toString(), "--warehouse", dir.toString());

        assertThat(result.exitCode).isEqualTo(ExitCodes.FAILED);
        assertThat(result.err.lines()).hasSize(2);
        assertThat(result.err.lines().findFirst())
                .hasValueSatisfying(line -> assertThat(line)
                        .startsWith("Table silver.service_requests exists with columns")
                        .endsWith("; migrate or drop the table"));
        assertThat(result.err.lines().skip(1)).containsExactly("(--verbose prints the stack trace)");
        assertThat(result.console).doesNotContain("job:").doesNotContain("\tat ");
    }

    @Test
    void replayOfAMissingFileNamesIt() {
        String missing = dir.resolve("missing.csv").toString();
        Result result = execute("replay", "--sink", "stdout", missing);

        assertThat(result.exitCode).isEqualTo(ExitCodes.NOT_FOUND);
        result.assertOneLine("Input " + missing + " does not exist: give existing CSV files or directories.");
        assertThat(result.out).isEmpty();
    }

    @Test
    void verifyOnAWarehouseThatDoesNotExistNamesThePath() {
        String wrong = dir.resolve("typo").toString();
        Result result = execute("verify", "--warehouse", wrong);

        assertThat(result.exitCode).isEqualTo(ExitCodes.NOT_FOUND);
        result.assertOneLine("The warehouse directory " + wrong + " (--warehouse, catalog.warehouse) does not exist:"
                + " check the path, or run the job first (run or demo creates it and the tables).");
        assertThat(dir.resolve("typo")).doesNotExist();
    }

    @Test
    void verifyOnAWarehouseNoJobWroteSaysToRunTheJob() {
        Result result = execute("verify", "--warehouse", dir.toString());

        assertThat(result.exitCode).isEqualTo(ExitCodes.NOT_FOUND);
        result.assertOneLine(
                "No lakehouse tables in the warehouse at catalog.warehouse=" + dir + " (catalog.type=hadoop):"
                        + " check --warehouse, or run the job there first (run or demo creates the tables).");
    }

    @Test
    void verifyNamesTheOneTableThatIsMissing() {
        changeFreshTables((catalog, tables) -> catalog.dropTable(tables.identifier(LakehouseTable.SLA_DAILY), true));
        Result result = execute("verify", "--warehouse", dir.toString());

        assertThat(result.exitCode).isEqualTo(ExitCodes.NOT_FOUND);
        result.assertOneLine(
                "Table gold.sla_daily is missing from the warehouse at catalog.warehouse=" + dir
                        + " (catalog.type=hadoop): run the job there first (run or demo creates every table), or check --warehouse.");
    }

    @Test
    void sqlOnAWarehouseThatDoesNotExistNamesThePath() {
        String wrong = dir.resolve("typo").toString();
        Result result = execute("sql", "--warehouse", wrong, "SELECT count(*) FROM silver.service_requests");

        assertThat(result.exitCode).isEqualTo(ExitCodes.NOT_FOUND);
        result.assertOneLineStartingWith(
                "The warehouse directory " + wrong + " (--warehouse, catalog.warehouse) does not exist");
    }

    @Test
    void dashboardOnAWarehouseNoJobWroteFailsBeforeServing() {
        Result result = execute("dashboard", "--port", "0", "--warehouse", dir.toString());

        assertThat(result.exitCode).isEqualTo(ExitCodes.NOT_FOUND);
        result.assertOneLineStartingWith("No lakehouse tables in the warehouse at catalog.warehouse=" + dir);
    }

    @Test
    void verbosePrintsTheStackTraceAfterTheSameMessage() {
        String wrong = dir.resolve("typo").toString();
        for (String[] args : new String[][] {
            {"verify", "--verbose", "--warehouse", wrong}, {"--verbose", "verify", "--warehouse", wrong}
        }) {
            Result result = execute(args);

            assertThat(result.exitCode).isEqualTo(ExitCodes.NOT_FOUND);
            assertThat(result.err.lines().findFirst())
                    .hasValueSatisfying(line -> assertThat(line).startsWith("The warehouse directory " + wrong));
            assertThat(result.err)
                    .contains("org.requestslakehouse.config.NotFoundException: The warehouse directory")
                    .contains("\tat org.requestslakehouse.sinks.iceberg.ExistingTables.");
        }
    }

    /** Also captures what goes to System.err directly, where progress lines are printed. */

    /** Creates every table in the test's warehouse the way the job does, then changes them behind its back. */
    private void changeFreshTables(BiConsumer<Catalog, LakehouseTables> change) {
        CatalogConfig config =
                CatalogConfig.from(new PropertyGroup(CatalogSettings.GROUP, Map.of("warehouse", dir.toString())));
        Catalog catalog = CatalogFactory.open(config);
        try {
            LakehouseTables tables = new LakehouseTables(config);
            tables.createMissing(catalog);
            change.accept(catalog, tables);
        } finally {
            CatalogFactory.close(catalog);
        }
    }

    private static Result execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream systemErr = System.err;
        System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
        int exitCode;
        try {
            exitCode = cli.execute(args);
        } finally {
            System.setErr(systemErr);
        }
        return new Result(exitCode, out.toString(), err.toString(), console.toString(StandardCharsets.UTF_8));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private record Result(int exitCode, String out, String err, String console) {
        /** The whole of stderr: the message alone, so no stack trace and no progress line. */
        void assertOneLine(String message) {
            assertThat(err).isEqualTo(message + System.lineSeparator());
            assertThat(console).doesNotContain("job:").doesNotContain("\tat ");
        }

        void assertOneLineStartingWith(String prefix) {
            assertThat(err.lines()).singleElement().asString().startsWith(prefix);
            assertThat(console).doesNotContain("job:").doesNotContain("\tat ");
        }
    }
}
