package org.requestslakehouse.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class AlarmsTest {
    private final SynthesizedStack synthesized = SynthesizedStack.get();
    private final Template template = synthesized.template;

    @Test
    void watchesTheServiceMetricsOfThisApplication() {
        Map<String, String> metricByAlarm = new TreeMap<>();
        for (JsonNode alarm : alarms()) {
            JsonNode metric = metricOf(alarm);
            assertThat(metric.path("Namespace").asText()).isEqualTo("AWS/KinesisAnalytics");
            assertThat(metric.path("Dimensions").toString())
                    .isEqualTo("[{\"Name\":\"Application\",\"Value\":{\"Ref\":\"" + application() + "\"}}]");
            metricByAlarm.put(
                    alarm.path("AlarmName").path("Fn::Sub").asText(),
                    metric.path("MetricName").asText());
        }
        assertThat(metricByAlarm)
                .containsExactlyEntriesOf(new TreeMap<>(Map.of(
                        "${AWS::StackName}-downtime", "downtime",
                        "${AWS::StackName}-full-restarts", "fullRestarts",
                        "${AWS::StackName}-failed-checkpoints", "numberOfFailedCheckpoints",
                        "${AWS::StackName}-checkpoint-duration", "lastCheckpointDuration",
                        "${AWS::StackName}-consumer-lag", "millisBehindLatest")));
    }

    @Test
    void aStoppedApplicationCountsAsDown() {
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Map.of(
                        "MetricName", "downtime",
                        "Statistic", "Maximum",
                        "Period", 60,
                        "Threshold", 0,
                        "ComparisonOperator", "GreaterThanThreshold",
                        "EvaluationPeriods", 5,
                        "TreatMissingData", "breaching"));
    }

    @Test
    void cumulativeCountersAlarmOnTheirIncrease() {
        for (String counter : List.of("fullRestarts", "numberOfFailedCheckpoints")) {
            template.hasResourceProperties(
                    "AWS::CloudWatch::Alarm",
                    Map.of(
                            "Threshold",
                            0,
                            "ComparisonOperator",
                            "GreaterThanThreshold",
                            "Metrics",
                            Match.arrayWith(List.of(
                                    Match.objectLike(Map.of("Expression", "DIFF(counter)", "ReturnData", true)),
                                    Match.objectLike(Map.of(
                                            "Id",
                                            "counter",
                                            "ReturnData",
                                            false,
                                            "MetricStat",
                                            Match.objectLike(Map.of(
                                                    "Metric",
                                                    Match.objectLike(Map.of("MetricName", counter)),
                                                    "Stat",
                                                    "Maximum",
                                                    "Period",
                                                    300))))))));
        }
    }

    @Test
    void lagAndCheckpointDurationHaveTheirThresholds() {
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Map.of(
                        "MetricName",
                        "millisBehindLatest",
                        "Statistic",
                        "Maximum",
                        "Threshold",
                        900000,
                        "EvaluationPeriods",
                        10));
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Map.of(
                        "MetricName",
                        "lastCheckpointDuration",
                        "Statistic",
                        "Maximum",
                        "Threshold",
                        45000,
                        "EvaluationPeriods",
                        3));
    }

    @Test
    void everyAlarmNotifiesTheEncryptedTopicOnAlarmAndRecovery() {
        String topic = TemplateIds.only(template, "AWS::SNS::Topic");
        String topicRef = "[{\"Ref\":\"" + topic + "\"}]";
        for (JsonNode alarm : alarms()) {
            assertThat(alarm.path("AlarmActions").toString()).isEqualTo(topicRef);
            assertThat(alarm.path("OKActions").toString()).isEqualTo(topicRef);
        }
        template.hasResourceProperties(
                "AWS::SNS::Topic",
                Map.of(
                        "KmsMasterKeyId",
                        Map.of("Fn::GetAtt", List.of(TemplateIds.only(template, "AWS::KMS::Key"), "Arn"))));
    }

    @Test
    void topicAcceptsOnlyThisStacksAlarmsAndOnlyOverTls() {
        template.hasResourceProperties(
                "AWS::SNS::TopicPolicy",
                Map.of(
                        "PolicyDocument",
                        Match.objectLike(
                                Map.of(
                                        "Statement",
                                        List.of(
                                                Match.objectLike(Map.of(
                                                        "Effect",
                                                        "Deny",
                                                        "Action",
                                                        "sns:Publish",
                                                        "Condition",
                                                        Map.of("Bool", Map.of("aws:SecureTransport", "false")))),
                                                Match.objectLike(
                                                        Map.of(
                                                                "Effect",
                                                                "Allow",
                                                                "Action",
                                                                "sns:Publish",
                                                                "Principal",
                                                                Map.of("Service", "cloudwatch.amazonaws.com"),
                                                                "Condition",
                                                                Map.of(
                                                                        "ArnLike",
                                                                        Map.of(
                                                                                "aws:SourceArn",
                                                                                Map.of(
                                                                                        "Fn::Sub",
                                                                                        "arn:${AWS::Partition}:cloudwatch:${AWS::Region}:${AWS::AccountId}:alarm:${AWS::StackName}-*"))))))))));
    }

    @Test
    void emailSubscriptionExistsOnlyWhenAnAddressIsGiven() {
        template.hasResource(
                "AWS::SNS::Subscription",
                Map.of(
                        "Condition",
                        "HasAlarmEmail",
                        "Properties",
                        Map.of("Protocol", "email", "Endpoint", Map.of("Ref", "AlarmEmail"))));
        template.hasCondition(
                "HasAlarmEmail",
                Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "AlarmEmail"), "")))));
    }

    private List<JsonNode> alarms() {
        List<JsonNode> out = new ArrayList<>();
        for (String id : template.findResources("AWS::CloudWatch::Alarm").keySet()) {
            out.add(synthesized.json.path("Resources").path(id).path("Properties"));
        }
        assertThat(out).hasSize(5);
        return out;
    }

    /** The plain metric of a single-metric alarm, or the metric a math expression is computed from. */
    private static JsonNode metricOf(JsonNode alarm) {
        if (alarm.has("MetricName")) {
            return alarm;
        }
        for (JsonNode query : alarm.path("Metrics")) {
            if (query.has("MetricStat")) {
                return query.path("MetricStat").path("Metric");
            }
        }
        throw new AssertionError("Alarm without a metric: " + alarm);
    }

    private String application() {
        return TemplateIds.only(template, "AWS::KinesisAnalyticsV2::Application");
    }
}
