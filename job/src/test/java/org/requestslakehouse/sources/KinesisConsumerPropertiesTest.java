package org.requestslakehouse.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.streaming.connectors.kinesis.util.KinesisConfigUtil;
import org.junit.jupiter.api.Test;
import org.requestslakehouse.config.ConfigException;
import org.requestslakehouse.config.KinesisConfig;
import org.requestslakehouse.config.KinesisSettings;
import org.requestslakehouse.config.PropertyGroup;

class KinesisConsumerPropertiesTest {

    @Test
    void pollingFromTrimHorizonWithTheDefaultCredentialChain() {
        Properties p = KinesisConsumerProperties.of(config(Map.of("stream", "requests", "region", "eu-west-1")));

        assertThat(p)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "aws.region", "eu-west-1",
                        "aws.credentials.provider", "AUTO",
                        "flink.stream.initpos", "TRIM_HORIZON",
                        "flink.stream.recordpublisher", "POLLING"));
    }

    @Test
    void everyTypedSettingAndThePassThroughProperties() {
        Properties p = KinesisConsumerProperties.of(config(Map.of(
                "stream", "requests",
                "region", "us-east-1",
                "endpoint", "http://localhost:4567",
                "initial-position", "at-timestamp",
                "initial-timestamp", "1714566600250",
                "efo", "true",
                "efo.consumer-name", "lakehouse-bronze",
                "property.flink.shard.getrecords.intervalmillis", "500")));

        assertThat(p)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "aws.region", "us-east-1",
                        "aws.endpoint", "http://localhost:4567",
                        "aws.credentials.provider", "AUTO",
                        "flink.stream.initpos", "AT_TIMESTAMP",
                        "flink.stream.initpos.timestamp.format", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
                        "flink.stream.initpos.timestamp", "2024-05-01T12:30:00.250Z",
                        "flink.stream.recordpublisher", "EFO",
                        "flink.stream.efo.consumername", "lakehouse-bronze",
                        "flink.shard.getrecords.intervalmillis", "500"));
    }

    @Test
    void theConnectorReadsTheInitialTimestampBackToTheMillisecond() {
        Properties p = KinesisConsumerProperties.of(config(Map.of(
                "stream",
                "s",
                "region",
                "us-east-1",
                "initial-position",
                "at-timestamp",
                "initial-timestamp",
                "1714566600250")));

        Date parsed = KinesisConfigUtil.parseStreamTimestampStartingPosition(p);

        assertThat(parsed.getTime()).isEqualTo(1714566600250L);
    }

    @Test
    void theConnectorAcceptsTheProperties() {
        Properties p = KinesisConsumerProperties.of(config(Map.of(
                "stream",
                "s",
                "region",
                "us-east-1",
                "initial-position",
                "at-timestamp",
                "initial-timestamp",
                "1714566600250",
                "efo",
                "true",
                "efo.consumer-name",
                "c")));

        KinesisConfigUtil.validateConsumerConfiguration(p);
    }

    @Test
    void aConfigWithoutRegionCannotBuildASource() {
        KinesisConfig withoutRegion = KinesisConfig.from(new PropertyGroup(KinesisSettings.GROUP, Map.of()), false);

        assertThatThrownBy(() -> KinesisConsumerProperties.of(withoutRegion))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "Missing required setting kinesis.region: expected an AWS region such as eu-west-1 when source.type=kinesis");
    }

    private static KinesisConfig config(Map<String, String> values) {
        return KinesisConfig.from(new PropertyGroup(KinesisSettings.GROUP, new HashMap<>(values)));
    }
}
