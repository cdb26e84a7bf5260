package org.requestslakehouse.deploy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.glue.CfnDatabase;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * Where the tables live: the data bucket (Iceberg warehouse under {@code warehouse/}, Athena results under
 * {@code athena-results/}), its access-log bucket, and the bronze/silver/gold Glue databases.
 *
 * <p>Everything here is retained when the stack is deleted: it is the system of record.
 */
public final class DataLake extends Construct {
    public static final String WAREHOUSE_PREFIX = "warehouse/";
    public static final String ATHENA_RESULTS_PREFIX = "athena-results/";

    private final Bucket dataBucket;
    private final Bucket accessLogBucket;

    public DataLake(Construct scope, String id, IKey key, DeploymentParameters parameters) {
        super(scope, id);
        accessLogBucket = Bucket.Builder.create(this, "AccessLogBucket")
                // S3 delivers server access logs only to buckets with S3-managed encryption.
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .enforceSsl(true)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .id("ExpireAccessLogs")
                        .expiration(Duration.days(365))
                        .build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        dataBucket = Bucket.Builder.create(this, "DataBucket")
                .encryption(BucketEncryption.KMS)
                .encryptionKey(key)
                // One data key per bucket instead of one KMS request per object: the writer creates many files.
                .bucketKeyEnabled(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .enforceSsl(true)
                // Iceberg deletes files when snapshots expire; versioning keeps them recoverable for a while.
                .versioned(true)
                .serverAccessLogsBucket(accessLogBucket)
                .serverAccessLogsPrefix("data-bucket/")
                .lifecycleRules(dataLifecycle())
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        database("BronzeDatabase", parameters.bronzeDatabase(), "Raw 311 request events as received (Iceberg).");
        database(
                "SilverDatabase",
                parameters.silverDatabase(),
                "Parsed and de-duplicated 311 service requests, rejected events (Iceberg).");
        database(
                "GoldDatabase",
                parameters.goldDatabase(),
                "Hourly and daily 311 aggregates with their completeness watermarks (Iceberg).");
    }

    /**
     * No storage-class transitions: the warehouse is many small files that compaction rewrites, so per-object
     * transition charges would outweigh the savings; only leftovers expire.
     */
    private static List<LifecycleRule> dataLifecycle() {
        return List.of(
                LifecycleRule.builder()
                        .id("AbortIncompleteMultipartUploads")
                        .abortIncompleteMultipartUploadAfter(Duration.days(7))
                        .build(),
                LifecycleRule.builder()
                        .id("ExpireNoncurrentVersions")
                        .noncurrentVersionExpiration(Duration.days(30))
                        .expiredObjectDeleteMarker(true)
                        .build(),
                LifecycleRule.builder()
                        .id("ExpireAthenaResults")
                        .prefix(ATHENA_RESULTS_PREFIX)
                        .expiration(Duration.days(30))
                        .build());
    }

    /**
     * The location follows Iceberg's Glue catalog convention ({@code <warehouse>/<db>.db}), so tables land under
     * the warehouse prefix that the application role may write.
     */
    private void database(String id, String name, String description) {
        CfnDatabase database = CfnDatabase.Builder.create(this, id)
                .catalogId(Aws.ACCOUNT_ID)
                .databaseInput(CfnDatabase.DatabaseInputProperty.builder()
                        .name(name)
                        .description(description)
                        .locationUri(Fn.sub(
                                "s3://${Bucket}/" + WAREHOUSE_PREFIX + "${Database}.db",
                                // Sorted: Map.of iterates in a per-JVM random order, which would reorder the template.
                                new TreeMap<>(Map.of("Bucket", dataBucket.getBucketName(), "Database", name))))
                        .build())
                .build();
        // Deleting a Glue database drops its tables' metadata; the Iceberg files would survive but be orphaned.
        database.applyRemovalPolicy(RemovalPolicy.RETAIN);
    }

    public Bucket dataBucket() {
        return dataBucket;
    }

    /** The {@code catalog.warehouse} value the job needs. */
    public String warehouseLocation() {
        return Fn.sub("s3://${Bucket}/warehouse", Map.of("Bucket", dataBucket.getBucketName()));
    }

    public String athenaResultsLocation() {
        return Fn.sub("s3://${Bucket}/" + ATHENA_RESULTS_PREFIX, Map.of("Bucket", dataBucket.getBucketName()));
    }
}
