package org.requestslakehouse.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.requestslakehouse.config.NotFoundException;

/**
 * Expands the command line's files and directories into the files to replay, in a stable order. In directories,
 * names pick the files (CSV and JSON, plain or gzip); each file's format is then told by its content.
 */
public final class ReplayInputs {
    private ReplayInputs() {}

    /** @throws NotFoundException if a path does not exist or no input file is found */
    public static List<Path> expand(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile)
                            .filter(ReplayInputs::isInput)
                            .sorted()
                            .forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot list " + p, e);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new NotFoundException("Input " + p + " does not exist: give existing CSV files or directories.");
            }
        }
        if (files.isEmpty()) {
            throw new NotFoundException("No .csv, .json, .csv.gz or .json.gz files in " + paths + ".");
        }
        return files;
    }

    private static boolean isInput(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.startsWith(".")) {
            return false;
        }
        String plain = name.endsWith(".gz") ? name.substring(0, name.length() - ".gz".length()) : name;
        return plain.endsWith(".csv") || plain.endsWith(".json");
    }
}
