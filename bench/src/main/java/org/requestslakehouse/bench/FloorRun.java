package org.requestslakehouse.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Runs {@link FloorMain} in its own JVM and measures it from its first read to its last commit. */
final class FloorRun {
    private FloorRun() {}

    static RunResult run(BenchContext ctx) throws Exception {
        BenchSettings settings = ctx.settings();
        Path warehouse = settings.workDir().resolve("floor").resolve("warehouse");
        ctx.console()
                .println(
                        "floor: one thread, no framework: consumer -> parse -> normalise/enrich -> Iceberg writers -> one commit ...");
        try (ChildJvm floor = ChildJvm.start(
                "floor",
                List.of("-Xmx" + settings.childHeap()),
                FloorMain.class.getName(),
                List.of(ctx.broker().bootstrapServers(), ctx.topic(), warehouse.toString()),
                settings.logDir())) {
            ChildSignals.Signal running = floor.awaitSignal("running", JobRun.START_TIMEOUT);
            ProcStat floorAtStart = floor.stat();
            ProcStat brokerAtStart = ctx.broker().stat();
            ChildSignals.Signal finished = floor.awaitSignal("finished", JobRun.runTimeout(settings.events()));
            ProcStat floorAtEnd = floor.stat();
            ProcStat brokerAtEnd = ctx.broker().stat();
            floor.requestStop();
            floor.awaitExit(Duration.ofMinutes(1));

            long events = Long.parseLong(finished.detail());
            if (events != settings.events()) {
                throw new IllegalStateException("The floor read " + events + " events, expected " + settings.events());
            }
            return new RunResult(
                    events,
                    (finished.epochMillis() - running.epochMillis()) / 1000.0,
                    floorAtEnd.since(floorAtStart).cpuSeconds(),
                    brokerAtEnd.since(brokerAtStart).cpuSeconds(),
                    floorAtEnd.peakRssBytes(),
                    null);
        }
    }
}
