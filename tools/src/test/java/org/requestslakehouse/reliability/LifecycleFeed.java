package org.requestslakehouse.reliability;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.requestslakehouse.config.ParseConfig;
import org.requestslakehouse.generate.GeneratorSettings;
import org.requestslakehouse.generate.Layout;
import org.requestslakehouse.generate.ProgressListener;
import org.requestslakehouse.generate.RequestCsvWriter;
import org.requestslakehouse.replay.KafkaEventPublisher;
import org.requestslakehouse.replay.ReplayEvent;
import org.requestslakehouse.replay.ReplayEventStream;
import org.requestslakehouse.replay.ReplayFilter;
import org.requestslakehouse.replay.ReplayMode;

/**
 * A live-looking input: the OPENED and CLOSED events of generated cases in event-time order, keyed by case id, sent
 * with the replay tool's own batching publisher, plus a malformed message (no key) every {@value #MALFORMED_EVERY}
 * events so the quarantine path carries traffic as well. The same CSV always gives the same messages, so a feed can
 * be published in several parts, or twice.
 */
final class LifecycleFeed implements AutoCloseable {
    static final int MALFORMED_EVERY = 499;

    private static final List<byte[]> MALFORMED = List.of(
            "{\"case_enquiry_id\": 101004".getBytes(UTF_8),
            new byte[0],
            "[101004123456, \"2024-01-02 03:04:05\"]".getBytes(UTF_8),
            "{\"type\": \"Pothole Repair\", \"open_dt\": \"2024-01-02 03:04:05\"}".getBytes(UTF_8),
            "{\"case_enquiry_id\": \"not-a-number\", \"open_dt\": \"2024-01-02 03:04:05\"}".getBytes(UTF_8));

    private final ReplayEventStream events;
    private final KafkaEventPublisher publisher;
    private long published;

    LifecycleFeed(Path csv, String bootstrapServers, String topic, ParseConfig parse) {
        this.events = new ReplayEventStream(List.of(csv), ReplayMode.LIFECYCLE, ReplayFilter.ALL, parse);
        this.publisher = new KafkaEventPublisher(bootstrapServers, topic, new Properties());
    }

    /** Generates {@code cases} synthetic cases (current export layout, with the real exports' quirks). */
    static Path generate(Path dir, String name, int cases, long seed) throws IOException {
        Path csv = dir.resolve(name + ".csv");
        RequestCsvWriter.write(
                csv, Layout.CURRENT_2025, cases, GeneratorSettings.defaults(seed), false, ProgressListener.NONE);
        return csv;
    }

    /** Publishes every message the CSV gives, in one go. */
    static long publishAll(Path csv, String bootstrapServers, String topic, ParseConfig parse) throws Exception {
        try (LifecycleFeed feed = new LifecycleFeed(csv, bootstrapServers, topic, parse)) {
            return feed.publish(Long.MAX_VALUE);
        }
    }

    /** Publishes up to {@code count} more messages and waits for their acknowledgement; returns how many. */
    long publish(long count) throws Exception {
        long sent = 0;
        while (sent < count && events.hasNext()) {
            published++;
            sent++;
            if (published % MALFORMED_EVERY == 0) {
                publisher.publish(null, MALFORMED.get((int) (published / MALFORMED_EVERY % MALFORMED.size())));
            } else {
                ReplayEvent event = events.next();
                publisher.publish(event.key(), event.json());
            }
        }
        publisher.flush();
        return sent;
    }

    long published() {
        return published;
    }

    @Override
    public void close() throws Exception {
        try {
            publisher.close();
        } finally {
            events.close();
        }
    }
}
