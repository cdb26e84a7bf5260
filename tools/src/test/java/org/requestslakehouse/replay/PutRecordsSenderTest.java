package org.requestslakehouse.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;

class PutRecordsSenderTest {

    private static final KinesisPublisherSettings FAST_RETRIES = new KinesisPublisherSettings(
            1, 3, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofHours(1), Duration.ofSeconds(5));

    private final List<PutRecordsRequestEntry> batch = List.of(entry("a"), entry("b"), entry("c"), entry("d"));
    private final AtomicReference<KinesisPublishException> failure = new AtomicReference<>();

    @Test
    void retriesOnlyTheRecordsThatFailed() {
        ScriptedKinesisClient client = new ScriptedKinesisClient((call, entries) -> call == 1
                ? ScriptedKinesisClient.answer(
                        entries,
                        e -> Set.of("b", "d").contains(e.partitionKey()),
                        "ProvisionedThroughputExceededException")
                : ScriptedKinesisClient.answer(entries, e -> false, null));

        send(client);

        assertThat(failure.get()).isNull();
        assertThat(client.calls())
                .extracting(PutRecordsSenderTest::keys)
                .containsExactly(List.of("a", "b", "c", "d"), List.of("b", "d"));
        assertThat(keys(client.written())).containsExactly("a", "c", "b", "d");
    }

    @Test
    void reportsTheRecordsStillFailingAfterTheLastAttempt() {
        ScriptedKinesisClient client = new ScriptedKinesisClient((call, entries) ->
                ScriptedKinesisClient.answer(entries, e -> e.partitionKey().equals("c"), "InternalFailure"));

        send(client);

        assertThat(client.calls())
                .extracting(PutRecordsSenderTest::keys)
                .containsExactly(List.of("a", "b", "c", "d"), List.of("c"), List.of("c"));
        assertThat(failure.get())
                .hasMessage("1 of 4 records could not be written to Kinesis stream requests in 3 attempts; "
                        + "last error: {InternalFailure=1}");
    }

    @Test
    void aThrottledCallIsRepeatedWhole() {
        ScriptedKinesisClient client = new ScriptedKinesisClient((call, entries) -> {
            if (call == 1) {
                throw serviceError(
                        ProvisionedThroughputExceededException.builder(),
                        "ProvisionedThroughputExceededException",
                        400);
            }
            return ScriptedKinesisClient.answer(entries, e -> false, null);
        });

        send(client);

        assertThat(failure.get()).isNull();
        assertThat(client.calls())
                .extracting(PutRecordsSenderTest::keys)
                .containsExactly(List.of("a", "b", "c", "d"), List.of("a", "b", "c", "d"));
    }

    @Test
    void aClientSideErrorIsRetriedUntilTheAttemptsRunOut() {
        ScriptedKinesisClient client = new ScriptedKinesisClient((call, entries) -> {
            throw SdkClientException.create("Unable to execute HTTP request: Connection refused");
        });

        send(client);

        assertThat(client.calls()).hasSize(3);
        assertThat(failure.get())
                .hasMessage("4 of 4 records could not be written to Kinesis stream requests in 3 attempts; "
                        + "last error: Unable to execute HTTP request: Connection refused")
                .hasCauseInstanceOf(SdkClientException.class);
    }

    @Test
    void aMissingStreamFailsAtOnce() {
        ScriptedKinesisClient client = new ScriptedKinesisClient((call, entries) -> {
            throw serviceError(ResourceNotFoundException.builder(), "ResourceNotFoundException", 400);
        });

        send(client);

        assertThat(client.calls()).hasSize(1);
        assertThat(failure.get())
                .hasMessage(
                        "Kinesis rejected PutRecords to stream requests (ResourceNotFoundException); 4 records not written")
                .hasCauseInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void anAnswerThatDoesNotMatchTheRecordsCountsAsFailure() {
        ScriptedKinesisClient client = new ScriptedKinesisClient(
                (call, entries) -> ScriptedKinesisClient.answer(entries.subList(0, 3), e -> false, null));

        send(client);

        assertThat(client.calls()).hasSize(1);
        assertThat(failure.get()).hasMessage("PutRecords to stream requests answered 3 results for 4 records");
    }

    private void send(ScriptedKinesisClient client) {
        new PutRecordsSender(client, "requests", batch, FAST_RETRIES, failure::set).run();
    }

    private static RuntimeException serviceError(
            software.amazon.awssdk.services.kinesis.model.KinesisException.Builder builder, String code, int status) {
        return builder.awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage("scripted")
                        .build())
                .statusCode(status)
                .build();
    }

    private static PutRecordsRequestEntry entry(String key) {
        return PutRecordsRequestEntry.builder()
                .partitionKey(key)
                .data(SdkBytes.fromString("{" + key + "}", StandardCharsets.UTF_8))
                .build();
    }

    private static List<String> keys(List<PutRecordsRequestEntry> entries) {
        return entries.stream().map(PutRecordsRequestEntry::partitionKey).toList();
    }
}
