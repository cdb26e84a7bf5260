package org.requestslakehouse.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * A KinesisClient whose PutRecords answers come from a script, for failures kinesalite cannot produce (throttled
 * records, internal errors). Remembers every call and every record it reported as written, in order.
 */
final class ScriptedKinesisClient implements KinesisClient {

    /** Decides the answer to one PutRecords call; may throw to fail the whole call. */
    interface Script {
        PutRecordsResponse answer(int call, List<PutRecordsRequestEntry> entries);
    }

    private final Script script;
    private final List<List<PutRecordsRequestEntry>> calls = new ArrayList<>();
    private final List<PutRecordsRequestEntry> written = new ArrayList<>();
    private boolean closed;

    ScriptedKinesisClient(Script script) {
        this.script = script;
    }

    /** Every record written at once. */
    static ScriptedKinesisClient accepting() {
        return new ScriptedKinesisClient((call, entries) -> answer(entries, e -> false, null));
    }

    /** The response Kinesis gives when the entries matching {@code fails} were rejected with {@code errorCode}. */
    static PutRecordsResponse answer(
            List<PutRecordsRequestEntry> entries, Predicate<PutRecordsRequestEntry> fails, String errorCode) {
        List<PutRecordsResultEntry> results = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < entries.size(); i++) {
            if (fails.test(entries.get(i))) {
                failed++;
                results.add(PutRecordsResultEntry.builder()
                        .errorCode(errorCode)
                        .errorMessage("scripted")
                        .build());
            } else {
                results.add(PutRecordsResultEntry.builder()
                        .shardId("shardId-000000000000")
                        .sequenceNumber(String.valueOf(i))
                        .build());
            }
        }
        return PutRecordsResponse.builder()
                .records(results)
                .failedRecordCount(failed)
                .build();
    }

    @Override
    public synchronized PutRecordsResponse putRecords(PutRecordsRequest request) {
        calls.add(List.copyOf(request.records()));
        PutRecordsResponse response = script.answer(calls.size(), request.records());
        for (int i = 0; i < response.records().size() && i < request.records().size(); i++) {
            if (response.records().get(i).errorCode() == null) {
                written.add(request.records().get(i));
            }
        }
        return response;
    }

    synchronized List<List<PutRecordsRequestEntry>> calls() {
        return List.copyOf(calls);
    }

    synchronized List<PutRecordsRequestEntry> written() {
        return List.copyOf(written);
    }

    synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public String serviceName() {
        return "kinesis";
    }

    @Override
    public synchronized void close() {
        closed = true;
    }
}
