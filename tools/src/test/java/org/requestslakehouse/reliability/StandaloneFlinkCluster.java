package org.requestslakehouse.reliability;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A standalone Flink session cluster on localhost, started from Flink's own entry points as {@code
 * bin/start-cluster.sh} would: one JobManager process and TaskManager processes, each its own JVM on the classpath of
 * a Flink distribution's {@code lib/} (written by the build to {@code target/flink-cluster.classpath}), configured by
 * a {@code config.yaml} this class writes. Driven only through the REST API that {@code flink run} uses.
 */
final class StandaloneFlinkCluster implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LOG_TAIL_LINES = 150;
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(3);

    private final Path dir;
    private final Path confDir;
    private final String classpath;
    private final int restPort;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<Process> processes = new CopyOnWriteArrayList<>();
    private final List<Path> logs = new CopyOnWriteArrayList<>();
    private final Thread killer = new Thread(this::destroyAll, "standalone-flink-cluster-killer");
    private Process jobManager;
    private int taskManagersStarted;

    private StandaloneFlinkCluster(Path dir, Path confDir, String classpath, int restPort) {
        this.dir = dir;
        this.confDir = confDir;
        this.classpath = classpath;
        this.restPort = restPort;
        // A test JVM that dies (or a build that is cancelled) must not leave a cluster behind.
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /**
     * @param settings the cluster's config.yaml entries beyond addresses, ports, slots and memory (checkpointing,
     *                 restart strategy...)
     */
    static StandaloneFlinkCluster start(
            Path dir, Path classpathFile, int slotsPerTaskManager, Map<String, String> settings) throws IOException {
        String classpath = Files.readString(classpathFile, UTF_8).trim();
        Path confDir = Files.createDirectories(dir.resolve("conf"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        int restPort = freePort();
        List<String> lines = new ArrayList<>(List.of(
                "jobmanager.rpc.address: localhost",
                "jobmanager.bind-host: localhost",
                "jobmanager.rpc.port: " + freePort(),
                "rest.address: localhost",
                "rest.bind-address: localhost",
                "rest.port: " + restPort,
                "taskmanager.host: localhost",
                "taskmanager.bind-host: localhost",
                "taskmanager.rpc.port: \"0\"",
                "taskmanager.data.port: \"0\"",
                "blob.server.port: \"0\"",
                "taskmanager.numberOfTaskSlots: " + slotsPerTaskManager,
                // What bin/taskmanager.sh would pass after computing them from taskmanager.memory.process.size:
                // a TaskManager started without the script needs every component set.
                "taskmanager.cpu.cores: " + slotsPerTaskManager,
                "taskmanager.memory.framework.heap.size: 128m",
                "taskmanager.memory.framework.off-heap.size: 128m",
                "taskmanager.memory.jvm-metaspace.size: 256m",
                "taskmanager.memory.jvm-overhead.min: 192m",
                "taskmanager.memory.jvm-overhead.max: 192m",
                "taskmanager.memory.task.heap.size: 512m",
                "taskmanager.memory.task.off-heap.size: 0m",
                "taskmanager.memory.network.min: 64m",
                "taskmanager.memory.network.max: 64m",
                "taskmanager.memory.managed.size: 64m",
                // The job jar is a few hundred MiB; Flink's REST limit is 100 MiB by default.
                "rest.server.max-content-length: 1073741824",
                "rest.client.max-content-length: 1073741824",
                "web.upload.dir: " + tmp.resolve("web-upload"),
                "io.tmp.dirs: " + tmp,
                // A killed TaskManager is noticed by its refused connection within seconds; the generous timeouts
                // keep a busy build machine from failing the actor system start or declaring live processes lost.
                "heartbeat.interval: 2000",
                "heartbeat.timeout: 60000",
                "pekko.startup-timeout: 2 min",
                "pekko.ask.timeout: 60 s",
                "pekko.tcp.timeout: 60 s"));
        settings.forEach((k, v) -> lines.add(k + ": " + v));
        Files.write(confDir.resolve("config.yaml"), lines, UTF_8);
        Files.writeString(
                confDir.resolve("log4j.properties"),
                String.join(
                        "\n",
                        "rootLogger.level = INFO",
                        "rootLogger.appenderRef.console.ref = console",
                        "appender.console.name = console",
                        "appender.console.type = CONSOLE",
                        "appender.console.layout.type = PatternLayout",
                        "appender.console.layout.pattern = %d{HH:mm:ss,SSS} %-5p %-60c %x - %m%n",
                        "logger.kafka.name = org.apache.kafka",
                        "logger.kafka.level = WARN",
                        "logger.hadoop.name = org.apache.hadoop",
                        "logger.hadoop.level = WARN",
                        ""),
                UTF_8);
        StandaloneFlinkCluster cluster = new StandaloneFlinkCluster(dir, confDir, classpath, restPort);
        cluster.jobManager = cluster.launch(
                "jobmanager", "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", "512m");
        return cluster;
    }

    Process startTaskManager() throws IOException {
        return launch(
                "taskmanager-" + (++taskManagersStarted),
                "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
                "768m");
    }

    private Process launch(String name, String mainClass, String heap) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        // Flink on Java 17 needs the --add-opens its start scripts pass; this JVM got the same from the build.
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens"))
                .forEach(command::add);
        command.add("-Dlog4j.configurationFile="
                + confDir.resolve("log4j.properties").toUri());
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.add("--configDir");
        command.add(confDir.toString());
        Path log = dir.resolve(name + ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        processes.add(process);
        logs.add(log);
        return process;
    }

    /** SIGKILL: the JVM gets no chance to deregister, flush or cancel its tasks. */
    static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("process " + process.pid() + " survived SIGKILL for a minute");
        }
    }

    boolean jobManagerAlive() {
        return jobManager.isAlive();
    }

    /** Reachable and with this many registered TaskManagers. */
    boolean hasTaskManagers(int count) {
        JsonNode overview = getOrNull("/overview");
        return overview != null && overview.path("taskmanagers").asInt() == count;
    }

    /** {@code POST /jars/upload}, as {@code flink run} does: returns the jar id. */
    String uploadJar(Path jar) throws IOException, InterruptedException {
        String boundary = "----lakehouse" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                        + jar.getFileName() + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
                .getBytes(UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(UTF_8);
        HttpRequest request = HttpRequest.newBuilder(uri("/jars/upload"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofFile(jar),
                        HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
        String filename = send(request).path("filename").asText();
        return Paths.get(filename).getFileName().toString();
    }

    /**
     * {@code POST /jars/:id/run}: the entry class's {@code main} runs in the JobManager, which submits the job.
     *
     * @param savepointPath null for a fresh start
     */
    String run(String jarId, String entryClass, List<String> programArgs, int parallelism, String savepointPath)
            throws IOException, InterruptedException {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("entryClass", entryClass);
        body.put("programArgsList", programArgs);
        body.put("parallelism", parallelism);
        if (savepointPath != null) {
            body.put("savepointPath", savepointPath);
            body.put("allowNonRestoredState", false);
        }
        return send(post("/jars/" + jarId + "/run", JSON.writeValueAsString(body)))
                .path("jobid")
                .asText();
    }

    /** {@code GET /jobs/:id}'s state, or null while the REST endpoint does not answer. */
    String jobState(String jobId) {
        JsonNode job = getOrNull("/jobs/" + jobId);
        return job == null ? null : job.path("state").asText();
    }

    /** {@code GET /jobs/:id/checkpoints}: counts (completed, restored...) and the latest of each kind. */
    JsonNode checkpoints(String jobId) {
        JsonNode checkpoints = getOrNull("/jobs/" + jobId + "/checkpoints");
        return checkpoints == null ? JSON.createObjectNode() : checkpoints;
    }

    /** {@code POST /jobs/:id/stop}: stop with a savepoint into {@code targetDirectory}; returns the trigger id. */
    String stopWithSavepoint(String jobId, Path targetDirectory) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(
                Map.of("targetDirectory", targetDirectory.toUri().toString(), "drain", false));
        return send(post("/jobs/" + jobId + "/stop", body)).path("request-id").asText();
    }

    /** {@code GET /jobs/:id/savepoints/:trigger}: the savepoint's location once COMPLETED, else null; fails on failure. */
    String savepointLocation(String jobId, String triggerId) {
        JsonNode status = getOrNull("/jobs/" + jobId + "/savepoints/" + triggerId);
        if (status == null || !status.path("status").path("id").asText().equals("COMPLETED")) {
            return null;
        }
        JsonNode operation = status.path("operation");
        if (operation.has("failure-cause")) {
            throw new AssertionError("stop-with-savepoint failed: " + operation.path("failure-cause"));
        }
        return operation.path("location").asText();
    }

    /** The last lines of every process's log, for a failure message. */
    String logs() {
        StringBuilder out = new StringBuilder();
        for (Path log : logs) {
            try {
                List<String> lines = Files.exists(log) ? Files.readAllLines(log, UTF_8) : List.of();
                out.append("\n===== ")
                        .append(log.getFileName())
                        .append(" (last ")
                        .append(Math.min(lines.size(), LOG_TAIL_LINES))
                        .append(" of ")
                        .append(lines.size())
                        .append(" lines) =====\n");
                lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size())
                        .forEach(l -> out.append(l).append('\n'));
            } catch (IOException | UncheckedIOException e) {
                out.append("\n(cannot read ")
                        .append(log)
                        .append(": ")
                        .append(e.getMessage())
                        .append(")\n");
            }
        }
        return out.toString();
    }

    private HttpRequest post(String path, String json) {
        return HttpRequest.newBuilder(uri(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    private JsonNode getOrNull(String path) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri(path))
                            .timeout(Duration.ofSeconds(20))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError(request.method() + " " + request.uri() + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + restPort + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void destroyAll() {
        processes.forEach(Process::destroyForcibly);
    }

    @Override
    public void close() throws InterruptedException {
        destroyAll();
        for (Process p : processes) {
            p.waitFor(1, TimeUnit.MINUTES);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing left to remove
        }
    }
}
