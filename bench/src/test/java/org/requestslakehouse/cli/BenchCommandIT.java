package org.requestslakehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The whole benchmark at a small size: broker, preload, floor, job with and without gold, the Kafka Connect peer
 * and the freshness run, each in its own JVM. Checks that every figure is measured, not how good it is: the
 * machine running the tests is shared.
 */
class BenchCommandIT {
    /** The keys issue 7 asks the JSON to have, as paths. */
    private static final List<String> REQUIRED_KEYS = List.of(
            "events",
            "floor.events_per_s",
            "job.events_per_s",
            "job.cpu_s_per_million",
            "job_no_gold.events_per_s",
            "peer.events_per_s",
            "peer.cpu_s_per_million",
            "sql_peer.events_per_s",
            "sql_peer.cpu_s_per_million",
            "freshness.silver_p99_s",
            "freshness.gold_p99_s",
            "job.peak_rss_mib");

    @Test
    void measuresEveryPartAndWritesEveryKey(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("bench.json");

        // A short commit interval keeps the run short: the peer and the freshness run wait for commits.
        int exit = Main.commandLine()
                .execute(
                        "bench",
                        "--events",
                        "2000",
                        "--checkpoint-interval",
                        "2 s",
                        "--freshness-duration",
                        "5 s",
                        "--work-dir",
                        dir.resolve("work").toString(),
                        "--json",
                        json.toString());

        assertThat(exit).isZero();
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.at("/events").asLong()).isEqualTo(2000);
        for (String key : REQUIRED_KEYS) {
            JsonNode value = report.at("/" + key.replace('.', '/'));
            assertThat(value.isNumber()).as(key).isTrue();
            assertThat(value.asDouble()).as(key).isPositive();
        }
        assertThat(report.at("/freshness/gold_not_visible").asLong()).isZero();
        for (String table :
                List.of("bronze.raw_events", "silver.service_requests", "gold.requests_hourly", "gold.sla_daily")) {
            assertThat(report.at("/sql_peer/rows").get(table).asLong())
                    .as(table)
                    .isPositive();
        }
        assertThat(report.at("/sql_peer/rows").get("bronze.raw_events").asLong())
                .isEqualTo(2000);
        for (String run : List.of("floor", "job", "job_no_gold", "peer", "sql_peer")) {
            assertThat(report.at("/" + run + "/broker_cpu_s_per_million").asDouble())
                    .as(run)
                    .isPositive();
            assertThat(report.at("/" + run + "/ratio_to_floor").asDouble())
                    .as(run)
                    .isPositive();
            assertThat(report.at("/" + run + "/ratio_to_peer").asDouble())
                    .as(run)
                    .isPositive();
        }
    }

    @Test
    void repeatedPartsRunInRoundsOfTheirOwnAndReportTheirMedians(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("bench.json");
        Path work = dir.resolve("work");

        int exit = Main.commandLine()
                .execute(
                        "bench",
                        "--events",
                        "2000",
                        "--parts",
                        "floor,job,peer",
                        "--repeat",
                        "2",
                        "--checkpoint-interval",
                        "2 s",
                        "--work-dir",
                        work.toString(),
                        "--json",
                        json.toString());

        assertThat(exit).isZero();
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.at("/settings/repeat").asInt()).isEqualTo(2);
        // The peer's second round gets a consumer group and control topic of its own: with the first round's, it
        // would resume at the end of the topic and never see an event.
        for (String part : List.of("floor", "job", "peer")) {
            JsonNode runs = report.at("/" + part + "/runs");
            assertThat(runs.size()).as(part).isEqualTo(2);
            double first = runs.get(0).get("cpu_s").asDouble();
            double second = runs.get(1).get("cpu_s").asDouble();
            assertThat(report.at("/" + part + "/cpu_s").asDouble()).as(part).isEqualTo((first + second) / 2);
        }
        // The second round wrote its own tables: the job's rows were counted in each and are the same.
        assertThat(work.resolve("round-2/job")).isDirectory();
        assertThat(report.at("/job/rows").get("bronze.raw_events").asLong()).isEqualTo(2000);
        assertThat(report.has("sql_peer")).isFalse();
    }

    @Test
    void rejectsARepeatBelowOne() {
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs("--repeat", "0");

        assertThatThrownBy(() -> command.settings(Path.of("unused")))
                .isInstanceOf(ParameterException.class)
                .hasMessage("repeat must be at least 1, was 0");
    }

    @Test
    void rejectsAnUnknownPartBeforeStartingAnything() {
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs("--parts", "floor,gold");

        assertThatThrownBy(() -> command.settings(Path.of("unused")))
                .isInstanceOf(ParameterException.class)
                .hasMessage("--parts takes floor, job, job-no-gold, peer, sql-peer and freshness, got gold");
    }

    @Test
    void freshnessNeedsTheJobsMeasuredMaximum() {
        BenchCommand command = new BenchCommand();
        new CommandLine(command).parseArgs("--parts", "freshness");

        assertThatThrownBy(() -> command.settings(Path.of("unused")))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("run the job part too");
    }
}
