package org.requestslakehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.generate.City;
import org.requestslakehouse.generate.CityFileWriter;
import org.requestslakehouse.generate.GeneratorSettings;
import org.requestslakehouse.generate.Layout;
import org.requestslakehouse.generate.RequestCsvWriter;
import picocli.CommandLine;

class GenerateCommandTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new GenerateCommand());
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }

    @Test
    void writesTheRequestedLayoutRowsAndSeedIntoAFile() throws IOException {
        Path out = dir.resolve("nested/requests.csv");
        int exit = run(
                "--layout",
                "socrata-2011",
                "--rows",
                "2500",
                "--seed",
                "7",
                "--out",
                out.toString(),
                "--start",
                "2011-07-01",
                "--days",
                "30");

        assertThat(exit).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(2501);
        assertThat(lines.get(0)).isEqualTo(String.join(",", Layout.SOCRATA_2011.header()));
        assertThat(lines.get(1)).matches("1010040\\d{5},07/01/2011 \\d{2}:\\d{2}:\\d{2} [AP]M,.*");

        Path expected = dir.resolve("expected.csv");
        RequestCsvWriter.write(
                expected,
                Layout.SOCRATA_2011,
                2500,
                new GeneratorSettings(7, java.time.LocalDate.of(2011, 7, 1), 30, true),
                false,
                written -> {});
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(expected));
        assertThat(err.toString()).startsWith("generate: 2,500 rows into " + out + " in ");
    }

    @Test
    void defaultsToTheCurrentLayoutAndTenThousandRowsAndHonoursNoQuirks() throws IOException {
        Path out = dir.resolve("default.csv");
        assertThat(run("--out", out.toString(), "--no-quirks")).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(10_001);
        assertThat(lines.get(0)).isEqualTo(String.join(",", Layout.CURRENT_2025.header()));
        assertThat(lines.get(1)).startsWith("1010040").contains(",2024-01-01 ");
        // clean data: no City Hall placeholders, no float zips
        assertThat(lines)
                .noneMatch(l -> l.contains(",42.3594,-71.0587,"))
                .noneMatch(l -> l.matches(".*,\\d{4}\\.0,.*"));
    }

    @Test
    void damagedAndGzipOutput() throws IOException {
        Path out = dir.resolve("damaged.csv.gz");
        assertThat(run("--layout", "current-2025", "--damaged", "--rows", "300", "--out", out.toString()))
                .isZero();
        String text;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(out))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(text).startsWith(String.join(",", Layout.CURRENT_2025.header()) + ";;\r\n");
        assertThat(text.split("\r\n")).hasSize(301);
    }

    @Test
    void dashWritesToStandardOutputAndLeavesItOpen() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stdout = new PrintStream(captured, true, StandardCharsets.UTF_8);
        try {
            System.setOut(stdout);
            assertThat(run("--layout", "system-2024", "--rows", "50", "--out", "-"))
                    .isZero();
            stdout.print("still open");
        } finally {
            System.setOut(original);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("case_id,open_date,target_close_date,close_date,case_status,");
        assertThat(text.split("\n")).hasSize(52);
        assertThat(text).endsWith("\nstill open");
        assertThat(stdout.checkError()).isFalse();
        assertThat(err.toString()).startsWith("generate: 50 rows into stdout in ");
    }

    @Test
    void rejectsBadOptionsWithAUsageError() {
        assertThat(run(
                        "--layout",
                        "ckan-2019",
                        "--damaged",
                        "--out",
                        dir.resolve("x.csv").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--damaged only applies to --layout current-2025, not ckan-2019");
        assertThat(run("--layout", "parquet", "--out", dir.resolve("y.csv").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("unknown layout 'parquet'");
        assertThat(run("--rows", "-1", "--out", dir.resolve("z.csv").toString()))
                .isEqualTo(2);
        assertThat(run("--rows", "10")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--out=FILE'");
        assertThat(dir.resolve("x.csv")).doesNotExist();
    }

    @Test
    void cityNycAndOpen311WriteTheirShapesWithTheSeedAndGzip() throws IOException {
        Path nyc = dir.resolve("nyc.csv");
        Path open311 = dir.resolve("requests.json.gz");
        assertThat(run("--city", "nyc", "--rows", "300", "--seed", "9", "--out", nyc.toString()))
                .isZero();
        assertThat(run("--city", "OPEN311", "--rows", "300", "--seed", "9", "--out", open311.toString()))
                .isZero();

        GeneratorSettings settings = GeneratorSettings.defaults(9);
        ByteArrayOutputStream expectedNyc = new ByteArrayOutputStream();
        CityFileWriter.write(City.NYC, settings, 300, expectedNyc, false, written -> {});
        ByteArrayOutputStream expectedOpen311 = new ByteArrayOutputStream();
        CityFileWriter.write(City.OPEN311, settings, 300, expectedOpen311, false, written -> {});
        assertThat(Files.readAllBytes(nyc)).isEqualTo(expectedNyc.toByteArray());
        try (InputStream in = new GZIPInputStream(Files.newInputStream(open311))) {
            assertThat(in.readAllBytes()).isEqualTo(expectedOpen311.toByteArray());
        }
        assertThat(Files.readAllLines(nyc)).hasSize(301);
    }

    @Test
    void bostonOnlyOptionsAndUnknownCitiesAreUsageErrors() {
        assertThat(run(
                        "--city",
                        "nyc",
                        "--layout",
                        "ckan-2019",
                        "--out",
                        dir.resolve("x.csv").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--layout only applies to --city boston, not nyc");
        assertThat(run(
                        "--city",
                        "open311",
                        "--damaged",
                        "--out",
                        dir.resolve("x.csv").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--damaged only applies to --city boston, not open311");
        assertThat(run("--city", "paris", "--out", dir.resolve("x.csv").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("unknown city 'paris'; expected one of boston, nyc, open311");
        assertThat(dir.resolve("x.csv")).doesNotExist();
    }
}
