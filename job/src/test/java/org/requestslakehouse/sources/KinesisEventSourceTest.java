package org.requestslakehouse.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.requestslakehouse.config.KinesisConfig;
import org.requestslakehouse.config.KinesisSettings;
import org.requestslakehouse.config.PropertyGroup;
import org.requestslakehouse.model.RawEvent;

class KinesisEventSourceTest {

    @Test
    void addsOneNamedSourceWithAStableUidAndThePojoType() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        KinesisConfig config = KinesisConfig.from(
                new PropertyGroup(KinesisSettings.GROUP, Map.of("stream", "requests", "region", "eu-west-1")));

        DataStream<RawEvent> stream = new KinesisEventSource(config).create(env);

        assertThat(stream.getTransformation().getName()).isEqualTo("source-kinesis");
        assertThat(stream.getTransformation().getUid()).isEqualTo("source-kinesis");
        assertThat(stream.getType()).isEqualTo(TypeInformation.of(RawEvent.class));
    }
}
