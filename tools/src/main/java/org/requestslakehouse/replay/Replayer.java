package org.requestslakehouse.replay;

import java.util.function.Supplier;
import org.requestslakehouse.progress.ProgressReporter;

/** Publishes a replay's events with pacing, an optional limit and looping, and reports progress. */
public final class Replayer {
    private final Pacer pacer;
    private final EventPublisher publisher;
    private final long limit;
    private final boolean loop;

    /** @param limit maximum events to publish, or 0 for no limit */
    public Replayer(Pacer pacer, EventPublisher publisher, long limit, boolean loop) {
        this.pacer = pacer;
        this.publisher = publisher;
        this.limit = limit;
        this.loop = loop;
    }

    /**
     * @param events opens the event stream; called again for each pass when looping
     * @return events published
     */
    public long run(Supplier<ReplayEventStream> events, ProgressReporter progress) throws Exception {
        long published = 0;
        do {
            pacer.restart();
            try (ReplayEventStream stream = events.get()) {
                while (stream.hasNext() && (limit == 0 || published < limit)) {
                    ReplayEvent event = stream.next();
                    pacer.awaitTurn(event.eventTimeMillis());
                    publisher.publish(event.key(), event.json());
                    published++;
                    progress.advance(1);
                }
            }
        } while (loop
                && (limit == 0 || published < limit)
                && !Thread.currentThread().isInterrupted());
        publisher.flush();
        progress.finish();
        return published;
    }
}
