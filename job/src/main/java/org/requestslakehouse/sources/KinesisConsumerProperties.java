package org.requestslakehouse.sources;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import org.apache.flink.streaming.connectors.kinesis.config.AWSConfigConstants;
import org.apache.flink.streaming.connectors.kinesis.config.ConsumerConfigConstants;
import org.apache.flink.streaming.connectors.kinesis.config.ConsumerConfigConstants.RecordPublisherType;
import org.requestslakehouse.config.ConfigException;
import org.requestslakehouse.config.KinesisConfig;
import org.requestslakehouse.config.KinesisSettings;
import org.requestslakehouse.config.SourceConfig.SourceType;
import org.requestslakehouse.config.SourceSettings;

/** Translates {@link KinesisConfig} into the properties {@code FlinkKinesisConsumer} reads. */
public final class KinesisConsumerProperties {

    /**
     * The connector parses the initial timestamp with a SimpleDateFormat pattern (falling back to epoch seconds as a
     * double, which loses milliseconds); an explicit pattern with millisecond precision keeps the instant exact.
     */
    static final String TIMESTAMP_PATTERN = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";

    private static final DateTimeFormatter TIMESTAMP_FORMAT =
            DateTimeFormatter.ofPattern(TIMESTAMP_PATTERN).withZone(ZoneOffset.UTC);

    private KinesisConsumerProperties() {}

    public static Properties of(KinesisConfig config) {
        if (config.region() == null) {
            throw ConfigException.missing(
                    KinesisSettings.REGION.qualified(),
                    "an AWS region such as eu-west-1 when " + SourceSettings.TYPE.is(SourceType.KINESIS));
        }
        Properties p = new Properties();
        // KinesisConfig rejects pass-through keys that collide with the typed settings below, so order is irrelevant.
        p.putAll(config.consumerProperties());
        p.setProperty(AWSConfigConstants.AWS_REGION, config.region());
        if (config.endpoint() != null) {
            p.setProperty(AWSConfigConstants.AWS_ENDPOINT, config.endpoint());
        }
        // AUTO is the SDK's default provider chain: credentials never come from the job configuration.
        p.setProperty(AWSConfigConstants.AWS_CREDENTIALS_PROVIDER, AWSConfigConstants.CredentialProvider.AUTO.name());
        p.setProperty(
                ConsumerConfigConstants.STREAM_INITIAL_POSITION,
                config.initialPosition().name());
        if (config.initialTimestamp() != null) {
            p.setProperty(ConsumerConfigConstants.STREAM_TIMESTAMP_DATE_FORMAT, TIMESTAMP_PATTERN);
            p.setProperty(
                    ConsumerConfigConstants.STREAM_INITIAL_TIMESTAMP,
                    TIMESTAMP_FORMAT.format(Instant.ofEpochMilli(config.initialTimestamp())));
        }
        if (config.efo()) {
            p.setProperty(ConsumerConfigConstants.RECORD_PUBLISHER_TYPE, RecordPublisherType.EFO.name());
            p.setProperty(ConsumerConfigConstants.EFO_CONSUMER_NAME, config.efoConsumerName());
        } else {
            p.setProperty(ConsumerConfigConstants.RECORD_PUBLISHER_TYPE, RecordPublisherType.POLLING.name());
        }
        return p;
    }
}
