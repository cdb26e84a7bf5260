package org.requestslakehouse.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One measured part of the benchmark in its own JVM, so that its CPU time and peak memory are its own and nothing
 * else's. Same java binary and classpath as this process, or another classpath (the Kafka Connect peer). Standard
 * error goes to {@code <name>.log}; standard output is copied to {@code <name>.out} and its lines can be awaited,
 * which is how children say what they are doing (see {@link ChildSignals}).
 */
public final class ChildJvm implements AutoCloseable {
    /**
     * What the runnable jar's manifest opens for Flink's serializers and Kafka; a child started with {@code -cp}
     * rather than {@code -jar} does not read the manifest.
     */
    static final List<String> OPENS = List.of(
            "java.base/java.lang",
            "java.base/java.util",
            "java.base/java.nio",
            "java.base/sun.nio.ch",
            "java.base/java.lang.invoke",
            "java.base/java.net",
            "java.base/java.io",
            "java.base/java.time",
            "java.base/java.util.concurrent",
            "java.base/java.util.concurrent.atomic",
            "java.base/java.lang.reflect",
            "java.base/java.text",
            "java.sql/java.sql");

    private static final Duration STOP_GRACE = Duration.ofSeconds(60);
    private static final String END_OF_OUTPUT = "\u0000end-of-output";

    private final String name;
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Path stdoutCopy;
    private final Path stderrLog;

    private ChildJvm(String name, Process process, Path stdoutCopy, Path stderrLog) {
        this.name = name;
        this.process = process;
        this.stdoutCopy = stdoutCopy;
        this.stderrLog = stderrLog;
    }

    /** A JVM running {@code mainClass} on this process's own classpath. */
    public static ChildJvm start(
            String name, List<String> jvmOptions, String mainClass, List<String> args, Path logDir) {
        return start(name, jvmOptions, System.getProperty("java.class.path"), mainClass, args, logDir);
    }

    public static ChildJvm start(
            String name, List<String> jvmOptions, String classpath, String mainClass, List<String> args, Path logDir) {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        for (String open : OPENS) {
            command.add("--add-opens=" + open + "=ALL-UNNAMED");
        }
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        try {
            Files.createDirectories(logDir);
            Path stdout = logDir.resolve(name + ".out");
            Path stderr = logDir.resolve(name + ".log");
            Process process =
                    new ProcessBuilder(command).redirectError(stderr.toFile()).start();
            ChildJvm child = new ChildJvm(name, process, stdout, stderr);
            Thread reader = new Thread(child::copyOutput, "bench-" + name + "-stdout");
            reader.setDaemon(true);
            reader.start();
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the " + name + " JVM: " + String.join(" ", command), e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    /** CPU time so far and peak memory; only while the process is alive. */
    public ProcStat stat() {
        return ProcStat.of(process.pid());
    }

    /**
     * Waits for the first not yet consumed output line that {@code matches}, consuming the lines before it.
     *
     * @throws IllegalStateException if the process ends or {@code timeout} passes first, naming its log
     */
    public String awaitLine(Predicate<String> matches, String what, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
            if (line == null) {
                throw new IllegalStateException("The " + name + " JVM did not report " + what + " within " + timeout
                        + "; see " + stderrLog + " and " + stdoutCopy);
            }
            if (line.equals(END_OF_OUTPUT)) {
                lines.add(END_OF_OUTPUT);
                throw new IllegalStateException("The " + name + " JVM ended before it reported " + what
                        + exitDescription() + "; see " + stderrLog + " and " + stdoutCopy);
            }
            if (matches.test(line)) {
                return line;
            }
        }
    }

    /** Waits for a {@link ChildSignals} announcement of {@code event}. */
    public ChildSignals.Signal awaitSignal(String event, Duration timeout) throws InterruptedException {
        return ChildSignals.Signal.parse(
                awaitLine(line -> ChildSignals.isSignal(line, event), "'" + event + "'", timeout));
    }

    /** Tells a child waiting in {@link ChildSignals#awaitStop()} to finish. */
    public void requestStop() {
        try {
            OutputStream in = process.getOutputStream();
            PrintWriter writer = new PrintWriter(in, true, StandardCharsets.UTF_8);
            writer.println(ChildSignals.STOP);
            writer.flush();
        } catch (RuntimeException ignoredWhenAlreadyGone) {
            // the child exited on its own, which is what stopping asks for
        }
    }

    /** Waits for the process to end by itself; fails if it does not, or ends with an error. */
    public void awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(
                    "The " + name + " JVM did not exit within " + timeout + "; see " + stderrLog);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("The " + name + " JVM" + exitDescription() + "; see " + stderrLog);
        }
    }

    /** Ends the process if it still runs: SIGTERM first (shutdown hooks run), then SIGKILL. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private String exitDescription() {
        return process.isAlive() ? "" : " exited with status " + process.exitValue();
    }

    private void copyOutput() {
        try (BufferedReader reader =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter copy = new PrintWriter(Files.newBufferedWriter(stdoutCopy, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = reader.readLine()) != null) {
                copy.println(line);
                lines.add(line);
            }
        } catch (IOException e) {
            // the pipe closes when the process dies; the end marker below reports it to any waiter
        } finally {
            lines.add(END_OF_OUTPUT);
        }
    }
}
