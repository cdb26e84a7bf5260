package org.requestslakehouse.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.requestslakehouse.config.KinesisConfig;
import org.requestslakehouse.config.PropertyGroup;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.replay.KinesisEventPublisher;
import org.requestslakehouse.testing.CollectingSink;
import org.requestslakehouse.testing.KinesaliteExtension;
import org.requestslakehouse.testing.KinesisTestRecord;

class KinesisEventSourceIT {

    @RegisterExtension
    static final KinesaliteExtension KINESIS = new KinesaliteExtension();

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    /** Not UTF-8: a lone continuation byte, an overlong encoding and 0xFF must reach bronze unchanged. */
    private static final byte[] NOT_UTF8 = {(byte) 0x80, '{', (byte) 0xC0, (byte) 0xAF, '}', (byte) 0xFF};

    @Test
    void readsEveryRecordOfATwoShardStreamWithExactBytesAndCoordinates() throws Exception {
        String stream = "source-two-shards";
        KINESIS.createStream(stream, 2);
        try (KinesisEventPublisher publisher = new KinesisEventPublisher(stream, KINESIS.region(), KINESIS.endpoint())) {
            for (int i = 0; i < 499; i++) {
                publisher.publish("case-" + (i % 50), ("{\"case_enquiry_id\":" + i + "}").getBytes(StandardCharsets.UTF_8));
            }
            publisher.publish("case-not-utf8", NOT_UTF8);
        }
        List<KinesisTestRecord> stored = KINESIS.readAll(stream);
        assertThat(stored).hasSize(500);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        CollectingSink<RawEvent> sink = new CollectingSink<>();
        KinesisConfig config = KinesisConfig.from(new PropertyGroup(KinesisConfig.GROUP, Map.of(
                "stream", stream, "region", KINESIS.region(), "endpoint", KINESIS.endpoint())));
        new KinesisEventSource(config).create(env).sinkTo(sink).name("collect").uid("collect");

        long startedMillis = System.currentTimeMillis();
        JobClient job = env.executeAsync("kinesis-source-test");
        try {
            await("500 records read").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> readAtLeast(job, sink, 500));
        } finally {
            job.cancel().get();
        }

        List<RawEvent> read = sink.collected().stream()
                .sorted(Comparator.comparing((RawEvent e) -> e.sourcePartition).thenComparing(e -> e.sourcePosition.length())
                        .thenComparing(e -> e.sourcePosition))
                .toList();
        assertThat(read).hasSize(500);
        for (int i = 0; i < stored.size(); i++) {
            KinesisTestRecord expected = stored.get(i);
            RawEvent actual = read.get(i);
            assertThat(actual.sourceType).isEqualTo("kinesis");
            assertThat(actual.sourceName).isEqualTo(stream);
            assertThat(actual.sourcePartition).isEqualTo(expected.shardId());
            assertThat(actual.sourcePosition).isEqualTo(expected.sequenceNumber());
            assertThat(actual.sourceTimestampMillis).isEqualTo(expected.approximateArrivalMillis());
            assertThat(actual.payload).isEqualTo(expected.data());
            assertThat(actual.ingestedAtMillis).isBetween(startedMillis, System.currentTimeMillis());
        }
        assertThat(read).filteredOn(e -> e.payload.length == NOT_UTF8.length && e.payload[0] == (byte) 0x80)
                .singleElement().satisfies(e -> assertThat(e.payload).containsExactly(NOT_UTF8));
        sink.clear();
    }

    /** Fails at once with the job's own error instead of waiting out the timeout when the job died. */
    private static boolean readAtLeast(JobClient job, CollectingSink<RawEvent> sink, int count) throws Exception {
        if (job.getJobStatus().get().isGloballyTerminalState()) {
            job.getJobExecutionResult().get();
            throw new AssertionError("The unbounded job finished after reading " + sink.collected().size() + " records");
        }
        return sink.collected().size() >= count;
    }
}
