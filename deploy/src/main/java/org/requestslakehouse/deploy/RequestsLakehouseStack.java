package org.requestslakehouse.deploy;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.kinesis.Stream;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * The whole production stack: encrypted S3 lakehouse with Glue databases, the Kinesis input stream, the Managed
 * Service for Apache Flink application with a least-privilege role, alarms, and an Athena workgroup.
 */
public final class RequestsLakehouseStack extends Stack {
    private final DataLake lake;
    private final Stream stream;
    private final FlinkApplication flink;
    private final ApplicationAlarms alarms;
    private final AnalyticsWorkGroup analytics;

    public RequestsLakehouseStack(Construct scope, String id, StackProps props) {
        super(scope, id, props);
        DeploymentParameters parameters = new DeploymentParameters(this);
        Key key = EncryptionKey.create(this, "LakehouseKey");
        lake = new DataLake(this, "DataLake", key, parameters);
        stream = EventStream.create(this, "EventStream");
        flink = new FlinkApplication(
                this,
                "Flink",
                new FlinkApplication.Wiring(
                        parameters,
                        stream.getStreamArn(),
                        lake.dataBucket().getBucketArn(),
                        lake.warehouseLocation(),
                        key));
        alarms = new ApplicationAlarms(this, "Alarms", flink.applicationName(), key, parameters);
        analytics = new AnalyticsWorkGroup(this, "Analytics", lake, key, parameters);
        NagFindings.suppressJustified(this, lake, stream, flink);
        outputs();
    }

    private void outputs() {
        output(
                "DataBucketName",
                lake.dataBucket().getBucketName(),
                "Bucket holding the Iceberg warehouse and Athena results");
        output("WarehouseLocation", lake.warehouseLocation(), "Iceberg warehouse (catalog.warehouse)");
        output("StreamName", stream.getStreamName(), "Kinesis stream to publish request events to");
        output("StreamArn", stream.getStreamArn(), "ARN of the Kinesis stream");
        output(
                "ApplicationName",
                flink.applicationName(),
                "Managed Service for Apache Flink application (start it with aws kinesisanalyticsv2 start-application)");
        output("AthenaWorkGroup", analytics.workGroupName(), "Athena workgroup with the saved gold queries");
        output(
                "AlarmTopicArn",
                alarms.topic().getTopicArn(),
                "SNS topic the alarms notify; subscribe more endpoints here");
        output("LogGroupName", ResourceNames.logGroup(), "CloudWatch log group of the Flink application");
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }
}
