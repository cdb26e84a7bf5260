package org.requestslakehouse.reliability;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.requestslakehouse.cli.Main;

/**
 * {@code requests-lakehouse run ...} in its own JVM, on this test's classpath, with output to a log file: a process
 * the test can kill like an operator's {@code kill -9} or a crashed host would.
 */
final class RunCommandProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private RunCommandProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static RunCommandProcess start(Path log, List<String> runArguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        // Flink needs the same --add-opens as this JVM (set by surefire from the pom's test.jvm.opens).
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens"))
                .forEach(command::add);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.add("run");
        command.addAll(runArguments);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new RunCommandProcess(process, log);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end by itself and gives its exit code. */
    int exitCode(Duration timeout) throws InterruptedException, IOException {
        if (!awaitExit(timeout)) {
            throw new AssertionError("run did not exit within " + timeout + "; log:\n" + log());
        }
        return exitValue();
    }

    /** Waits for the process to end by itself; false if it still runs after {@code timeout}. */
    boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    int exitValue() {
        return process.exitValue();
    }

    /** CPU time the process has used so far, for the suite's cost figures. */
    double cpuSeconds() {
        return process.info().totalCpuDuration().map(d -> d.toMillis() / 1e3).orElse(0.0);
    }

    /** SIGKILL: no shutdown hook, no final checkpoint, no cancel: what a crash leaves behind. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(1, TimeUnit.MINUTES);
    }

    /** Waits for {@code condition} while the run is alive; a timeout or an exit fails with the run's log. */
    void awaitWhileAlive(Duration timeout, String what, Callable<Boolean> condition) throws IOException {
        try {
            await(what)
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(200))
                    .failFast("the run exited", () -> !isAlive())
                    .until(condition);
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new AssertionError(e.getMessage() + "\nrun log:\n" + log(), e);
        }
    }

    /**
     * The local cluster's settings for a child run: heap state and no fixed ports (several builds may share a
     * machine). The repository's flink-conf/ would add RocksDB, the web UI on 8081 and Prometheus ports.
     */
    static Path localFlinkConf(Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("flink-conf"));
        Files.writeString(
                dir.resolve("config.yaml"),
                String.join(
                        "\n",
                        "state.backend.type: hashmap",
                        "rest.bind-port: \"0\"",
                        "restart-strategy.type: fixed-delay",
                        "restart-strategy.fixed-delay.attempts: 10",
                        "restart-strategy.fixed-delay.delay: 1 s",
                        ""));
        return dir;
    }

    /**
     * {@code run} reading a topic of the test's broker into a warehouse and checkpoints under {@code tmp}, with the
     * suite's 2 s checkpoints and half-second gold emission; a mutable list, for the flags a test adds.
     */
    static List<String> kafkaRunArguments(Path tmp, String bootstrapServers, String topic, Path flinkConf) {
        return new ArrayList<>(List.of(
                "--source",
                "kafka",
                "--bootstrap-servers",
                bootstrapServers,
                "--topic",
                topic,
                "--group-id",
                "reliability-" + topic,
                "--warehouse",
                tmp.resolve("warehouse").toString(),
                "--checkpoint-dir",
                tmp.resolve("checkpoints").toString(),
                "--checkpoint-interval",
                "2s",
                "--parallelism",
                "2",
                "--flink-conf",
                flinkConf.toString(),
                "--set",
                "gold.emit-interval=500ms",
                "--no-summary"));
    }

    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
