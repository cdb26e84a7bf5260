package org.requestslakehouse.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import org.requestslakehouse.config.ParseConfig;
import org.requestslakehouse.csv.CsvEvent;
import org.requestslakehouse.csv.EventFileReader;
import org.requestslakehouse.model.ServiceRequest;
import org.requestslakehouse.parsing.ParseOutcome;
import org.requestslakehouse.parsing.RequestEventParser;

/**
 * The events a replay publishes, read lazily from CSV or Open311 JSON files in order, with the reader the job's
 * file source uses ({@link EventFileReader}). Rows are parsed with the job's own parser only to learn each
 * case's id and times; the published JSON is the row or element as the file has it (plus the envelope in
 * lifecycle mode), so the job sees what a real producer would send.
 *
 * <p>Lifecycle mode orders events by time through a heap: an event is released once no row still to be read
 * can come before it, assuming the files are sorted by open time (as the city's exports are). Memory is then
 * bounded by the cases still open at the read position, not by the input size. Rows the parser rejects are
 * sent unchanged, so the job quarantines them exactly as it would from the CSV source.
 */
public final class ReplayEventStream implements Iterator<ReplayEvent>, AutoCloseable {
    /** Heap entry; the sequence keeps events of equal time in the order they were created (OPENED first). */
    private record Pending(ReplayEvent event, long sequence) {}

    private static final Comparator<Pending> BY_TIME =
            Comparator.comparingLong((Pending p) -> p.event().eventTimeMillis()).thenComparingLong(Pending::sequence);

    private final Iterator<Path> files;
    private final ReplayMode mode;
    private final ReplayFilter filter;
    private final RequestEventParser parser;
    private final Deque<ReplayEvent> ready = new ArrayDeque<>();
    private final PriorityQueue<Pending> pending = new PriorityQueue<>(BY_TIME);
    private long sequence;
    private EventFileReader reader;
    private String currentFile;
    private long latestOpenMillis = Long.MIN_VALUE;

    public ReplayEventStream(List<Path> files, ReplayMode mode, ReplayFilter filter, ParseConfig parse) {
        this.files = List.copyOf(files).iterator();
        this.mode = mode;
        this.filter = filter;
        this.parser = new RequestEventParser(parse);
    }

    @Override
    public boolean hasNext() {
        try {
            while (ready.isEmpty()) {
                if (!readRow()) {
                    if (pending.isEmpty()) {
                        return false;
                    }
                    ready.add(pending.poll().event());
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + currentFile, e);
        }
    }

    @Override
    public ReplayEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.poll();
    }

    /** @return false when every file is exhausted */
    private boolean readRow() throws IOException {
        CsvEvent row;
        while ((row = nextRow()) != null) {
            ParseOutcome outcome = parser.parse(row.toRawEvent(currentFile, 0L), 0L);
            ServiceRequest request = outcome.request();
            if (!filter.accepts(request == null ? null : request.openDateLocal)) {
                continue;
            }
            if (request == null) {
                ready.add(new ReplayEvent(
                        latestOpenMillis == Long.MIN_VALUE ? 0 : latestOpenMillis,
                        currentFile + ":" + row.lineNumber(),
                        row.payload()));
                return true;
            }
            enqueue(row.json(), request);
            return true;
        }
        return false;
    }

    private void enqueue(byte[] json, ServiceRequest request) throws IOException {
        String key = request.requestId;
        long open = request.openTs.toEpochMilli();
        if (mode == ReplayMode.SNAPSHOT) {
            ready.add(new ReplayEvent(open, key, LifecycleEvents.snapshot(json)));
            return;
        }
        pending.add(new Pending(new ReplayEvent(open, key, LifecycleEvents.opened(json, request.openTs)), sequence++));
        if (request.closedTs != null) {
            // A case "closed before it was opened" (a real quirk) is still closed after its opening.
            Instant closedAt = request.closedTs.isBefore(request.openTs) ? request.openTs : request.closedTs;
            pending.add(new Pending(
                    new ReplayEvent(closedAt.toEpochMilli(), key, LifecycleEvents.closed(json, closedAt)), sequence++));
        }
        latestOpenMillis = Math.max(latestOpenMillis, open);
        while (!pending.isEmpty() && pending.peek().event().eventTimeMillis() <= latestOpenMillis) {
            ready.add(pending.poll().event());
        }
    }

    private CsvEvent nextRow() throws IOException {
        while (true) {
            if (reader == null) {
                if (!files.hasNext()) {
                    return null;
                }
                Path file = files.next();
                currentFile = file.toString();
                reader = EventFileReader.open(file);
            }
            CsvEvent row = reader.next();
            if (row != null) {
                return row;
            }
            reader.close();
            reader = null;
        }
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
    }
}
