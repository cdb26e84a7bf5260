package org.requestslakehouse.sources;

import java.time.Duration;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.connectors.kinesis.FlinkKinesisConsumer;
import org.requestslakehouse.config.KinesisConfig;
import org.requestslakehouse.model.RawEvent;

/**
 * Kinesis Data Streams through the connector's {@link FlinkKinesisConsumer}. Per-shard sequence numbers live in
 * Flink checkpoints, so a restart resumes exactly where the last checkpoint was; resharding is followed by the
 * consumer's shard discovery. The connector's FLIP-27 {@code KinesisStreamsSource} is not used because it lists
 * shards by stream ARN, which Kinesis-compatible servers used for local runs and tests (kinesalite) reject.
 */
public final class KinesisEventSource implements EventSource {

    public static final String OPERATOR_NAME = "source-kinesis";
    public static final String OPERATOR_UID = "source-kinesis";

    private final KinesisConfig config;

    public KinesisEventSource(KinesisConfig config) {
        this.config = config;
    }

    /** A clear error on a wrong stream, region or endpoint, instead of a consumer failing on the task managers. */
    @Override
    public void preflight(Duration timeout) {
        KinesisPreflight.check(config, timeout);
    }

    @Override
    @SuppressWarnings("deprecation") // SourceFunction API: FlinkKinesisConsumer is one; see the class comment.
    public DataStream<RawEvent> create(StreamExecutionEnvironment env) {
        return env.addSource(build(config), OPERATOR_NAME, TypeInformation.of(RawEvent.class))
                .uid(OPERATOR_UID);
    }

    /** The source function alone, for wiring it differently (tests, other pipelines). */
    public static FlinkKinesisConsumer<RawEvent> build(KinesisConfig config) {
        return new FlinkKinesisConsumer<>(
                config.stream(), new RawEventKinesisDeserializer(), KinesisConsumerProperties.of(config));
    }
}
