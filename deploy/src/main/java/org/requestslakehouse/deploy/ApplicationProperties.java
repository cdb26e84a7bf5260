package org.requestslakehouse.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.kinesisanalyticsv2.CfnApplication.PropertyGroupProperty;

/**
 * The job's runtime property groups on Managed Service for Apache Flink, in the job's own key names (the job
 * rejects unknown groups and keys at start-up, so a typo here fails the first start rather than being ignored).
 *
 * <p>Only settings that differ from the job's defaults, or that production must pin, are listed. Checkpointing
 * and parallelism are absent on purpose: the service owns them (see {@link FlinkApplication}).
 */
public final class ApplicationProperties {
    /** Where the resources come from; all values are CloudFormation tokens at synthesis time. */
    public record Inputs(
            String streamArn,
            String initialPosition,
            String enhancedFanOut,
            String warehouse,
            String bronzeDatabase,
            String silverDatabase,
            String goldDatabase) {}

    private ApplicationProperties() {}

    public static List<PropertyGroupProperty> groups(Inputs in) {
        return List.of(
                group("source", Map.of("type", "kinesis")),
                group(
                        "kinesis",
                        ordered(
                                // The FLIP-27 Kinesis source addresses streams by ARN.
                                "stream", in.streamArn(),
                                "region", Aws.REGION,
                                "initial-position", in.initialPosition(),
                                "efo", in.enhancedFanOut())),
                group(
                        "catalog",
                        ordered(
                                "type", "glue",
                                "warehouse", in.warehouse(),
                                "region", Aws.REGION,
                                "glue.catalog-id", Aws.ACCOUNT_ID,
                                "bronze-database", in.bronzeDatabase(),
                                "silver-database", in.silverDatabase(),
                                "gold-database", in.goldDatabase())),
                group(
                        "parse",
                        ordered(
                                "time-zone", "America/New_York",
                                "max-payload-bytes", "262144")),
                group(
                        "gold",
                        ordered(
                                "enabled", "true",
                                // Rows become visible only when a checkpoint commits them (every 60 s); emitting more
                                // often would only add upserts of the same keys to each commit.
                                "emit-interval", "60 s",
                                "out-of-orderness", "5 min",
                                "idleness", "1 min",
                                "allowed-lateness", "180 d")),
                group("job", Map.of("state-ttl", "400 d")));
    }

    private static PropertyGroupProperty group(String id, Map<String, String> values) {
        return PropertyGroupProperty.builder()
                .propertyGroupId(id)
                .propertyMap(values)
                .build();
    }

    /** Keeps the keys in the order written, so the template reads like the job's property table. */
    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
