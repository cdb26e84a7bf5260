package org.requestslakehouse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.requestslakehouse.config.KinesisConfig.InitialPosition;

class KinesisConfigTest {

    @Test
    void minimalSourceConfigurationUsesDocumentedDefaults() {
        KinesisConfig config = KinesisConfig.from(group(Map.of("stream", "requests", "region", "eu-west-1")));

        assertThat(config)
                .isEqualTo(new KinesisConfig(
                        "requests",
                        null,
                        "eu-west-1",
                        null,
                        InitialPosition.TRIM_HORIZON,
                        null,
                        false,
                        null,
                        Map.of()));
    }

    @Test
    void everySettingIsRead() {
        PropertyGroup g = group(Map.of(
                "stream", "requests",
                "region", "us-east-1",
                "endpoint", "http://localhost:4567",
                "initial-position", "at-timestamp",
                "initial-timestamp", "2024-05-01T12:30:00.250Z",
                "efo", "true",
                "efo.consumer-name", "lakehouse-bronze",
                "property.flink.shard.getrecords.maxrecordcount", "5000"));

        KinesisConfig config = KinesisConfig.from(g);

        assertThat(config)
                .isEqualTo(new KinesisConfig(
                        "requests",
                        null,
                        "us-east-1",
                        "http://localhost:4567",
                        InitialPosition.AT_TIMESTAMP,
                        1714566600250L,
                        true,
                        "lakehouse-bronze",
                        Map.of("flink.shard.getrecords.maxrecordcount", "5000")));
        assertThat(g.unknownKeys()).isEmpty();
    }

    @Test
    void initialTimestampMayBeEpochMillis() {
        KinesisConfig config = KinesisConfig.from(group(Map.of(
                "stream",
                "s",
                "region",
                "us-east-1",
                "initial-position",
                "AT_TIMESTAMP",
                "initial-timestamp",
                "1714566600250")));

        assertThat(config.initialTimestamp()).isEqualTo(1714566600250L);
    }

    @Test
    void aStreamArnGivesTheNameAndMustMatchTheRegion() {
        String arn = "arn:aws:kinesis:eu-central-1:123456789012:stream/service-requests";

        KinesisConfig config = KinesisConfig.from(group(Map.of("stream", arn, "region", "eu-central-1")));

        assertThat(config.stream()).isEqualTo("service-requests");
        assertThat(config.streamArn()).isEqualTo(arn);
        assertThat(config.region()).isEqualTo("eu-central-1");
        assertThatThrownBy(() -> KinesisConfig.from(group(Map.of("stream", arn, "region", "us-east-1"))))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "Invalid value 'us-east-1' for kinesis.region: expected the region of the stream ARN in kinesis.stream (eu-central-1)");
    }

    @Test
    void malformedStreamsNameTheKey() {
        assertThatThrownBy(() -> KinesisConfig.from(group(
                        Map.of("stream", "arn:aws:kinesis:eu-central-1:1234:stream/x", "region", "eu-central-1"))))
                .hasMessage(
                        "Invalid value 'arn:aws:kinesis:eu-central-1:1234:stream/x' for kinesis.stream: expected a stream name or an ARN "
                                + "like arn:aws:kinesis:eu-west-1:123456789012:stream/service-requests");
        assertThatThrownBy(() -> KinesisConfig.from(group(Map.of("stream", "has space", "region", "eu-central-1"))))
                .hasMessage(
                        "Invalid value 'has space' for kinesis.stream: expected a stream name of 1 to 128 letters, digits, '_', '.' or '-', or a stream ARN");
    }

    @Test
    void regionIsRequiredOnlyWhenKinesisIsTheSource() {
        assertThatThrownBy(() -> KinesisConfig.from(group(Map.of("stream", "requests"))))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "Missing required setting kinesis.region: expected an AWS region such as eu-west-1 when source.type=kinesis");

        KinesisConfig unused = KinesisConfig.from(group(Map.of()), false);

        assertThat(unused.region()).isNull();
        assertThat(unused.stream()).isEqualTo(KinesisSettings.DEFAULT_STREAM);
    }

    @Test
    void settingsAreValidatedEvenWhenKinesisIsNotTheSource() {
        assertThatThrownBy(() -> KinesisConfig.from(group(Map.of("region", "Europe")), false))
                .hasMessage("Invalid value 'Europe' for kinesis.region: expected an AWS region such as eu-west-1");
    }

    @Test
    void endpointMustBeAnHttpUrl() {
        assertThatThrownBy(() -> KinesisConfig.from(source(Map.of("endpoint", "localhost:4567"))))
                .hasMessage(
                        "Invalid value 'localhost:4567' for kinesis.endpoint: expected an http:// or https:// URL such as http://localhost:4567");
        assertThatThrownBy(() -> KinesisConfig.from(source(Map.of("endpoint", "http://"))))
                .hasMessage(
                        "Invalid value 'http://' for kinesis.endpoint: expected an http:// or https:// URL such as http://localhost:4567");
    }

    @Test
    void initialPositionAndTimestampMustAgree() {
        assertThatThrownBy(() -> KinesisConfig.from(source(Map.of("initial-position", "earliest"))))
                .hasMessage(
                        "Invalid value 'earliest' for kinesis.initial-position: expected one of trim-horizon, latest, at-timestamp");
        assertThatThrownBy(() -> KinesisConfig.from(source(Map.of("initial-position", "at-timestamp"))))
                .hasMessage(
                        "Missing required setting kinesis.initial-timestamp: expected epoch milliseconds or an ISO-8601 instant "
                                + "when kinesis.initial-position=at-timestamp");
        assertThatThrownBy(() -> KinesisConfig.from(source(Map.of("initial-timestamp", "1714566600250"))))
                .hasMessage(
                        "Invalid value 'trim-horizon' for kinesis.initial-position: expected at-timestamp when kinesis.initial-timestamp is set");
        assertThatThrownBy(() -> KinesisConfig.from(
                        source(Map.of("initial-position", "at-timestamp", "initial-timestamp", "yesterday"))))
                .hasMessage(
                        "Invalid value 'yesterday' for kinesis.initial-timestamp: expected epoch milliseconds or an ISO-8601 instant such as 2024-05-01T00:00:00Z");
        assertThatThrownBy(() -> KinesisConfig.from(source(
                        Map.of("initial-position", "at-timestamp", "initial-timestamp", "99999999999999999999"))))
                .hasMessage(
                        "Invalid value '99999999999999999999' for kinesis.initial-timestamp: expected epoch milliseconds or an ISO-8601 instant such as 2024-05-01T00:00:00Z");
    }

    @Test
    void enhancedFanOutNeedsAConsumerNameAndOnlyThen() {
        assertThatThrownBy(() -> KinesisConfig.from(source(Map.of("efo", "true"))))
                .hasMessage(
                        "Missing required setting kinesis.efo.consumer-name: expected an enhanced fan-out consumer name when kinesis.efo=true");
        assertThatThrownBy(() -> KinesisConfig.from(source(Map.of("efo.consumer-name", "bronze"))))
                .hasMessage(
                        "Invalid value 'false' for kinesis.efo: expected true when kinesis.efo.consumer-name is set");
        assertThatThrownBy(() -> KinesisConfig.from(source(Map.of("efo", "yes", "efo.consumer-name", "bronze"))))
                .hasMessage("Invalid value 'yes' for kinesis.efo: expected true or false");
        assertThatThrownBy(
                        () -> KinesisConfig.from(source(Map.of("efo", "true", "efo.consumer-name", "bronze consumer"))))
                .hasMessage(
                        "Invalid value 'bronze consumer' for kinesis.efo.consumer-name: expected 1 to 128 letters, digits, '_', '.' or '-'");
    }

    @Test
    void passThroughPropertiesCannotOverrideTypedSettingsOrCarryCredentials() {
        assertThatThrownBy(() -> KinesisConfig.from(source(Map.of("property.aws.region", "us-west-2"))))
                .hasMessage("Setting kinesis.property.aws.region is not allowed: it is controlled by kinesis.region");
        assertThatThrownBy(() -> KinesisConfig.from(
                        source(Map.of("property.aws.credentials.provider.basic.secretkey", "s3cr3t"))))
                .hasMessage(
                        "Setting kinesis.property.aws.credentials.provider.basic.secretkey is not allowed: it is controlled by "
                                + "the AWS default credentials provider chain (credentials are never configured)");
        assertThatThrownBy(() ->
                        KinesisConfig.from(source(Map.of("property.flink.stream.initpos.timestamp.format", "yyyy"))))
                .hasMessage(
                        "Setting kinesis.property.flink.stream.initpos.timestamp.format is not allowed: it is controlled by "
                                + "kinesis.initial-position and kinesis.initial-timestamp");
        assertThatThrownBy(() -> KinesisConfig.from(source(Map.of("property.flink.stream.recordpublisher", "EFO"))))
                .hasMessage(
                        "Setting kinesis.property.flink.stream.recordpublisher is not allowed: it is controlled by kinesis.efo");
    }

    @Test
    void misspeltKeysStayUnknownForTheLoaderToReject() {
        PropertyGroup g = group(Map.of("stream", "s", "region", "us-east-1", "initial-postion", "latest"));

        KinesisConfig.from(g);

        assertThat(g.unknownKeys()).containsExactly("initial-postion");
    }

    private static PropertyGroup source(Map<String, String> settings) {
        Map<String, String> values = new HashMap<>(settings);
        values.putIfAbsent("stream", "requests");
        values.putIfAbsent("region", "us-east-1");
        return group(values);
    }

    private static PropertyGroup group(Map<String, String> values) {
        return new PropertyGroup(KinesisSettings.GROUP, values);
    }
}
