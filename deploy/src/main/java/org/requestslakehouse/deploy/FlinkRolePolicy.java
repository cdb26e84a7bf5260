package org.requestslakehouse.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * What the Flink application may do, statement by statement, each on the narrowest resource the service's
 * authorisation model allows. Nothing is granted on {@code "*"}: the application needs no CloudWatch permission
 * because Managed Service for Apache Flink publishes the job's metrics itself, outside the application role.
 *
 * <p>Deliberately absent: {@code glue:CreateDatabase} (the stack creates the databases, so the job only finds
 * them), {@code glue:GetDatabases}/{@code glue:GetTables} (the job looks tables up by name, never lists them),
 * {@code glue:DeleteTable} (the job never drops tables), and any write to the stream.
 */
public final class FlinkRolePolicy {
    /** Inputs that name the resources; all are CloudFormation tokens at synthesis time. */
    public record Resources(
            String codeBucket,
            String codeKey,
            String streamArn,
            String dataBucketArn,
            String keyArn,
            List<String> databases) {}

    private FlinkRolePolicy() {}

    public static PolicyDocument document(Resources r) {
        return PolicyDocument.Builder.create()
                .statements(List.of(
                        readApplicationCode(r),
                        readStream(r),
                        useStreamConsumer(r),
                        listWarehouse(r),
                        readWriteWarehouse(r),
                        useDataKey(r),
                        findDatabases(r),
                        readWriteTables(r),
                        findLogGroups(),
                        describeLogStreams(),
                        writeLogs()))
                .build();
    }

    private static PolicyStatement readApplicationCode(Resources r) {
        return allow(
                "ReadApplicationCode",
                List.of("s3:GetObject", "s3:GetObjectVersion"),
                List.of("arn:" + Aws.PARTITION + ":s3:::" + r.codeBucket() + "/" + r.codeKey()));
    }

    private static PolicyStatement readStream(Resources r) {
        return allow(
                "ReadEventStream",
                List.of(
                        "kinesis:DescribeStream",
                        "kinesis:DescribeStreamSummary",
                        "kinesis:GetRecords",
                        "kinesis:GetShardIterator",
                        "kinesis:ListShards",
                        "kinesis:RegisterStreamConsumer",
                        "kinesis:ListStreamConsumers"),
                List.of(r.streamArn()));
    }

    /**
     * Enhanced fan-out: the source registers its consumer on start, reads through it, and deregisters it when the
     * job stops. Consumer names are chosen by the job, hence the wildcard below this one stream.
     */
    private static PolicyStatement useStreamConsumer(Resources r) {
        return allow(
                "UseEventStreamConsumer",
                List.of(
                        "kinesis:DescribeStreamConsumer",
                        "kinesis:SubscribeToShard",
                        "kinesis:DeregisterStreamConsumer"),
                List.of(r.streamArn() + "/consumer/*"));
    }

    private static PolicyStatement listWarehouse(Resources r) {
        return PolicyStatement.Builder.create()
                .sid("ListWarehouse")
                .effect(Effect.ALLOW)
                .actions(List.of("s3:ListBucket"))
                .resources(List.of(r.dataBucketArn()))
                .conditions(Map.of(
                        "StringLike",
                        Map.of("s3:prefix", List.of(DataLake.WAREHOUSE_PREFIX, DataLake.WAREHOUSE_PREFIX + "*"))))
                .build();
    }

    /**
     * Iceberg writes data and metadata files, reads them back when committing and loading tables, and deletes
     * superseded metadata and files of expired snapshots. Large files go up in multipart uploads.
     */
    private static PolicyStatement readWriteWarehouse(Resources r) {
        return allow(
                "ReadWriteWarehouseObjects",
                List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"),
                List.of(r.dataBucketArn() + "/" + DataLake.WAREHOUSE_PREFIX + "*"));
    }

    /** The data bucket is SSE-KMS: reading needs Decrypt, writing needs a data key, and only through S3. */
    private static PolicyStatement useDataKey(Resources r) {
        return PolicyStatement.Builder.create()
                .sid("UseDataKeyThroughS3")
                .effect(Effect.ALLOW)
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey"))
                .resources(List.of(r.keyArn()))
                .conditions(Map.of("StringEquals", Map.of("kms:ViaService", Fn.sub("s3.${AWS::Region}.amazonaws.com"))))
                .build();
    }

    private static PolicyStatement findDatabases(Resources r) {
        List<String> resources = new ArrayList<>();
        resources.add(catalogArn());
        for (String database : r.databases()) {
            resources.add(databaseArn(database));
        }
        return allow("FindLakehouseDatabases", List.of("glue:GetDatabase"), resources);
    }

    /** Glue authorises table calls against the catalog, the database and the table together. */
    private static PolicyStatement readWriteTables(Resources r) {
        List<String> resources = new ArrayList<>();
        resources.add(catalogArn());
        for (String database : r.databases()) {
            resources.add(databaseArn(database));
            resources.add(glueArn("table/" + database + "/*"));
        }
        return allow(
                "ReadWriteLakehouseTables",
                List.of("glue:GetTable", "glue:CreateTable", "glue:UpdateTable"),
                resources);
    }

    /** The service checks that the configured log group exists; DescribeLogGroups has no narrower resource. */
    private static PolicyStatement findLogGroups() {
        return allow(
                "FindLogGroups",
                List.of("logs:DescribeLogGroups"),
                List.of(Fn.sub("arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:*")));
    }

    private static PolicyStatement describeLogStreams() {
        return allow(
                "DescribeApplicationLogStreams",
                List.of("logs:DescribeLogStreams"),
                List.of(ResourceNames.logGroupArn() + ":log-stream:*"));
    }

    private static PolicyStatement writeLogs() {
        return allow("WriteApplicationLogs", List.of("logs:PutLogEvents"), List.of(ResourceNames.logStreamArn()));
    }

    private static String catalogArn() {
        return glueArn("catalog");
    }

    private static String databaseArn(String database) {
        return glueArn("database/" + database);
    }

    /** Plain concatenation renders as Fn::Join, which cdk-nag and reviewers read as a readable ARN. */
    private static String glueArn(String resource) {
        return "arn:" + Aws.PARTITION + ":glue:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":" + resource;
    }

    private static PolicyStatement allow(String sid, List<String> actions, List<String> resources) {
        return PolicyStatement.Builder.create()
                .sid(sid)
                .effect(Effect.ALLOW)
                .actions(actions)
                .resources(resources)
                .build();
    }
}
