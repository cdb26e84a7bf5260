package org.requestslakehouse.config;

import java.util.Map;
import org.requestslakehouse.config.KinesisConfig.InitialPosition;

/** Group {@code kinesis}: the Kinesis Data Streams source. */
public final class KinesisSettings {
    public static final String GROUP = "kinesis";
    static final SettingGroup SETTINGS = new SettingGroup(
            GROUP,
            "The Kinesis Data Streams source. Credentials always come from the AWS default credentials provider"
                    + " chain (on Managed Service for Apache Flink, the application's role) and are never configured.");

    public static final String DEFAULT_STREAM = "service-requests";

    public static final Setting<String> STREAM =
            SETTINGS.string("stream", DEFAULT_STREAM, "stream name, or its ARN (whose region must match `region`)");
    public static final Setting<String> REGION =
            SETTINGS.string("region", null, "AWS region such as `eu-west-1`; required when `source.type=kinesis`");
    public static final Setting<String> ENDPOINT = SETTINGS.string(
            "endpoint",
            null,
            "endpoint override (a VPC endpoint, or a local Kinesis-compatible server, which switches the process's"
                    + " AWS clients to JSON)");
    public static final Setting<InitialPosition> INITIAL_POSITION = SETTINGS.choice(
            "initial-position",
            InitialPosition.class,
            InitialPosition.TRIM_HORIZON,
            "where a start without a checkpoint begins");
    public static final Setting<String> INITIAL_TIMESTAMP = SETTINGS.string(
            "initial-timestamp",
            null,
            "epoch milliseconds or an ISO-8601 instant; required with, and only with, `initial-position=at-timestamp`");
    public static final Setting<Boolean> EFO = SETTINGS.bool("efo", false, "read through enhanced fan-out");
    public static final Setting<String> EFO_CONSUMER_NAME = SETTINGS.string(
            "efo.consumer-name", null, "enhanced fan-out consumer name; required with, and only with, `efo=true`");
    public static final Setting<Map<String, String>> PROPERTIES = SETTINGS.prefix(
            "property.",
            "any other FlinkKinesisConsumer property (not region, endpoint, credentials, initial position or EFO,"
                    + " which the settings above own)");

    private KinesisSettings() {}
}
