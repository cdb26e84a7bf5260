package org.requestslakehouse.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one benchmark measured; a part that was not run is null. With {@code --repeat}, each part's result is
 * the median of its runs ({@link RunResult#median}) and {@code runs} holds every run by part name, in round order;
 * with one round it is empty.
 */
public record BenchResult(
        Instant finishedAt,
        String machine,
        BenchSettings settings,
        RunResult floor,
        RunResult job,
        RunResult jobNoGold,
        RunResult peer,
        RunResult sqlPeer,
        FreshnessResult freshness,
        Map<String, List<RunResult>> runs) {

    public BenchResult {
        runs = Map.copyOf(runs);
    }
}
