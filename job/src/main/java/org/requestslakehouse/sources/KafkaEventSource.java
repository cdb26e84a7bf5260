package org.requestslakehouse.sources;

import java.time.Duration;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.KafkaSourceOptions;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.requestslakehouse.config.ConfigException;
import org.requestslakehouse.config.KafkaConfig;
import org.requestslakehouse.config.KafkaSettings;
import org.requestslakehouse.model.RawEvent;

/**
 * Kafka through the FLIP-27 {@link KafkaSource}. Read positions live in Flink checkpoints, so a restart resumes
 * exactly where the last checkpoint was; offsets committed to the consumer group on checkpoints only let Kafka
 * tools show the lag.
 */
public final class KafkaEventSource implements EventSource {

    public static final String OPERATOR_NAME = "source-kafka";
    public static final String OPERATOR_UID = "source-kafka";

    /** How soon a new topic matching kafka.topic-pattern is read. */
    static final Duration PATTERN_DISCOVERY_INTERVAL = Duration.ofSeconds(60);

    private final KafkaConfig config;

    public KafkaEventSource(KafkaConfig config) {
        this.config = config;
    }

    @Override
    public void preflight(Duration timeout) {
        KafkaPreflight.check(config, timeout);
    }

    @Override
    public DataStream<RawEvent> create(StreamExecutionEnvironment env) {
        return env.fromSource(
                        build(config, env.getCheckpointConfig().isCheckpointingEnabled()),
                        WatermarkStrategy.noWatermarks(),
                        OPERATOR_NAME)
                .uid(OPERATOR_UID);
    }

    /** {@link #build(KafkaConfig, boolean)} for a job without checkpoints. */
    public static FinishingKafkaSource<RawEvent> build(KafkaConfig config) {
        return build(config, false);
    }

    /**
     * The source alone, for wiring it differently (tests, other pipelines). Reads secrets from the environment.
     * Wrapped so that a bounded read ends after a restore too, and in a checkpointed job ends only once its
     * positions are checkpointed (see {@link FinishingKafkaSource}).
     */
    public static FinishingKafkaSource<RawEvent> build(KafkaConfig config, boolean checkpointed) {
        Properties client = KafkaClientProperties.consumer(config);
        KafkaSourceBuilder<RawEvent> builder = KafkaSource.<RawEvent>builder()
                .setBootstrapServers(config.bootstrapServers())
                .setGroupId(config.groupId())
                .setStartingOffsets(startingOffsets(config))
                .setDeserializer(new RawEventKafkaDeserializer())
                .setProperty(KafkaSourceOptions.COMMIT_OFFSETS_ON_CHECKPOINT.key(), "true");
        if (config.topicPattern() != null) {
            builder.setTopicPattern(topicPattern(config.topicPattern()));
            if (!config.bounded()) {
                // A bounded read fixes its partitions at start, so discovery only matters for unbounded reads.
                builder.setProperty(
                        KafkaSourceOptions.PARTITION_DISCOVERY_INTERVAL_MS.key(),
                        String.valueOf(PATTERN_DISCOVERY_INTERVAL.toMillis()));
            }
        } else {
            builder.setTopics(config.topics());
        }
        // After the defaults above, so kafka.property.* may tune them (e.g. partition.discovery.interval.ms).
        builder.setProperties(client);
        if (config.bounded()) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return new FinishingKafkaSource<>(builder.build(), checkpointed);
    }

    private static Pattern topicPattern(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw ConfigException.invalid(
                    KafkaSettings.TOPIC_PATTERN.qualified(),
                    regex,
                    "a Java regular expression (" + e.getDescription() + ")");
        }
    }

    static OffsetsInitializer startingOffsets(KafkaConfig config) {
        return switch (config.startingOffsets()) {
            case EARLIEST -> OffsetsInitializer.earliest();
            case LATEST -> OffsetsInitializer.latest();
            case TIMESTAMP -> OffsetsInitializer.timestamp(config.startingTimestamp());
            // A group that never committed (first run) starts from the beginning rather than failing.
            case COMMITTED -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
        };
    }
}
