package org.requestslakehouse.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * Writes one batch with PutRecords. PutRecords succeeds or fails per record (throttled shards, internal errors),
 * so after a partial failure only the failed records are sent again, with backoff, up to a bounded number of
 * attempts. A batch that still has failed records then, or that the service rejects outright, is reported to
 * {@code onFailure}: the publisher never treats such records as written.
 */
final class PutRecordsSender implements Runnable {

    private final KinesisClient client;
    private final String stream;
    private final List<PutRecordsRequestEntry> batch;
    private final KinesisPublisherSettings settings;
    private final Consumer<KinesisPublishException> onFailure;

    PutRecordsSender(
            KinesisClient client,
            String stream,
            List<PutRecordsRequestEntry> batch,
            KinesisPublisherSettings settings,
            Consumer<KinesisPublishException> onFailure) {
        this.client = client;
        this.stream = stream;
        this.batch = batch;
        this.settings = settings;
        this.onFailure = onFailure;
    }

    @Override
    public void run() {
        try {
            send();
        } catch (KinesisPublishException e) {
            onFailure.accept(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            onFailure.accept(new KinesisPublishException(
                    "Interrupted while writing " + batch.size() + " records to Kinesis stream " + stream
                            + "; they may not have been written",
                    e));
        }
    }

    private void send() throws KinesisPublishException, InterruptedException {
        List<PutRecordsRequestEntry> pending = batch;
        String lastProblem;
        SdkException lastException = null;
        for (int attempt = 1; ; attempt++) {
            try {
                List<PutRecordsRequestEntry> request = pending;
                PutRecordsResponse response =
                        client.putRecords(r -> r.streamName(stream).records(request));
                List<PutRecordsRequestEntry> failed = failedEntries(request, response);
                if (failed.isEmpty()) {
                    return;
                }
                lastProblem = describeErrors(response);
                lastException = null;
                pending = failed;
            } catch (AwsServiceException e) {
                if (!isRetryable(e)) {
                    throw new KinesisPublishException(
                            "Kinesis rejected PutRecords to stream " + stream + " ("
                                    + e.awsErrorDetails().errorCode() + "); " + pending.size() + " records not written",
                            e);
                }
                lastProblem = e.awsErrorDetails().errorCode();
                lastException = e;
            } catch (SdkClientException e) {
                // The SDK already retried the call; keep trying within this batch's own attempt budget.
                lastProblem = e.getMessage();
                lastException = e;
            }
            if (attempt == settings.maxAttempts()) {
                throw new KinesisPublishException(
                        pending.size() + " of " + batch.size() + " records could not be written to Kinesis stream "
                                + stream + " in " + attempt + " attempts; last error: " + lastProblem,
                        lastException);
            }
            Thread.sleep(
                    settings.backoffMillis(attempt, ThreadLocalRandom.current().nextDouble()));
        }
    }

    private List<PutRecordsRequestEntry> failedEntries(
            List<PutRecordsRequestEntry> request, PutRecordsResponse response) throws KinesisPublishException {
        List<PutRecordsResultEntry> results = response.records();
        if (results.size() != request.size()) {
            // Results are matched to records by position; any other shape makes success unknowable.
            throw new KinesisPublishException(
                    "PutRecords to stream " + stream + " answered " + results.size() + " results for " + request.size()
                            + " records",
                    null);
        }
        List<PutRecordsRequestEntry> failed = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).errorCode() != null) {
                failed.add(request.get(i));
            }
        }
        return failed;
    }

    private static String describeErrors(PutRecordsResponse response) {
        Map<String, Integer> counts = new TreeMap<>();
        for (PutRecordsResultEntry result : response.records()) {
            if (result.errorCode() != null) {
                counts.merge(result.errorCode(), 1, Integer::sum);
            }
        }
        return counts.toString();
    }

    /** Throttling and server-side errors pass; a missing stream or denied access will not fix itself. */
    private static boolean isRetryable(AwsServiceException e) {
        return e.isThrottlingException() || e.retryable() || e.statusCode() >= 500;
    }
}
