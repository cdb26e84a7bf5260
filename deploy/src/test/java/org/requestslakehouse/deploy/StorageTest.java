package org.requestslakehouse.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class StorageTest {
    private final SynthesizedStack synthesized = SynthesizedStack.get();
    private final Template template = synthesized.template;

    private static final Map<String, Object> BLOCK_ALL = Map.of(
            "BlockPublicAcls",
            true,
            "BlockPublicPolicy",
            true,
            "IgnorePublicAcls",
            true,
            "RestrictPublicBuckets",
            true);

    @Test
    void dataBucketIsKmsEncryptedPrivateVersionedAndLogged() {
        template.hasResource(
                "AWS::S3::Bucket",
                Map.of(
                        "DeletionPolicy", "Retain",
                        "UpdateReplacePolicy", "Retain",
                        "Properties",
                                Match.objectLike(Map.of(
                                        "BucketEncryption",
                                                Map.of(
                                                        "ServerSideEncryptionConfiguration",
                                                        List.of(Map.of(
                                                                "BucketKeyEnabled",
                                                                true,
                                                                "ServerSideEncryptionByDefault",
                                                                Map.of(
                                                                        "SSEAlgorithm",
                                                                        "aws:kms",
                                                                        "KMSMasterKeyID",
                                                                        Map.of(
                                                                                "Fn::GetAtt",
                                                                                List.of(keyId(), "Arn")))))),
                                        "PublicAccessBlockConfiguration", BLOCK_ALL,
                                        "VersioningConfiguration", Map.of("Status", "Enabled"),
                                        "OwnershipControls",
                                                Map.of(
                                                        "Rules",
                                                        List.of(Map.of("ObjectOwnership", "BucketOwnerEnforced"))),
                                        "LoggingConfiguration",
                                                Map.of(
                                                        "DestinationBucketName",
                                                        Map.of("Ref", accessLogBucketId()),
                                                        "LogFilePrefix",
                                                        "data-bucket/")))));
    }

    @Test
    void dataBucketLifecycleCleansUpWithoutTouchingCurrentTableFiles() {
        JsonNode rules = bucket(dataBucketId()).path("LifecycleConfiguration").path("Rules");
        assertThat(rules.toString())
                .isEqualTo(
                        "["
                                + "{\"AbortIncompleteMultipartUpload\":{\"DaysAfterInitiation\":7},\"Id\":\"AbortIncompleteMultipartUploads\",\"Status\":\"Enabled\"},"
                                + "{\"ExpiredObjectDeleteMarker\":true,\"Id\":\"ExpireNoncurrentVersions\",\"NoncurrentVersionExpiration\":{\"NoncurrentDays\":30},\"Status\":\"Enabled\"},"
                                + "{\"ExpirationInDays\":30,\"Id\":\"ExpireAthenaResults\",\"Prefix\":\"athena-results/\",\"Status\":\"Enabled\"}]");
    }

    @Test
    void accessLogBucketIsS3EncryptedPrivateAndRetained() {
        template.hasResource(
                "AWS::S3::Bucket",
                Map.of(
                        "DeletionPolicy",
                        "Retain",
                        "Properties",
                        Match.objectLike(Map.of(
                                "BucketEncryption",
                                        Map.of(
                                                "ServerSideEncryptionConfiguration",
                                                List.of(Map.of(
                                                        "ServerSideEncryptionByDefault",
                                                        Map.of("SSEAlgorithm", "AES256")))),
                                "PublicAccessBlockConfiguration", BLOCK_ALL,
                                "LifecycleConfiguration",
                                        Map.of(
                                                "Rules",
                                                List.of(Map.of(
                                                        "Id",
                                                        "ExpireAccessLogs",
                                                        "ExpirationInDays",
                                                        365,
                                                        "Status",
                                                        "Enabled")))))));
        template.resourceCountIs("AWS::S3::Bucket", 2);
    }

    @Test
    void bothBucketsRefuseRequestsWithoutTls() {
        for (String bucket : List.of(dataBucketId(), accessLogBucketId())) {
            template.hasResourceProperties(
                    "AWS::S3::BucketPolicy",
                    Map.of(
                            "Bucket", Map.of("Ref", bucket),
                            "PolicyDocument",
                                    Match.objectLike(Map.of(
                                            "Statement",
                                            Match.arrayWith(List.of(Match.objectLike(Map.of(
                                                    "Effect", "Deny",
                                                    "Action", "s3:*",
                                                    "Condition",
                                                            Map.of(
                                                                    "Bool",
                                                                    Map.of("aws:SecureTransport", "false"))))))))));
        }
    }

    @Test
    void serverAccessLogsAreDeliveredByBucketPolicyNotAcl() {
        template.hasResourceProperties(
                "AWS::S3::BucketPolicy",
                Map.of(
                        "Bucket", Map.of("Ref", accessLogBucketId()),
                        "PolicyDocument",
                                Match.objectLike(Map.of(
                                        "Statement",
                                        Match.arrayWith(List.of(Match.objectLike(Map.of(
                                                "Effect",
                                                "Allow",
                                                "Action",
                                                "s3:PutObject",
                                                "Principal",
                                                Map.of("Service", "logging.s3.amazonaws.com"),
                                                "Condition",
                                                Match.objectLike(Map.of(
                                                        "ArnLike",
                                                        Map.of(
                                                                "aws:SourceArn",
                                                                Map.of(
                                                                        "Fn::GetAtt",
                                                                        List.of(dataBucketId(), "Arn")))))))))))));
    }

    @Test
    void keyRotatesAndOutlivesTheStack() {
        template.hasResource(
                "AWS::KMS::Key",
                Map.of(
                        "DeletionPolicy",
                        "Retain",
                        "Properties",
                        Match.objectLike(Map.of("EnableKeyRotation", true, "PendingWindowInDays", 30))));
    }

    @Test
    void keyLetsCloudWatchLogsUseItOnlyForTheApplicationLogGroup() {
        template.hasResourceProperties(
                "AWS::KMS::Key",
                Map.of(
                        "KeyPolicy",
                        Match.objectLike(
                                Map.of(
                                        "Statement",
                                        Match.arrayWith(
                                                List.of(
                                                        Match.objectLike(
                                                                Map.of(
                                                                        "Sid",
                                                                                "CloudWatchLogsEncryptApplicationLogGroup",
                                                                        "Principal",
                                                                                Map.of(
                                                                                        "Service",
                                                                                        Map.of(
                                                                                                "Fn::Sub",
                                                                                                "logs.${AWS::Region}.amazonaws.com")),
                                                                        "Condition",
                                                                                Map.of(
                                                                                        "ArnEquals",
                                                                                        Map.of(
                                                                                                "kms:EncryptionContext:aws:logs:arn",
                                                                                                Map.of(
                                                                                                        "Fn::Sub",
                                                                                                        "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/kinesis-analytics/${AWS::StackName}")))))))))));
    }

    @Test
    void glueDatabasesAreParameterisedAndLiveInTheWarehouse() {
        template.resourceCountIs("AWS::Glue::Database", 3);
        for (String parameter : List.of("BronzeDatabase", "SilverDatabase", "GoldDatabase")) {
            template.hasResource(
                    "AWS::Glue::Database",
                    Map.of(
                            "DeletionPolicy",
                            "Retain",
                            "Properties",
                            Map.of(
                                    "CatalogId", Map.of("Ref", "AWS::AccountId"),
                                    "DatabaseInput",
                                            Match.objectLike(Map.of(
                                                    "Name", Map.of("Ref", parameter),
                                                    "LocationUri",
                                                            Map.of(
                                                                    "Fn::Sub",
                                                                    List.of(
                                                                            "s3://${Bucket}/warehouse/${Database}.db",
                                                                            Map.of(
                                                                                    "Bucket",
                                                                                            Map.of(
                                                                                                    "Ref",
                                                                                                    dataBucketId()),
                                                                                    "Database",
                                                                                            Map.of(
                                                                                                    "Ref",
                                                                                                    parameter)))))))));
        }
        template.hasParameter(
                "BronzeDatabase", Map.of("Default", "bronze", "AllowedPattern", "^[a-z][a-z0-9_]{0,254}$"));
        template.hasParameter(
                "SilverDatabase", Map.of("Default", "silver", "AllowedPattern", "^[a-z][a-z0-9_]{0,254}$"));
        template.hasParameter("GoldDatabase", Map.of("Default", "gold", "AllowedPattern", "^[a-z][a-z0-9_]{0,254}$"));
    }

    private JsonNode bucket(String logicalId) {
        return synthesized.json.path("Resources").path(logicalId).path("Properties");
    }

    private String keyId() {
        return TemplateIds.only(template, "AWS::KMS::Key");
    }

    private String dataBucketId() {
        return TemplateIds.of(synthesized.stack, "DataLake", "DataBucket");
    }

    private String accessLogBucketId() {
        return TemplateIds.of(synthesized.stack, "DataLake", "AccessLogBucket");
    }
}
