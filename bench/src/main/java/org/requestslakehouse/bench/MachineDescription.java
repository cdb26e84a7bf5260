package org.requestslakehouse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** One line saying what the benchmark ran on: CPU model and count, memory, operating system, JVM. */
final class MachineDescription {
    private MachineDescription() {}

    static String describe() {
        return String.format(
                Locale.ROOT,
                "%s, %d cores, %s memory, %s %s, %s %s",
                cpuModel().orElse(System.getProperty("os.arch")),
                Runtime.getRuntime().availableProcessors(),
                memory().orElse("unknown"),
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"));
    }

    private static Optional<String> cpuModel() {
        return firstValue(Paths.get("/proc/cpuinfo"), "model name");
    }

    private static Optional<String> memory() {
        return firstValue(Paths.get("/proc/meminfo"), "MemTotal")
                .map(kb -> String.format(
                        Locale.ROOT,
                        "%.0f GiB",
                        Long.parseLong(kb.replace("kB", "").trim()) / (1024.0 * 1024.0)));
    }

    private static Optional<String> firstValue(Path file, String key) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
