package org.requestslakehouse.config;

import static org.requestslakehouse.config.KinesisSettings.*;

import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Group {@link KinesisSettings}: the Kinesis Data Streams source. Read positions live in Flink checkpoints (per shard
 * sequence numbers), so the initial position only matters for a start without a checkpoint.
 *
 * <p>Credentials are never configured here: the consumer, the start-up check and the replay publisher all use
 * the AWS default credentials provider chain (environment variables, Java system properties, web identity,
 * the shared profile files, container and instance roles). On Managed Service for Apache Flink that is the
 * application's IAM role. Consumer properties that would set credentials are rejected.
 *
 * @param stream             stream name; derived from {@code kinesis.stream} when that is an ARN
 * @param streamArn          the ARN when {@code kinesis.stream} was given as one, else null
 * @param region             AWS region, e.g. {@code eu-west-1}; null only when Kinesis is not the job's source
 * @param endpoint           endpoint override (a Kinesis-compatible server, a VPC endpoint), or null for AWS's
 * @param initialTimestamp   epoch millis, only with initialPosition=AT_TIMESTAMP
 * @param efoConsumerName    enhanced fan-out consumer name, only with efo=true
 * @param consumerProperties any other FlinkKinesisConsumer property, from keys {@code kinesis.property.*}
 */
public record KinesisConfig(
        String stream,
        String streamArn,
        String region,
        String endpoint,
        InitialPosition initialPosition,
        Long initialTimestamp,
        boolean efo,
        String efoConsumerName,
        Map<String, String> consumerProperties)
        implements Serializable {

    /** Where a start without a checkpoint begins; names match the connector's initial positions. */
    public enum InitialPosition {
        TRIM_HORIZON,
        LATEST,
        AT_TIMESTAMP
    }

    /** Kinesis's own limits for stream and consumer names. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.-]{1,128}");

    private static final Pattern STREAM_ARN =
            Pattern.compile("arn:aws[a-z-]*:kinesis:([a-z0-9-]+):(\\d{12}):stream/(.+)");

    /**
     * Consumer property keys (and prefixes) that typed settings own. Passing them through {@code kinesis.property.*}
     * would silently override those settings, or put credentials into the configuration.
     */
    private static final Map<String, String> RESERVED_PROPERTIES = Map.of(
            "aws.region", REGION.qualified(),
            "aws.endpoint", ENDPOINT.qualified(),
            "aws.credentials.provider", "the AWS default credentials provider chain (credentials are never configured)",
            "flink.stream.initpos", INITIAL_POSITION.qualified() + " and " + INITIAL_TIMESTAMP.qualified(),
            "flink.stream.recordpublisher", EFO.qualified(),
            "flink.stream.efo.consumername", EFO_CONSUMER_NAME.qualified());

    /** The group as the job's source: stream and region must be set. */
    public static KinesisConfig from(PropertyGroup g) {
        return from(g, true);
    }

    /**
     * @param required true when source.type=kinesis; otherwise the region may be absent (the settings still
     *                 have to be well-formed, so a typo fails at start-up whatever the source)
     */
    public static KinesisConfig from(PropertyGroup g, boolean required) {
        String streamSetting = g.string(STREAM);
        String stream = streamSetting;
        String arn = null;
        String arnRegion = null;
        if (streamSetting.startsWith("arn:")) {
            Matcher m = STREAM_ARN.matcher(streamSetting);
            if (!m.matches() || !NAME.matcher(m.group(3)).matches()) {
                throw ConfigException.invalid(
                        STREAM.qualified(),
                        streamSetting,
                        "a stream name or an ARN like arn:aws:kinesis:eu-west-1:123456789012:stream/service-requests");
            }
            arn = streamSetting;
            arnRegion = m.group(1);
            stream = m.group(3);
        } else if (!NAME.matcher(streamSetting).matches()) {
            throw ConfigException.invalid(
                    STREAM.qualified(),
                    streamSetting,
                    "a stream name of 1 to 128 letters, digits, '_', '.' or '-', or a stream ARN");
        }

        String region = g.string(REGION);
        if (region == null && required) {
            throw ConfigException.missing(
                    REGION.qualified(),
                    "an AWS region such as eu-west-1 when " + SourceSettings.TYPE.is(SourceConfig.SourceType.KINESIS));
        }
        if (region != null) {
            SettingForms.requireAwsRegion(REGION.qualified(), region);
        }
        if (arnRegion != null && region != null && !arnRegion.equals(region)) {
            throw ConfigException.invalid(
                    REGION.qualified(),
                    region,
                    "the region of the stream ARN in " + STREAM.qualified() + " (" + arnRegion + ")");
        }

        String endpoint = g.string(ENDPOINT);
        if (endpoint != null) {
            SettingForms.requireHttpUrl(ENDPOINT.qualified(), endpoint, "http://localhost:4567");
        }

        InitialPosition position = g.enumValue(INITIAL_POSITION);
        String timestampSetting = g.string(INITIAL_TIMESTAMP);
        Long timestamp =
                timestampSetting == null ? null : parseTimestamp(INITIAL_TIMESTAMP.qualified(), timestampSetting);
        if (position == InitialPosition.AT_TIMESTAMP && timestamp == null) {
            throw ConfigException.missing(
                    INITIAL_TIMESTAMP.qualified(),
                    "epoch milliseconds or an ISO-8601 instant when " + INITIAL_POSITION.is(position));
        }
        if (position != InitialPosition.AT_TIMESTAMP && timestamp != null) {
            throw ConfigException.invalid(
                    INITIAL_POSITION.qualified(),
                    Setting.text(position),
                    Setting.text(InitialPosition.AT_TIMESTAMP) + " when " + INITIAL_TIMESTAMP.qualified() + " is set");
        }

        boolean efo = g.bool(EFO);
        String consumerName = g.string(EFO_CONSUMER_NAME);
        if (efo && consumerName == null) {
            throw ConfigException.missing(
                    EFO_CONSUMER_NAME.qualified(), "an enhanced fan-out consumer name when " + EFO.is(true));
        }
        if (!efo && consumerName != null) {
            throw ConfigException.invalid(
                    EFO.qualified(), "false", "true when " + EFO_CONSUMER_NAME.qualified() + " is set");
        }
        if (consumerName != null && !NAME.matcher(consumerName).matches()) {
            throw ConfigException.invalid(
                    EFO_CONSUMER_NAME.qualified(), consumerName, "1 to 128 letters, digits, '_', '.' or '-'");
        }

        Map<String, String> properties = Map.copyOf(g.withPrefix(PROPERTIES));
        for (String key : properties.keySet()) {
            for (Map.Entry<String, String> reserved : RESERVED_PROPERTIES.entrySet()) {
                if (key.startsWith(reserved.getKey())) {
                    throw new ConfigException("Setting " + PROPERTIES.qualified() + key
                            + " is not allowed: it is controlled by " + reserved.getValue());
                }
            }
        }
        return new KinesisConfig(stream, arn, region, endpoint, position, timestamp, efo, consumerName, properties);
    }

    private static long parseTimestamp(String key, String value) {
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw ConfigException.invalid(
                        key, value, "epoch milliseconds or an ISO-8601 instant such as 2024-05-01T00:00:00Z");
            }
        }
        try {
            return Instant.parse(value).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw ConfigException.invalid(
                    key, value, "epoch milliseconds or an ISO-8601 instant such as 2024-05-01T00:00:00Z");
        }
    }
}
