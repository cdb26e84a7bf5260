package org.requestslakehouse.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.requestslakehouse.config.ConfigLoader;
import org.requestslakehouse.config.JobConfig;

/** The entry points' protocol switch: JSON only for a Kinesis source behind an endpoint override. */
class KinesisClientsTest {
    private static final List<String> SWITCHES =
            List.of(KinesisClients.SDK_V2_CBOR_ENABLED, KinesisClients.CONNECTOR_SDK_V1_CBOR_DISABLED);

    private final Map<String, String> saved = new HashMap<>();

    @BeforeEach
    void clearSwitches() {
        SWITCHES.forEach(p -> saved.put(p, System.clearProperty(p)));
    }

    @AfterEach
    void restoreSwitches() {
        SWITCHES.forEach(System::clearProperty);
        saved.forEach((p, v) -> {
            if (v != null) {
                System.setProperty(p, v);
            }
        });
    }

    @Test
    void aKinesisSourceBehindAnEndpointSwitchesTheProcessToJson() {
        KinesisClients.useJsonProtocolFor(kinesis(Map.of("kinesis.endpoint", "http://localhost:4567")));

        assertThat(System.getProperty(KinesisClients.SDK_V2_CBOR_ENABLED)).isEqualTo("false");
        assertThat(System.getProperty(KinesisClients.CONNECTOR_SDK_V1_CBOR_DISABLED))
                .isEqualTo("true");
    }

    @Test
    void awsItselfAndOtherSourcesKeepCbor() {
        KinesisClients.useJsonProtocolFor(kinesis(Map.of()));
        KinesisClients.useJsonProtocolFor(
                ConfigLoader.load(null, Map.of("source.type", "kafka", "kinesis.endpoint", "http://localhost:4567")));

        SWITCHES.forEach(p -> assertThat(System.getProperty(p)).as(p).isNull());
    }

    private static JobConfig kinesis(Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(more);
        settings.put("source.type", "kinesis");
        settings.put("kinesis.region", "us-east-1");
        return ConfigLoader.load(null, settings);
    }
}
