package org.requestslakehouse.testing;

import java.util.Map;
import org.requestslakehouse.config.KafkaConfig;
import org.requestslakehouse.config.KafkaSettings;
import org.requestslakehouse.config.PropertyGroup;

/** Builds a {@link KafkaConfig} the way the job does, from {@code kafka.*} keys without the group prefix. */
public final class KafkaTestConfigs {
    private KafkaTestConfigs() {}

    public static KafkaConfig fromSettings(Map<String, String> settings) {
        return KafkaConfig.from(new PropertyGroup(KafkaSettings.GROUP, settings));
    }
}
