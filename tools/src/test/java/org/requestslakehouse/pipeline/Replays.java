package org.requestslakehouse.pipeline;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.requestslakehouse.config.ParseConfig;
import org.requestslakehouse.progress.ProgressReporter;
import org.requestslakehouse.replay.EventPublisher;
import org.requestslakehouse.replay.Pacer;
import org.requestslakehouse.replay.PacingClock;
import org.requestslakehouse.replay.ReplayEventStream;
import org.requestslakehouse.replay.ReplayFilter;
import org.requestslakehouse.replay.ReplayMode;
import org.requestslakehouse.replay.Replayer;

/** The replay tool as the tests drive it: every event of the files, once, as fast as the publisher takes them. */
final class Replays {
    private Replays() {}

    static void publishAll(EventPublisher publisher, List<Path> inputs, ReplayMode mode, ParseConfig parse)
            throws Exception {
        new Replayer(new Pacer(PacingClock.SYSTEM, 0, 0), publisher, 0, false)
                .run(
                        () -> new ReplayEventStream(inputs, mode, ReplayFilter.ALL, parse),
                        new ProgressReporter(
                                "replay",
                                "events",
                                -1,
                                new PrintWriter(System.err, true),
                                false,
                                Duration.ofSeconds(60),
                                System::nanoTime));
    }
}
