package org.requestslakehouse.replay;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.util.concurrent.ExecutorThreadFactory;
import org.requestslakehouse.sources.KinesisClients;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;

/**
 * Batched, concurrent Kinesis publisher on PutRecords. Records are spread over {@code lanes} by partition key;
 * each lane fills one batch at a time and has at most one batch in flight, so several batches are written in
 * parallel while every key's records reach their shard in publish order. Partly filled batches go out after a
 * short linger, so paced replays stream instead of waiting for full batches.
 *
 * <p>The first record that could not be written (after the retries of {@link PutRecordsSender}) fails the next
 * {@link #publish} or {@link #flush}: a replay never reports success after losing events. Credentials come from
 * the AWS default provider chain. Not thread-safe: one thread publishes.
 */
public final class KinesisEventPublisher implements EventPublisher {

    /** Kinesis's limit for one record: data plus partition key. */
    static final int MAX_RECORD_BYTES = 1024 * 1024;

    static final int MAX_PARTITION_KEY_LENGTH = 256;

    private final KinesisClient client;
    private final String stream;
    private final KinesisPublisherSettings settings;
    private final PutRecordsBatch[] open;
    private final Future<?>[] inFlight;
    private final ExecutorService senders;
    private final ScheduledExecutorService lingerTimer;
    private final AtomicReference<KinesisPublishException> failure = new AtomicReference<>();

    /**
     * @param endpoint endpoint override such as {@code http://localhost:4567} for a Kinesis-compatible server,
     *                 or null for the region's AWS endpoint
     */
    public KinesisEventPublisher(String stream, String region, String endpoint) {
        this(
                KinesisClients.create(
                        requireRegion(region),
                        endpoint,
                        KinesisPublisherSettings.DEFAULTS.callTimeout(),
                        KinesisPublisherSettings.DEFAULTS.lanes()),
                stream,
                KinesisPublisherSettings.DEFAULTS);
    }

    /** Takes ownership of {@code client}: {@link #close} closes it. */
    KinesisEventPublisher(KinesisClient client, String stream, KinesisPublisherSettings settings) {
        if (stream == null || stream.isBlank()) {
            client.close();
            throw new IllegalArgumentException("A Kinesis stream name is required");
        }
        this.client = client;
        this.stream = stream;
        this.settings = settings;
        this.open = new PutRecordsBatch[settings.lanes()];
        this.inFlight = new Future<?>[settings.lanes()];
        for (int lane = 0; lane < open.length; lane++) {
            open[lane] = new PutRecordsBatch();
        }
        this.senders = Executors.newFixedThreadPool(settings.lanes(), new ExecutorThreadFactory("kinesis-publisher"));
        this.lingerTimer =
                Executors.newSingleThreadScheduledExecutor(new ExecutorThreadFactory("kinesis-publisher-linger"));
        long lingerMillis = Math.max(1, settings.linger().toMillis());
        lingerTimer.scheduleWithFixedDelay(new LingerTask(), lingerMillis, lingerMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * @param partitionKey the case id: all events of one case go to one shard, in publish order
     * @throws IllegalArgumentException if the record exceeds Kinesis's limits (it would be rejected for good)
     */
    public void publish(String partitionKey, byte[] event) throws Exception {
        int size = recordSize(partitionKey, event);
        rethrowFailure();
        PutRecordsRequestEntry entry = PutRecordsRequestEntry.builder()
                .partitionKey(partitionKey)
                .data(SdkBytes.fromByteArray(event))
                .build();
        synchronized (this) {
            int lane = Math.floorMod(partitionKey.hashCode(), open.length);
            if (!open[lane].accepts(partitionKey, size)) {
                send(lane);
            }
            open[lane].add(entry, size, System.nanoTime());
            if (open[lane].isFull()) {
                send(lane);
            }
        }
    }

    /** Sends everything buffered and returns once all of it is written; throws if any record was not. */
    public void flush() throws Exception {
        rethrowFailure();
        synchronized (this) {
            for (int lane = 0; lane < open.length; lane++) {
                if (!open[lane].isEmpty()) {
                    send(lane);
                }
            }
            for (int lane = 0; lane < inFlight.length; lane++) {
                awaitInFlight(lane);
            }
        }
        rethrowFailure();
    }

    @Override
    public void close() throws Exception {
        try {
            flush();
        } finally {
            lingerTimer.shutdownNow();
            senders.shutdownNow();
            senders.awaitTermination(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
            client.close();
        }
    }

    /** Waits for the lane's previous batch, so a key's batches are written one after the other. */
    private void send(int lane) throws InterruptedException {
        awaitInFlight(lane);
        inFlight[lane] = senders.submit(
                new PutRecordsSender(client, stream, open[lane].entries(), settings, this::recordFailure));
        open[lane] = new PutRecordsBatch();
    }

    private void awaitInFlight(int lane) throws InterruptedException {
        Future<?> previous = inFlight[lane];
        if (previous == null) {
            return;
        }
        try {
            previous.get();
        } catch (ExecutionException e) {
            // PutRecordsSender reports its failures itself; anything else escaping it is a bug worth surfacing.
            recordFailure(new KinesisPublishException(
                    "Sending to Kinesis stream " + stream + " failed unexpectedly", e.getCause()));
        }
        inFlight[lane] = null;
    }

    private synchronized void sendLingeringBatches() throws InterruptedException {
        long now = System.nanoTime();
        for (int lane = 0; lane < open.length; lane++) {
            boolean idle = inFlight[lane] == null || inFlight[lane].isDone();
            if (idle && open[lane].ageNanos(now) >= settings.linger().toNanos()) {
                send(lane);
            }
        }
    }

    private void recordFailure(KinesisPublishException e) {
        failure.compareAndSet(null, e);
    }

    private void rethrowFailure() throws KinesisPublishException {
        KinesisPublishException e = failure.get();
        if (e != null) {
            throw new KinesisPublishException(
                    "Publishing to Kinesis stream " + stream + " failed: " + e.getMessage(), e);
        }
    }

    private static String requireRegion(String region) {
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("An AWS region is required to publish to Kinesis, e.g. eu-west-1");
        }
        return region;
    }

    private static int recordSize(String partitionKey, byte[] event) {
        if (partitionKey == null || partitionKey.isEmpty() || partitionKey.length() > MAX_PARTITION_KEY_LENGTH) {
            throw new IllegalArgumentException("Kinesis partition keys have 1 to " + MAX_PARTITION_KEY_LENGTH
                    + " characters, got " + (partitionKey == null ? "null" : "'" + partitionKey + "'"));
        }
        if (event == null) {
            throw new IllegalArgumentException("Event for partition key " + partitionKey + " is null");
        }
        int size = event.length + partitionKey.getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_RECORD_BYTES) {
            throw new IllegalArgumentException("Event for partition key " + partitionKey + " is " + size
                    + " bytes with its key; Kinesis accepts at most " + MAX_RECORD_BYTES);
        }
        return size;
    }

    /** Sends batches that waited longer than the linger time; a failure here surfaces on the next publish or flush. */
    private final class LingerTask implements Runnable {
        @Override
        public void run() {
            try {
                sendLingeringBatches();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                recordFailure(new KinesisPublishException(
                        "Sending a lingering batch to Kinesis stream " + stream + " failed", e));
            }
        }
    }
}
