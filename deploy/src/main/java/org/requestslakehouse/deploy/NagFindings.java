package org.requestslakehouse.deploy;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.kinesis.Stream;
import software.constructs.IConstruct;

/**
 * cdk-nag AwsSolutions findings that are accepted, each with the reason it does not apply. Each suppression names
 * the exact finding ({@code appliesTo}), so a new wildcard elsewhere in the same policy is still reported. Every
 * other finding fails the build (CdkNagTest) and {@code cdk synth}.
 */
final class NagFindings {
    private static final String WILDCARD_PERMISSIONS = "AwsSolutions-IAM5";

    private NagFindings() {}

    static void suppressJustified(Stack stack, DataLake lake, Stream stream, FlinkApplication flink) {
        String streamArn = "<" + logicalId(stack, stream) + ".Arn>";
        String bucketArn = "<" + logicalId(stack, lake.dataBucket()) + ".Arn>";
        String logs = "arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:";
        NagSuppressions.addResourceSuppressions(
                flink.role(),
                List.of(
                        wildcard(
                                streamArn + "/consumer/*",
                                "Enhanced fan-out consumers are registered by the job when it starts; their ARNs end in the "
                                        + "consumer name and a registration timestamp, unknown before then. Only consumers "
                                        + "of this one stream match."),
                        wildcard(
                                bucketArn + "/" + DataLake.WAREHOUSE_PREFIX + "*",
                                "Iceberg writes data and metadata files under generated (UUID) names. The grant stops at "
                                        + "the warehouse prefix: Athena results and the rest of the bucket stay out of "
                                        + "reach."),
                        wildcard(tables("BronzeDatabase"), tablesReason()),
                        wildcard(tables("SilverDatabase"), tablesReason()),
                        wildcard(tables("GoldDatabase"), tablesReason()),
                        wildcard(
                                logs + "*",
                                "logs:DescribeLogGroups, with which the service verifies the configured log group, is "
                                        + "authorised only on all log groups of the account and Region (as in AWS's "
                                        + "documented Managed Service for Apache Flink policy). It lists names, not log "
                                        + "contents."),
                        wildcard(
                                logs + "/aws/kinesis-analytics/<AWS::StackName>:log-stream:*",
                                "logs:DescribeLogStreams is authorised on the streams of a log group as a whole; this is "
                                        + "the application's own log group only.")));
    }

    private static String tables(String databaseParameter) {
        return "arn:<AWS::Partition>:glue:<AWS::Region>:<AWS::AccountId>:table/<" + databaseParameter + ">/*";
    }

    private static String tablesReason() {
        return "The job creates its Iceberg tables on first start and updates their metadata pointer on every "
                + "commit. The grant covers tables of the three lakehouse databases only, not the rest of the "
                + "Data Catalog, and includes no DeleteTable.";
    }

    private static NagPackSuppression wildcard(String finding, String reason) {
        return NagPackSuppression.builder()
                .id(WILDCARD_PERMISSIONS)
                .appliesTo(List.of("Resource::" + finding))
                .reason(reason)
                .build();
    }

    private static String logicalId(Stack stack, IConstruct construct) {
        return stack.getLogicalId((CfnElement) construct.getNode().getDefaultChild());
    }
}
