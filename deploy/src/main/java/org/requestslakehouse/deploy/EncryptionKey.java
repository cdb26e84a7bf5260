package org.requestslakehouse.deploy;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * The customer-managed key for the data bucket, Athena results, the application log group and the alarm topic.
 * A customer-managed key (rather than S3- or AWS-managed keys) is what lets CloudWatch publish to an encrypted
 * topic, and it puts reading the lake under one key policy that CloudTrail audits.
 *
 * <p>The Kinesis stream uses the AWS-managed {@code aws/kinesis} key instead: every producer and consumer call
 * would otherwise be a billed KMS request, and the stream only buffers data that bronze keeps.
 */
public final class EncryptionKey {
    private EncryptionKey() {}

    public static Key create(Construct scope, String id) {
        Key key = Key.Builder.create(scope, id)
                .description("requests-lakehouse: data bucket, Athena results, Flink application logs, alarm topic")
                .enableKeyRotation(true)
                .pendingWindow(Duration.days(30))
                // Retained data (bucket, log archives) stays readable only while this key exists.
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        key.addToResourcePolicy(logsMayUseKey());
        key.addToResourcePolicy(alarmsMayPublishToEncryptedTopic());
        return key;
    }

    /** CloudWatch Logs encrypts with the key itself; the encryption context pins it to our log group. */
    private static PolicyStatement logsMayUseKey() {
        return PolicyStatement.Builder.create()
                .sid("CloudWatchLogsEncryptApplicationLogGroup")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal(Fn.sub("logs.${AWS::Region}.amazonaws.com"))))
                .actions(List.of(
                        "kms:Encrypt",
                        "kms:Decrypt",
                        "kms:ReEncryptFrom",
                        "kms:ReEncryptTo",
                        "kms:GenerateDataKey",
                        "kms:GenerateDataKeyWithoutPlaintext",
                        "kms:DescribeKey"))
                .resources(List.of("*"))
                .conditions(
                        Map.of("ArnEquals", Map.of("kms:EncryptionContext:aws:logs:arn", ResourceNames.logGroupArn())))
                .build();
    }

    /** Alarm notifications are published by CloudWatch, which needs a data key for the encrypted topic. */
    private static PolicyStatement alarmsMayPublishToEncryptedTopic() {
        return PolicyStatement.Builder.create()
                .sid("CloudWatchAlarmsPublishToEncryptedTopic")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey"))
                .resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID)))
                .build();
    }
}
