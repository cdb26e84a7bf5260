package org.requestslakehouse.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.concurrent.Callable;
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

/** Writes a CSV file of realistic synthetic Boston 311 cases, the same bytes for the same options. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Generate synthetic Boston 311 service requests as CSV in one of the city's published layouts.",
            "Deterministic: the same options and seed give byte-identical files."
        })
public class GenerateCommand implements Callable<Integer> {

    @Option(
            names = "--layout",
            paramLabel = "LAYOUT",
            converter = LayoutConverter.class,
            description = "socrata-2011, ckan-2019, current-2025 or system-2024. Default: current-2025.")
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
            description = "First Boston-local day cases are opened on. Default: ${DEFAULT-VALUE}.")
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
        RequestCsvWriter writer = new RequestCsvWriter(layout, damaged);
        SyntheticRequestGenerator records = new SyntheticRequestGenerator(settings, rows);
        ProgressReporter progress = ProgressReporter.forConsole(
                "generate", "rows", rows, spec.commandLine().getErr());
        long written;
        if ("-".equals(out)) {
            // stdout stays open for whoever runs us; only our own wrapper is closed
            try (OutputStream stdout = new KeepOpenOutputStream(System.out)) {
                written = writer.write(records, stdout, false, progress::update);
            }
        } else {
            Path path = Paths.get(out);
            if (path.toAbsolutePath().getParent() != null) {
                Files.createDirectories(path.toAbsolutePath().getParent());
            }
            try (OutputStream file = Files.newOutputStream(path)) {
                written = writer.write(records, file, RequestCsvWriter.isGzip(path), progress::update);
            }
        }
        progress.update(written);
        progress.finish("-".equals(out) ? "stdout" : out);
        return 0;
    }

    private void validate() {
        if (rows < 0) {
            throw new ParameterException(spec.commandLine(), "--rows must be >= 0, got " + rows);
        }
        if (days < 1) {
            throw new ParameterException(spec.commandLine(), "--days must be >= 1, got " + days);
        }
        if (damaged && layout != Layout.CURRENT_2025) {
            throw new ParameterException(
                    spec.commandLine(), "--damaged only applies to --layout current-2025, not " + layout.cliName());
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
