package org.requestslakehouse.bench;

import java.time.Instant;

/** Everything one benchmark run measured; a part that was not run is null. */
public record BenchResult(
        Instant finishedAt,
        String machine,
        BenchSettings settings,
        RunResult floor,
        RunResult job,
        RunResult jobNoGold,
        RunResult peer,
        RunResult sqlPeer,
        FreshnessResult freshness) {}
