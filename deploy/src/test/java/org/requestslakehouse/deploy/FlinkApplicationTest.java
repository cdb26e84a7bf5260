package org.requestslakehouse.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class FlinkApplicationTest {
    private final SynthesizedStack synthesized = SynthesizedStack.get();
    private final Template template = synthesized.template;

    @Test
    void runsFlink120FromTheUploadedJarWithTheServiceRole() {
        template.resourceCountIs("AWS::KinesisAnalyticsV2::Application", 1);
        template.hasResourceProperties(
                "AWS::KinesisAnalyticsV2::Application",
                Map.of(
                        "RuntimeEnvironment", "FLINK-1_20",
                        "ServiceExecutionRole",
                                Map.of("Fn::GetAtt", List.of(TemplateIds.only(template, "AWS::IAM::Role"), "Arn")),
                        "ApplicationConfiguration",
                                Match.objectLike(Map.of(
                                        "ApplicationCodeConfiguration",
                                        Map.of(
                                                "CodeContentType",
                                                "ZIPFILE",
                                                "CodeContent",
                                                Map.of(
                                                        "S3ContentLocation",
                                                        Map.of(
                                                                "BucketARN",
                                                                        Map.of(
                                                                                "Fn::Sub",
                                                                                List.of(
                                                                                        "arn:${AWS::Partition}:s3:::${Bucket}",
                                                                                        Map.of(
                                                                                                "Bucket",
                                                                                                Map.of(
                                                                                                        "Ref",
                                                                                                        "CodeBucket")))),
                                                                "FileKey", Map.of("Ref", "CodeKey"))))))));
    }

    @Test
    void propertyGroupsCarryExactlyTheJobsKeys() {
        Map<String, List<String>> keysByGroup = new LinkedHashMap<>();
        for (JsonNode group : propertyGroups()) {
            List<String> keys = new ArrayList<>();
            group.path("PropertyMap").fieldNames().forEachRemaining(keys::add);
            keysByGroup.put(group.path("PropertyGroupId").asText(), keys);
        }
        assertThat(keysByGroup)
                .containsExactlyEntriesOf(ordered(
                        "source", List.of("type"),
                        "kinesis", List.of("stream", "region", "initial-position", "efo"),
                        "catalog",
                                List.of(
                                        "type",
                                        "warehouse",
                                        "region",
                                        "glue.catalog-id",
                                        "bronze-database",
                                        "silver-database",
                                        "gold-database"),
                        "parse", List.of("time-zone", "max-payload-bytes"),
                        "gold", List.of("enabled", "emit-interval", "out-of-orderness", "idleness", "allowed-lateness"),
                        "job", List.of("state-ttl")));
    }

    @Test
    void propertyValuesPointAtTheStackResources() {
        Map<String, JsonNode> groups = new LinkedHashMap<>();
        propertyGroups().forEach(g -> groups.put(g.path("PropertyGroupId").asText(), g.path("PropertyMap")));
        String stream = TemplateIds.only(template, "AWS::Kinesis::Stream");
        String bucket = TemplateIds.of(synthesized.stack, "DataLake", "DataBucket");

        assertThat(groups.get("source").toString()).isEqualTo("{\"type\":\"kinesis\"}");
        assertThat(groups.get("kinesis").toString())
                .isEqualTo("{"
                        + "\"stream\":{\"Fn::GetAtt\":[\"" + stream + "\",\"Arn\"]},"
                        + "\"region\":{\"Ref\":\"AWS::Region\"},"
                        + "\"initial-position\":{\"Ref\":\"InitialPosition\"},"
                        + "\"efo\":{\"Ref\":\"EnhancedFanOut\"}}");
        assertThat(groups.get("catalog").toString())
                .isEqualTo("{"
                        + "\"type\":\"glue\","
                        + "\"warehouse\":{\"Fn::Sub\":[\"s3://${Bucket}/warehouse\",{\"Bucket\":{\"Ref\":\"" + bucket
                        + "\"}}]},"
                        + "\"region\":{\"Ref\":\"AWS::Region\"},"
                        + "\"glue.catalog-id\":{\"Ref\":\"AWS::AccountId\"},"
                        + "\"bronze-database\":{\"Ref\":\"BronzeDatabase\"},"
                        + "\"silver-database\":{\"Ref\":\"SilverDatabase\"},"
                        + "\"gold-database\":{\"Ref\":\"GoldDatabase\"}}");
        assertThat(groups.get("gold").path("emit-interval").asText()).isEqualTo("60 s");
        assertThat(groups.get("parse").path("time-zone").asText()).isEqualTo("America/New_York");
    }

    @Test
    void initialPositionAndFanOutAreConstrainedParameters() {
        template.hasParameter(
                "InitialPosition",
                Map.of("Default", "TRIM_HORIZON", "AllowedValues", List.of("TRIM_HORIZON", "LATEST")));
        template.hasParameter("EnhancedFanOut", Map.of("Default", "false", "AllowedValues", List.of("false", "true")));
    }

    @Test
    void checkpointsEveryMinuteWithAPauseAndAutoscales() {
        template.hasResourceProperties(
                "AWS::KinesisAnalyticsV2::Application",
                Map.of(
                        "ApplicationConfiguration",
                        Match.objectLike(Map.of(
                                "FlinkApplicationConfiguration",
                                Map.of(
                                        "CheckpointConfiguration",
                                                Map.of(
                                                        "ConfigurationType",
                                                        "CUSTOM",
                                                        "CheckpointingEnabled",
                                                        true,
                                                        "CheckpointInterval",
                                                        60000,
                                                        "MinPauseBetweenCheckpoints",
                                                        10000),
                                        "ParallelismConfiguration",
                                                Map.of(
                                                        "ConfigurationType",
                                                        "CUSTOM",
                                                        "Parallelism",
                                                        Map.of("Ref", "Parallelism"),
                                                        "ParallelismPerKPU",
                                                        1,
                                                        "AutoScalingEnabled",
                                                        true),
                                        "MonitoringConfiguration",
                                                Map.of(
                                                        "ConfigurationType", "CUSTOM",
                                                        "LogLevel", "INFO",
                                                        "MetricsLevel", "APPLICATION"))))));
        template.hasParameter("Parallelism", Map.of("Type", "Number", "Default", 2, "MinValue", 1, "MaxValue", 64));
    }

    @Test
    void keepsStateAcrossUpdatesAndRefusesToDropIt() {
        template.hasResourceProperties(
                "AWS::KinesisAnalyticsV2::Application",
                Map.of(
                        "ApplicationConfiguration",
                                Match.objectLike(Map.of(
                                        "ApplicationSnapshotConfiguration", Map.of("SnapshotsEnabled", true),
                                        "ApplicationSystemRollbackConfiguration", Map.of("RollbackEnabled", true))),
                        "RunConfiguration",
                                Map.of(
                                        "ApplicationRestoreConfiguration",
                                                Map.of("ApplicationRestoreType", "RESTORE_FROM_LATEST_SNAPSHOT"),
                                        "FlinkRunConfiguration", Map.of("AllowNonRestoredState", false))));
    }

    @Test
    void logsToItsOwnEncryptedLogGroupAndStream() {
        String key = TemplateIds.only(template, "AWS::KMS::Key");
        template.hasResourceProperties(
                "AWS::Logs::LogGroup",
                Map.of(
                        "LogGroupName", Map.of("Fn::Sub", "/aws/kinesis-analytics/${AWS::StackName}"),
                        "KmsKeyId", Map.of("Fn::GetAtt", List.of(key, "Arn")),
                        "RetentionInDays", 90));
        template.hasResourceProperties("AWS::Logs::LogStream", Map.of("LogStreamName", "application"));
        template.hasResource(
                "AWS::KinesisAnalyticsV2::ApplicationCloudWatchLoggingOption",
                Map.of(
                        "Properties",
                                Map.of(
                                        "ApplicationName",
                                                Map.of(
                                                        "Ref",
                                                        TemplateIds.only(
                                                                template, "AWS::KinesisAnalyticsV2::Application")),
                                        "CloudWatchLoggingOption",
                                                Map.of(
                                                        "LogStreamARN",
                                                        Map.of(
                                                                "Fn::Sub",
                                                                "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/kinesis-analytics/${AWS::StackName}:log-stream:application"))),
                        "DependsOn", List.of(TemplateIds.only(template, "AWS::Logs::LogStream"))));
    }

    private List<JsonNode> propertyGroups() {
        String app = TemplateIds.only(template, "AWS::KinesisAnalyticsV2::Application");
        List<JsonNode> out = new ArrayList<>();
        synthesized
                .json
                .path("Resources")
                .path(app)
                .path("Properties")
                .path("ApplicationConfiguration")
                .path("EnvironmentProperties")
                .path("PropertyGroups")
                .forEach(out::add);
        return out;
    }

    private static Map<String, List<String>> ordered(Object... groupsAndKeys) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < groupsAndKeys.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> keys = (List<String>) groupsAndKeys[i + 1];
            map.put((String) groupsAndKeys[i], keys);
        }
        return map;
    }
}
