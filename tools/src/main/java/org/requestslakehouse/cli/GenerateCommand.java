package org.requestslakehouse.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.requestslakehouse.generate.City;
import org.requestslakehouse.generate.CityFileWriter;
import org.requestslakehouse.generate.GeneratorSettings;
import org.requestslakehouse.generate.Layout;
import org.requestslakehouse.generate.RequestCsvWriter;
import org.requestslakehouse.generate.SyntheticRequestGenerator;
import org.requestslakehouse.progress.ProgressReporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * Writes a file of realistic synthetic 311 cases (Boston's layouts by default, New York City's portal CSV or an
 * Open311 requests.json with --city), the same bytes for the same options.
 */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Generate synthetic 311 service requests: Boston's CSV in one of the city's published layouts (default),",
            "New York City's portal CSV (--city nyc) or an Open311 GeoReport v2 requests.json (--city open311).",
            "Deterministic: the same options and seed give byte-identical files."
        })
public class GenerateCommand implements Callable<Integer> {

    @Option(
            names = "--city",
            paramLabel = "CITY",
            converter = CityConverter.class,
            description = "boston, nyc or open311. Default: boston.")
    City city = City.BOSTON;

    @Option(
            names = "--layout",
            paramLabel = "LAYOUT",
            converter = LayoutConverter.class,
            description = "Boston only: socrata-2011, ckan-2019, current-2025 or system-2024. Default: current-2025.")
    Layout layout = Layout.CURRENT_2025;

    @Option(names = "--rows", paramLabel = "N", description = "Number of cases. Default: ${DEFAULT-VALUE}.")
    long rows = 10_000;

    @Option(names = "--seed", paramLabel = "SEED", description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed = 42;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            required = true,
            description = "Output file, gzip-compressed when it ends in .gz; - for stdout.")
    String out;

    @Option(
            names = "--start",
            paramLabel = "YYYY-MM-DD",
            description = "First local day (in the city's time zone) cases are opened on. Default: ${DEFAULT-VALUE}.")
    LocalDate start = GeneratorSettings.DEFAULT_START;

    @Option(
            names = "--days",
            paramLabel = "N",
            description = "Days the open times spread over. Default: ${DEFAULT-VALUE}.")
    int days = GeneratorSettings.DEFAULT_DAYS;

    @Option(names = "--no-quirks", description = "Clean data: none of the real exports' data-quality quirks.")
    boolean noQuirks;

    @Option(
            names = "--damaged",
            description = "current-2025 only: mimic the spreadsheet-damaged sample (CRLF, trailing ;;).")
    boolean damaged;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        validate();
        GeneratorSettings settings = new GeneratorSettings(seed, start, days, !noQuirks);
        ProgressReporter progress = ProgressReporter.forConsole(
                "generate", "rows", rows, spec.commandLine().getErr());
        long written;
        if ("-".equals(out)) {
            // stdout stays open for whoever runs us; only our own wrapper is closed
            try (OutputStream stdout = new KeepOpenOutputStream(System.out)) {
                written = write(settings, stdout, false, progress);
            }
        } else {
            Path path = Paths.get(out);
            if (path.toAbsolutePath().getParent() != null) {
                Files.createDirectories(path.toAbsolutePath().getParent());
            }
            try (OutputStream file = Files.newOutputStream(path)) {
                written = write(settings, file, RequestCsvWriter.isGzip(path), progress);
            }
        }
        progress.update(written);
        progress.finish("-".equals(out) ? "stdout" : out);
        return 0;
    }

    private long write(GeneratorSettings settings, OutputStream out, boolean gzip, ProgressReporter progress)
            throws IOException {
        if (city == City.BOSTON) {
            return new RequestCsvWriter(layout, damaged)
                    .write(new SyntheticRequestGenerator(settings, rows), out, gzip, progress::update);
        }
        return CityFileWriter.write(city, settings, rows, out, gzip, progress::update);
    }

    private void validate() {
        if (rows < 0) {
            throw new ParameterException(spec.commandLine(), "--rows must be >= 0, got " + rows);
        }
        if (days < 1) {
            throw new ParameterException(spec.commandLine(), "--days must be >= 1, got " + days);
        }
        if (city != City.BOSTON) {
            for (String bostonOnly : new String[] {"--layout", "--damaged"}) {
                if (spec.commandLine().getParseResult().hasMatchedOption(bostonOnly)) {
                    throw new ParameterException(
                            spec.commandLine(), bostonOnly + " only applies to --city boston, not " + city.cliName());
                }
            }
        }
        if (damaged && layout != Layout.CURRENT_2025) {
            throw new ParameterException(
                    spec.commandLine(), "--damaged only applies to --layout current-2025, not " + layout.cliName());
        }
    }

    static final class CityConverter implements ITypeConverter<City> {
        @Override
        public City convert(String value) {
            try {
                return City.fromCliName(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Accepts the layout names used in file names and docs: socrata-2011, ckan-2019, ... */
    static final class LayoutConverter implements ITypeConverter<Layout> {
        @Override
        public Layout convert(String value) {
            try {
                return Layout.fromCliName(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Flushes instead of closing, so writing to stdout does not close System.out. */
    private static final class KeepOpenOutputStream extends FilterOutputStream {
        KeepOpenOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
