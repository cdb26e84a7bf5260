package org.requestslakehouse.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The bench jar is thin: its manifest's Class-Path reaches the laptop jar in tools/target (and the SQL peer's JSON
 * format in sql-peer/), and its service file adds the {@code bench} subcommand to the laptop jar's CLI. Both break
 * silently if a path or a name changes.
 */
class BenchJarIT {
    private static final Path BENCH_JAR =
            Paths.get(System.getProperty("bench.jar", "bench/target/requests-lakehouse-bench.jar"));
    private static final Path PEER_DIR = Paths.get(System.getProperty("bench.peer.dir", "bench/target/bench-peer"));

    @Test
    void benchJarRunsTheLaptopCliWithTheBenchCommand() throws Exception {
        String usage = run("--help");
        assertThat(usage).contains("bench", "demo", "run", "verify");

        String benchUsage = run("bench", "--help");
        assertThat(benchUsage).contains("--events", "--peer-classpath");
    }

    @Test
    void peerJarsAreBesideTheBenchJar() throws Exception {
        try (var jars = Files.list(PEER_DIR)) {
            assertThat(jars.map(p -> p.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("iceberg-kafka-connect-"))
                    .anyMatch(name -> name.startsWith("connect-runtime-"));
        }
    }

    @Test
    void jsonFormatOfTheSqlPeerIsWhereTheManifestSaysItIs() throws Exception {
        String classPath;
        try (JarFile jar = new JarFile(BENCH_JAR.toFile())) {
            classPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
        }
        assertThat(classPath.split(" ")).contains("sql-peer/flink-json.jar");
        assertThat(BENCH_JAR.resolveSibling("sql-peer").resolve("flink-json.jar"))
                .isRegularFile();
    }

    private static String run(String... args) throws Exception {
        String[] command = new String[args.length + 3];
        command[0] = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        command[1] = "-jar";
        command[2] = BENCH_JAR.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
