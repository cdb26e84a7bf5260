package org.requestslakehouse.deploy;

import software.amazon.awscdk.Fn;

/**
 * Names derived from the stack name for resources whose name another resource must know before they exist: the
 * key policy names the log group, and the alarm topic policy names the alarms. Deriving them from
 * {@code AWS::StackName} keeps two stacks in one account apart without adding parameters.
 */
public final class ResourceNames {
    public static final String LOG_STREAM = "application";

    private ResourceNames() {}

    public static String logGroup() {
        return Fn.sub("/aws/kinesis-analytics/${AWS::StackName}");
    }

    public static String logGroupArn() {
        return Fn.sub(
                "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/kinesis-analytics/${AWS::StackName}");
    }

    public static String logStreamArn() {
        return Fn.sub(
                "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/kinesis-analytics/${AWS::StackName}:log-stream:"
                        + LOG_STREAM);
    }

    /** Every alarm name starts with this, which is what the alarm topic's policy matches on. */
    public static String alarm(String suffix) {
        return Fn.sub("${AWS::StackName}-" + suffix);
    }

    public static String alarmArnPattern() {
        return Fn.sub("arn:${AWS::Partition}:cloudwatch:${AWS::Region}:${AWS::AccountId}:alarm:${AWS::StackName}-*");
    }

    public static String athenaWorkGroup() {
        return Fn.sub("${AWS::StackName}-analytics");
    }
}
