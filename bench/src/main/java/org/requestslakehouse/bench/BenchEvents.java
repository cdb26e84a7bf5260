package org.requestslakehouse.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.requestslakehouse.config.ParseConfig;
import org.requestslakehouse.generate.GeneratorSettings;
import org.requestslakehouse.generate.Layout;
import org.requestslakehouse.generate.ProgressListener;
import org.requestslakehouse.generate.RequestCsvWriter;
import org.requestslakehouse.progress.ProgressReporter;
import org.requestslakehouse.replay.EventPublisher;
import org.requestslakehouse.replay.Pacer;
import org.requestslakehouse.replay.PacingClock;
import org.requestslakehouse.replay.ReplayEvent;
import org.requestslakehouse.replay.ReplayEventStream;
import org.requestslakehouse.replay.ReplayFilter;
import org.requestslakehouse.replay.ReplayMode;
import org.requestslakehouse.replay.Replayer;

/**
 * The benchmark's input: generated cases with the real exports' quirks, replayed in lifecycle mode (an OPENED
 * event per case, a CLOSED one for cases that close, in time order), which is what a production producer sends:
 * several events per case, so the job's per-case state and its upserts are exercised as they would be.
 */
public final class BenchEvents {
    /**
     * Fewer events per generated case than the generator ever gives (about 1.86 with its closed shares), so the
     * file always holds enough; the replay stops at the requested count.
     */
    static final double EVENTS_PER_CASE_AT_LEAST = 1.6;

    private BenchEvents() {}

    /** A CSV (current layout) with enough cases for {@code events} lifecycle events. */
    public static Path generate(Path dir, long events, long seed) throws IOException {
        Path csv = dir.resolve("bench-cases.csv");
        RequestCsvWriter.write(
                csv,
                Layout.CURRENT_2025,
                casesFor(events),
                GeneratorSettings.defaults(seed),
                false,
                ProgressListener.NONE);
        return csv;
    }

    /** How many cases {@link #generate} writes for {@code events} lifecycle events. */
    public static long casesFor(long events) {
        return (long) Math.ceil(events / EVENTS_PER_CASE_AT_LEAST) + 1;
    }

    /**
     * The first {@code events} lifecycle events of {@code csv}, in memory: a paced producer that only sends costs
     * next to nothing, so it does not take CPU from the job whose latency it measures.
     */
    public static List<ReplayEvent> load(Path csv, long events) throws IOException {
        List<ReplayEvent> loaded = new ArrayList<>();
        try (ReplayEventStream stream =
                new ReplayEventStream(List.of(csv), ReplayMode.LIFECYCLE, ReplayFilter.ALL, ParseConfig.defaults())) {
            while (loaded.size() < events && stream.hasNext()) {
                loaded.add(stream.next());
            }
        }
        if (loaded.size() != events) {
            throw new IllegalStateException(
                    csv + " gave " + loaded.size() + " lifecycle events, fewer than the " + events + " asked for");
        }
        return loaded;
    }

    /** Publishes {@code events} at {@code ratePerSecond} and waits until all are acknowledged. */
    public static void publish(List<ReplayEvent> events, EventPublisher publisher, double ratePerSecond, String label)
            throws Exception {
        Pacer pacer = new Pacer(PacingClock.SYSTEM, 0, ratePerSecond);
        ProgressReporter progress = ProgressReporter.forConsole(label, "events", events.size());
        for (ReplayEvent event : events) {
            pacer.awaitTurn(event.eventTimeMillis());
            publisher.publish(event.key(), event.json());
            progress.advance(1);
        }
        publisher.flush();
        progress.finish();
    }

    /**
     * Publishes the first {@code events} lifecycle events of {@code csv}, at most {@code ratePerSecond} per second
     * (0: as fast as the publisher takes them), and waits until all are acknowledged.
     *
     * @throws IllegalStateException if the file yields fewer events
     */
    public static long publish(Path csv, EventPublisher publisher, long events, double ratePerSecond, String label)
            throws Exception {
        Replayer replayer = new Replayer(new Pacer(PacingClock.SYSTEM, 0, ratePerSecond), publisher, events, false);
        long published = replayer.run(
                () -> new ReplayEventStream(
                        List.of(csv), ReplayMode.LIFECYCLE, ReplayFilter.ALL, ParseConfig.defaults()),
                ProgressReporter.forConsole(label, "events", events));
        if (published != events) {
            throw new IllegalStateException(
                    csv + " gave " + published + " lifecycle events, fewer than the " + events + " asked for");
        }
        return published;
    }
}
