package org.requestslakehouse.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.requestslakehouse.config.KinesisConfig;
import org.requestslakehouse.config.KinesisSettings;
import org.requestslakehouse.config.PropertyGroup;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.replay.KinesisEventPublisher;
import org.requestslakehouse.testing.CollectingSink;
import org.requestslakehouse.testing.KinesaliteExtension;
import org.requestslakehouse.testing.KinesisTestRecord;
import org.requestslakehouse.testing.TestJobs;

class KinesisEventSourceIT {

    @RegisterExtension
    static final KinesaliteExtension KINESIS = new KinesaliteExtension();

    @RegisterExtension
    static final MiniClusterExtension FLINK = TestJobs.miniCluster();

    /** Not UTF-8: a lone continuation byte, an overlong encoding and 0xFF must reach bronze unchanged. */
    private static final byte[] NOT_UTF8 = {(byte) 0x80, '{', (byte) 0xC0, (byte) 0xAF, '}', (byte) 0xFF};

    @Test
    void readsEveryRecordOfATwoShardStreamWithExactBytesAndCoordinates() throws Exception {
        String stream = "source-two-shards";
        KINESIS.createStream(stream, 2);
        try (KinesisEventPublisher publisher = publisher(stream)) {
            for (int i = 0; i < 499; i++) {
                publisher.publish("case-" + (i % 50), json(i));
            }
            publisher.publish("case-not-utf8", NOT_UTF8);
        }
        List<KinesisTestRecord> stored = KINESIS.readAll(stream);
        assertThat(stored).hasSize(500);
        assertThat(stored)
                .extracting(KinesisTestRecord::shardId)
                .containsOnly("shardId-000000000000", "shardId-000000000001");

        long startedMillis = System.currentTimeMillis();
        List<RawEvent> read = readUntil(config(stream, Map.of()), 500);

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
        assertThat(read)
                .filteredOn(e -> e.payload[0] == (byte) 0x80)
                .singleElement()
                .satisfies(e -> assertThat(e.payload).containsExactly(NOT_UTF8));
    }

    /** Runs the unbounded source until {@code count} records arrived, then cancels it; sorted by shard and sequence. */
    private static List<RawEvent> readUntil(KinesisConfig config, int count) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        CollectingSink<RawEvent> sink = new CollectingSink<>();
        new KinesisEventSource(config).create(env).sinkTo(sink).name("collect").uid("collect");
        JobClient job = env.executeAsync("kinesis-source-test");
        try {
            await(count + " records read")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> readAtLeast(job, sink, count));
        } finally {
            TestJobs.cancelAndAwait(job);
        }
        try {
            // Sequence numbers are decimal strings of varying length: compare them as numbers.
            return sink.collected().stream()
                    .sorted(Comparator.comparing((RawEvent e) -> e.sourcePartition)
                            .thenComparing(e -> new BigInteger(e.sourcePosition)))
                    .toList();
        } finally {
            sink.clear();
        }
    }

    /** Fails at once with the job's own error instead of waiting out the timeout when the job died. */
    private static boolean readAtLeast(JobClient job, CollectingSink<RawEvent> sink, int count) throws Exception {
        if (job.getJobStatus().get().isGloballyTerminalState()) {
            job.getJobExecutionResult().get();
            throw new AssertionError("The unbounded job finished after reading "
                    + sink.collected().size() + " records");
        }
        return sink.collected().size() >= count;
    }

    private static KinesisEventPublisher publisher(String stream) {
        return new KinesisEventPublisher(stream, KINESIS.region(), KINESIS.endpoint());
    }

    private static KinesisConfig config(String stream, Map<String, String> settings) {
        Map<String, String> values = new HashMap<>(settings);
        values.put("stream", stream);
        values.put("region", KINESIS.region());
        values.put("endpoint", KINESIS.endpoint());
        return KinesisConfig.from(new PropertyGroup(KinesisSettings.GROUP, values));
    }

    private static byte[] json(int i) {
        return ("{\"case_enquiry_id\":" + (101004113298L + i) + "}").getBytes(StandardCharsets.UTF_8);
    }
}
