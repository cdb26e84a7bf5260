package org.requestslakehouse.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's result as one table for people and as JSON for tools. Ratios: "x floor" is events/s over the
 * floor's events/s; "x peer" is events per CPU-second of the measured process over the peer's, the efficiency
 * comparison (both read the same topic from the same broker, whose CPU is reported apart).
 */
public final class BenchReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String NOT_MEASURED = "-";

    private BenchReport() {}

    public static ObjectNode json(BenchResult result) {
        ObjectNode root = JSON.createObjectNode();
        root.put("date", result.finishedAt().toString());
        root.put("machine", result.machine());
        root.put("events", result.settings().events());
        ObjectNode settings = root.putObject("settings");
        settings.put(
                "checkpoint_interval_s", result.settings().checkpointInterval().toMillis() / 1000.0);
        settings.put("state_backend", result.settings().stateBackend());
        settings.put("parallelism", result.settings().parallelism());
        settings.put("child_heap", result.settings().childHeap());
        settings.put("freshness_rate_share", result.settings().freshnessRateShare());
        settings.put("repeat", result.settings().repeat());
        for (Map.Entry<String, RunResult> run : runs(result).entrySet()) {
            if (run.getValue() != null) {
                ObjectNode node = root.putObject(run.getKey());
                putRun(node, run.getValue(), result);
                List<RunResult> each = result.runs().getOrDefault(run.getKey(), List.of());
                if (!each.isEmpty()) {
                    ArrayNode rounds = node.putArray("runs");
                    each.forEach(measured -> putMeasured(rounds.addObject(), measured));
                }
            }
        }
        FreshnessResult f = result.freshness();
        if (f != null) {
            ObjectNode freshness = root.putObject("freshness");
            freshness.put("rate_events_per_s", f.ratePerSecond());
            freshness.put("events", f.events());
            freshness.put("measured_events", f.measuredEvents());
            freshness.put("silver_p50_s", f.silverP50Seconds());
            freshness.put("silver_p99_s", f.silverP99Seconds());
            freshness.put("gold_p50_s", f.goldP50Seconds());
            freshness.put("gold_p99_s", f.goldP99Seconds());
            freshness.put("gold_not_visible", f.goldNotVisible());
        }
        return root;
    }

    public static void writeJson(BenchResult result, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        JSON.writeValue(file.toFile(), json(result));
    }

    private static void putRun(ObjectNode node, RunResult run, BenchResult result) {
        putMeasured(node, run);
        if (!run.tableRows().isEmpty()) {
            ObjectNode rows = node.putObject("rows");
            run.tableRows().forEach(rows::put);
        }
        if (result.floor() != null) {
            node.put("ratio_to_floor", run.eventsPerSecond() / result.floor().eventsPerSecond());
        }
        if (result.peer() != null) {
            node.put("ratio_to_peer", run.eventsPerCpuSecond() / result.peer().eventsPerCpuSecond());
        }
    }

    /** The figures of one run (or of the medians), without the ratios and rows that belong to the part. */
    private static void putMeasured(ObjectNode node, RunResult run) {
        node.put("events_per_s", run.eventsPerSecond());
        node.put("seconds", run.seconds());
        node.put("cpu_s", run.cpuSeconds());
        node.put("cpu_s_per_million", run.cpuSecondsPerMillion());
        node.put("broker_cpu_s_per_million", run.brokerCpuSecondsPerMillion());
        node.put("events_per_cpu_s", run.eventsPerCpuSecond());
        node.put("peak_rss_mib", run.peakRssMib());
        if (run.stateBytesPerCase() != null) {
            node.put("state_bytes_per_case", run.stateBytesPerCase());
        }
    }

    /** The result table, one line per part (the median of its runs with {@code --repeat}). */
    public static String table(BenchResult result) {
        StringBuilder out = new StringBuilder();
        String format = "%-12s %10s %11s %11s %8s %8s %-29s %9s %12s%n";
        out.append(String.format(
                Locale.ROOT,
                format,
                "run",
                "events/s",
                "CPU-s/M ev",
                "broker/M ev",
                "x floor",
                "x peer",
                "freshness p50/p99 (s)",
                "peak RSS",
                "state/case"));
        for (Map.Entry<String, RunResult> entry : runs(result).entrySet()) {
            RunResult run = entry.getValue();
            if (run == null) {
                continue;
            }
            out.append(String.format(
                    Locale.ROOT,
                    format,
                    entry.getKey(),
                    String.format(Locale.ROOT, "%,.0f", run.eventsPerSecond()),
                    String.format(Locale.ROOT, "%.1f", run.cpuSecondsPerMillion()),
                    String.format(Locale.ROOT, "%.1f", run.brokerCpuSecondsPerMillion()),
                    result.floor() == null
                            ? NOT_MEASURED
                            : String.format(
                                    Locale.ROOT,
                                    "%.2f",
                                    run.eventsPerSecond() / result.floor().eventsPerSecond()),
                    result.peer() == null
                            ? NOT_MEASURED
                            : String.format(
                                    Locale.ROOT,
                                    "%.2f",
                                    run.eventsPerCpuSecond() / result.peer().eventsPerCpuSecond()),
                    entry.getKey().equals("job") ? freshness(result.freshness()) : NOT_MEASURED,
                    String.format(Locale.ROOT, "%,.0f MiB", run.peakRssMib()),
                    run.stateBytesPerCase() == null
                            ? NOT_MEASURED
                            : String.format(Locale.ROOT, "%,.0f B", run.stateBytesPerCase())));
        }
        for (Map.Entry<String, RunResult> entry : runs(result).entrySet()) {
            if (entry.getValue() != null && !entry.getValue().tableRows().isEmpty()) {
                out.append(String.format(Locale.ROOT, "rows of %s: %s%n", entry.getKey(), rows(entry.getValue())));
            }
        }
        return out.toString();
    }

    /** The rows of each table a run wrote, for the line under the table: {@code bronze.raw_events 1,000 · ...}. */
    static String rows(RunResult run) {
        StringBuilder out = new StringBuilder();
        run.tableRows()
                .forEach((table, rows) -> out.append(out.length() == 0 ? "" : ", ")
                        .append(table)
                        .append(' ')
                        .append(String.format(Locale.ROOT, "%,d", rows)));
        return out.toString();
    }

    private static String freshness(FreshnessResult f) {
        return f == null
                ? NOT_MEASURED
                : String.format(
                        Locale.ROOT,
                        "silver %.1f/%.1f gold %.1f/%.1f",
                        f.silverP50Seconds(),
                        f.silverP99Seconds(),
                        f.goldP50Seconds(),
                        f.goldP99Seconds());
    }

    private static Map<String, RunResult> runs(BenchResult result) {
        Map<String, RunResult> runs = new LinkedHashMap<>();
        runs.put("floor", result.floor());
        runs.put("job", result.job());
        runs.put("job_no_gold", result.jobNoGold());
        runs.put("peer", result.peer());
        runs.put(SqlPeerRun.NAME, result.sqlPeer());
        return runs;
    }
}
