package org.requestslakehouse.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Everything that shapes one benchmark run.
 *
 * @param events              events preloaded and measured by every throughput run
 * @param checkpointInterval  the job's exactly-once checkpoint interval, which is also its commit interval; the
 *                            peer commits on the same interval
 * @param stateBackend        {@code rocksdb} (as {@code flink-conf/config.yaml}) or {@code hashmap}
 * @param managedMemory       the job's managed memory (RocksDB's block cache and write buffers), e.g. {@code 512m}
 * @param freshnessRateShare  the freshness run's input rate as a share of the full job's measured events/s
 * @param freshnessDuration   how long the freshness run produces (less when fewer events are preloaded)
 * @param parts               the parts to run; the others are reported as not measured
 * @param repeat              how many times each throughput part runs, in rounds (every part once, then again), so
 *                            that a noisy machine's figures can be reported as medians
 * @param childHeap           maximum heap of the job, floor and peer JVMs, e.g. {@code 1g}
 * @param jobJvmOptions       extra options for the job's JVMs only (a JFR recording, GC logging)
 * @param jobSettings         extra job settings, {@code key=value} as in {@code application_properties.json}, for the
 *                            job's runs only (job, job_no_gold, freshness), e.g. {@code gold.emit-interval=2s}
 * @param flinkSettings       extra Flink settings, {@code key=value}, for the job's and the SQL
 *                            peer's mini-clusters, e.g. {@code state.backend.rocksdb.use-bloom-filter=true}
 * @param peerClasspath       directory of the Kafka Connect peer's jars
 * @param workDir             scratch directory: broker data, warehouses, checkpoints, logs
 */
public record BenchSettings(
        long events,
        long seed,
        Duration checkpointInterval,
        String stateBackend,
        String managedMemory,
        int parallelism,
        double freshnessRateShare,
        Duration freshnessDuration,
        Set<Part> parts,
        int repeat,
        String childHeap,
        List<String> jobJvmOptions,
        List<String> jobSettings,
        List<String> flinkSettings,
        Path peerClasspath,
        Path workDir) {

    /** The measured parts, in the order they run. */
    public enum Part {
        FLOOR,
        JOB,
        JOB_NO_GOLD,
        PEER,
        SQL_PEER,
        FRESHNESS
    }

    public BenchSettings {
        if (events < 1) {
            throw new IllegalArgumentException("events must be at least 1, was " + events);
        }
        if (freshnessRateShare <= 0 || freshnessRateShare > 1) {
            throw new IllegalArgumentException("the freshness rate share must be in (0, 1], was " + freshnessRateShare);
        }
        if (repeat < 1) {
            throw new IllegalArgumentException("repeat must be at least 1, was " + repeat);
        }
        if (parts.contains(Part.FRESHNESS) && !parts.contains(Part.JOB)) {
            throw new IllegalArgumentException(
                    "the freshness run's rate is a share of the job's measured maximum: run the job part too");
        }
        parts = Set.copyOf(parts);
        jobJvmOptions = List.copyOf(jobJvmOptions);
        for (String setting : jobSettings) {
            if (setting.indexOf('=') < 1) {
                throw new IllegalArgumentException("a job setting is key=value, got " + setting);
            }
        }
        jobSettings = List.copyOf(jobSettings);
        for (String setting : flinkSettings) {
            if (setting.indexOf('=') < 1) {
                throw new IllegalArgumentException("a Flink setting is key=value, got " + setting);
            }
        }
        flinkSettings = List.copyOf(flinkSettings);
    }

    public boolean runs(Part part) {
        return parts.contains(part);
    }

    public Path logDir() {
        return workDir.resolve("logs");
    }

    /** The same settings with another scratch directory: each round after the first gets its own. */
    public BenchSettings withWorkDir(Path dir) {
        return new BenchSettings(
                events,
                seed,
                checkpointInterval,
                stateBackend,
                managedMemory,
                parallelism,
                freshnessRateShare,
                freshnessDuration,
                parts,
                repeat,
                childHeap,
                jobJvmOptions,
                jobSettings,
                flinkSettings,
                peerClasspath,
                dir);
    }
}
