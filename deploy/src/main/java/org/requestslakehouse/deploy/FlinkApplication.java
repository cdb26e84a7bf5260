package org.requestslakehouse.deploy;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kinesisanalyticsv2.CfnApplication;
import software.amazon.awscdk.services.kinesisanalyticsv2.CfnApplicationCloudWatchLoggingOption;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.LogStream;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The Managed Service for Apache Flink application running {@code requests-lakehouse-job.jar}, its service role
 * and its CloudWatch log stream.
 *
 * <p>Checkpointing, parallelism and autoscaling are configured here and not in the job: the service applies them
 * per application, and the job's entry point leaves them alone so that autoscaling can change parallelism.
 */
public final class FlinkApplication extends Construct {
    public static final String RUNTIME = "FLINK-1_20";
    public static final long CHECKPOINT_INTERVAL_MS = 60_000;
    /** Leaves the job at least this long between checkpoints to make progress when checkpoints run slow. */
    public static final long MIN_PAUSE_BETWEEN_CHECKPOINTS_MS = 10_000;

    /** What the application reads and writes; tokens at synthesis time. */
    public record Wiring(
            DeploymentParameters parameters, String streamArn, String dataBucketArn, String warehouse, IKey key) {}

    private final Role role;
    private final CfnApplication application;

    public FlinkApplication(Construct scope, String id, Wiring wiring) {
        super(scope, id);
        DeploymentParameters p = wiring.parameters();
        role = Role.Builder.create(this, "ServiceRole")
                .description("Service execution role of the requests-lakehouse Flink application")
                .assumedBy(new ServicePrincipal("kinesisanalytics.amazonaws.com")
                        .withConditions(
                                // Confused-deputy guard: only applications of this account may use the role.
                                Map.of("StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID))))
                // Inline, so the permissions exist before the application that checks them is created.
                .inlinePolicies(Map.of(
                        "FlinkApplication",
                        FlinkRolePolicy.document(new FlinkRolePolicy.Resources(
                                p.codeBucket(),
                                p.codeKey(),
                                wiring.streamArn(),
                                wiring.dataBucketArn(),
                                wiring.key().getKeyArn(),
                                List.of(p.bronzeDatabase(), p.silverDatabase(), p.goldDatabase())))))
                .build();

        LogGroup logGroup = LogGroup.Builder.create(this, "LogGroup")
                .logGroupName(ResourceNames.logGroup())
                .retention(RetentionDays.THREE_MONTHS)
                .encryptionKey(wiring.key())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        LogStream logStream = LogStream.Builder.create(this, "LogStream")
                .logGroup(logGroup)
                .logStreamName(ResourceNames.LOG_STREAM)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();

        application = CfnApplication.Builder.create(this, "Application")
                .applicationDescription(
                        "requests-lakehouse: Boston 311 request events from Kinesis to bronze/silver/gold Iceberg tables")
                .runtimeEnvironment(RUNTIME)
                .serviceExecutionRole(role.getRoleArn())
                .applicationConfiguration(CfnApplication.ApplicationConfigurationProperty.builder()
                        .applicationCodeConfiguration(code(p))
                        .environmentProperties(CfnApplication.EnvironmentPropertiesProperty.builder()
                                .propertyGroups(ApplicationProperties.groups(new ApplicationProperties.Inputs(
                                        wiring.streamArn(),
                                        p.initialPosition(),
                                        p.enhancedFanOut(),
                                        wiring.warehouse(),
                                        p.bronzeDatabase(),
                                        p.silverDatabase(),
                                        p.goldDatabase())))
                                .build())
                        .flinkApplicationConfiguration(flinkConfiguration(p))
                        // Snapshots carry keyed state (latest versions, open windows) across updates and restarts.
                        .applicationSnapshotConfiguration(
                                CfnApplication.ApplicationSnapshotConfigurationProperty.builder()
                                        .snapshotsEnabled(true)
                                        .build())
                        // A code or configuration update that fails to start rolls back to the previous version.
                        .applicationSystemRollbackConfiguration(
                                CfnApplication.ApplicationSystemRollbackConfigurationProperty.builder()
                                        .rollbackEnabled(true)
                                        .build())
                        .build())
                .runConfiguration(CfnApplication.RunConfigurationProperty.builder()
                        .applicationRestoreConfiguration(
                                CfnApplication.ApplicationRestoreConfigurationProperty.builder()
                                        .applicationRestoreType("RESTORE_FROM_LATEST_SNAPSHOT")
                                        .build())
                        // Dropping state silently would re-emit or lose silver/gold rows: refuse instead.
                        .flinkRunConfiguration(CfnApplication.FlinkRunConfigurationProperty.builder()
                                .allowNonRestoredState(false)
                                .build())
                        .build())
                .build();

        CfnApplicationCloudWatchLoggingOption logging = CfnApplicationCloudWatchLoggingOption.Builder.create(
                        this, "Logging")
                .applicationName(application.getRef())
                .cloudWatchLoggingOption(CfnApplicationCloudWatchLoggingOption.CloudWatchLoggingOptionProperty.builder()
                        .logStreamArn(ResourceNames.logStreamArn())
                        .build())
                .build();
        logging.getNode().addDependency(logStream);
    }

    private static CfnApplication.ApplicationCodeConfigurationProperty code(DeploymentParameters p) {
        return CfnApplication.ApplicationCodeConfigurationProperty.builder()
                .codeContentType("ZIPFILE")
                .codeContent(CfnApplication.CodeContentProperty.builder()
                        .s3ContentLocation(CfnApplication.S3ContentLocationProperty.builder()
                                .bucketArn(Fn.sub(
                                        "arn:${AWS::Partition}:s3:::${Bucket}", Map.of("Bucket", p.codeBucket())))
                                .fileKey(p.codeKey())
                                .build())
                        .build())
                .build();
    }

    private static CfnApplication.FlinkApplicationConfigurationProperty flinkConfiguration(DeploymentParameters p) {
        return CfnApplication.FlinkApplicationConfigurationProperty.builder()
                // Every checkpoint is an Iceberg commit: the interval is the data freshness of silver and gold.
                .checkpointConfiguration(CfnApplication.CheckpointConfigurationProperty.builder()
                        .configurationType("CUSTOM")
                        .checkpointingEnabled(true)
                        .checkpointInterval(CHECKPOINT_INTERVAL_MS)
                        .minPauseBetweenCheckpoints(MIN_PAUSE_BETWEEN_CHECKPOINTS_MS)
                        .build())
                // One slot per KPU: RocksDB state and Parquet writers both want the whole KPU's memory.
                .parallelismConfiguration(CfnApplication.ParallelismConfigurationProperty.builder()
                        .configurationType("CUSTOM")
                        .parallelism(p.parallelism())
                        .parallelismPerKpu(1)
                        .autoScalingEnabled(true)
                        .build())
                // Application-level metrics carry everything the alarms watch; finer levels multiply cost.
                .monitoringConfiguration(CfnApplication.MonitoringConfigurationProperty.builder()
                        .configurationType("CUSTOM")
                        .logLevel("INFO")
                        .metricsLevel("APPLICATION")
                        .build())
                .build();
    }

    /** The application name, which is also the {@code Application} dimension of its CloudWatch metrics. */
    public String applicationName() {
        return application.getRef();
    }

    public Role role() {
        return role;
    }
}
