package org.requestslakehouse.deploy;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.sns.CfnSubscription;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * Alarms on the Flink application's service metrics ({@code AWS/KinesisAnalytics}, dimension
 * {@code Application}) and the encrypted topic they notify, both on entering and on leaving the alarm state.
 */
public final class ApplicationAlarms extends Construct {
    public static final String NAMESPACE = "AWS/KinesisAnalytics";
    /** A consumer this far behind the stream head serves stale gold tables. */
    public static final long MAX_MILLIS_BEHIND_LATEST = 15 * 60 * 1000;
    /** Checkpoints close to their 60 s interval mean the job is barely keeping up. */
    public static final long MAX_CHECKPOINT_DURATION_MS = 45_000;

    private final Topic topic;
    private final String applicationName;

    public ApplicationAlarms(
            Construct scope, String id, String applicationName, IKey key, DeploymentParameters parameters) {
        super(scope, id);
        this.applicationName = applicationName;
        topic = Topic.Builder.create(this, "Topic")
                .displayName("requests-lakehouse alarms")
                .masterKey(key)
                .enforceSsl(true)
                .build();
        topic.addToResourcePolicy(alarmsMayPublish(topic.getTopicArn()));
        CfnSubscription subscription = CfnSubscription.Builder.create(this, "EmailSubscription")
                .topicArn(topic.getTopicArn())
                .protocol("email")
                .endpoint(parameters.alarmEmail())
                .build();
        subscription.getCfnOptions().setCondition(parameters.hasAlarmEmail());

        // Stopped or failed applications publish no metrics at all, so missing data means "down" here.
        alarm(
                "Downtime",
                "downtime",
                "The application has been down (failing or restarting) for 5 minutes, "
                        + "or it publishes no metrics because it is stopped.",
                metric("downtime", "Maximum", Duration.minutes(1)),
                0,
                5,
                TreatMissingData.BREACHING);
        alarm(
                "FullRestarts",
                "full-restarts",
                "The Flink job restarted at least once in the last 5 minutes.",
                increase("fullRestarts"),
                0,
                1,
                TreatMissingData.NOT_BREACHING);
        alarm(
                "FailedCheckpoints",
                "failed-checkpoints",
                "At least one checkpoint failed in the last 5 minutes: "
                        + "Iceberg commits stall until checkpoints succeed again.",
                increase("numberOfFailedCheckpoints"),
                0,
                1,
                TreatMissingData.NOT_BREACHING);
        alarm(
                "CheckpointDuration",
                "checkpoint-duration",
                "Checkpoints have taken over 45 s for 15 minutes "
                        + "(interval 60 s): the job is close to falling behind.",
                metric("lastCheckpointDuration", "Maximum", Duration.minutes(5)),
                MAX_CHECKPOINT_DURATION_MS,
                3,
                TreatMissingData.NOT_BREACHING);
        alarm(
                "ConsumerLag",
                "consumer-lag",
                "The job has been more than 15 minutes behind the head of the " + "Kinesis stream for 10 minutes.",
                metric("millisBehindLatest", "Maximum", Duration.minutes(1)),
                MAX_MILLIS_BEHIND_LATEST,
                10,
                TreatMissingData.NOT_BREACHING);
    }

    private Metric metric(String name, String statistic, Duration period) {
        return Metric.Builder.create()
                .namespace(NAMESPACE)
                .metricName(name)
                .dimensionsMap(Map.of("Application", applicationName))
                .statistic(statistic)
                .period(period)
                .build();
    }

    /**
     * fullRestarts and numberOfFailedCheckpoints count since the job started; their increase per period is the
     * signal (alarming on the raw value would stay red until the next deployment).
     */
    private IMetric increase(String counter) {
        return MathExpression.Builder.create()
                .expression("DIFF(counter)")
                .usingMetrics(Map.of("counter", metric(counter, "Maximum", Duration.minutes(5))))
                .label(counter + " increase")
                .period(Duration.minutes(5))
                .build();
    }

    private void alarm(
            String id,
            String nameSuffix,
            String description,
            IMetric metric,
            double threshold,
            int periods,
            TreatMissingData missingData) {
        Alarm alarm = Alarm.Builder.create(this, id)
                .alarmName(ResourceNames.alarm(nameSuffix))
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(periods)
                .datapointsToAlarm(periods)
                .treatMissingData(missingData)
                .build();
        alarm.addAlarmAction(new SnsAction(topic));
        alarm.addOkAction(new SnsAction(topic));
    }

    /**
     * The topic policy replaces SNS's default policy, so CloudWatch must be allowed explicitly; only alarms of
     * this stack (named with its prefix) in this account qualify.
     */
    private static PolicyStatement alarmsMayPublish(String topicArn) {
        return PolicyStatement.Builder.create()
                .sid("CloudWatchAlarmsOfThisStackPublish")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("sns:Publish"))
                .resources(List.of(topicArn))
                .conditions(Map.of("ArnLike", Map.of("aws:SourceArn", ResourceNames.alarmArnPattern())))
                .build();
    }

    public Topic topic() {
        return topic;
    }
}
