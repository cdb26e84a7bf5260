package org.requestslakehouse.sources;

import java.time.Duration;
import org.requestslakehouse.config.ConfigException;
import org.requestslakehouse.config.KinesisConfig;
import org.requestslakehouse.config.KinesisSettings;
import org.requestslakehouse.config.SourceConfig.SourceType;
import org.requestslakehouse.config.SourceSettings;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * Start-up check that the configured stream exists and can be described with the default credentials. Without it
 * a wrong endpoint, region or stream name surfaces only after the consumer's own retries, as a job failure deep in
 * a restart loop; here it is one clear error naming the setting to fix, within a bounded time.
 */
public final class KinesisPreflight {

    private KinesisPreflight() {}

    /**
     * @param timeout bound for the whole check, the SDK's retries included
     * @throws KinesisPreflightException if the endpoint does not answer in time, no credentials are found, the
     *                                   caller may not describe the stream, or the stream is missing or not readable
     */
    public static void check(KinesisConfig config, Duration timeout) {
        if (config.region() == null) {
            throw ConfigException.missing(
                    KinesisSettings.REGION.qualified(),
                    "an AWS region such as eu-west-1 when " + SourceSettings.TYPE.is(SourceType.KINESIS));
        }
        StreamStatus status;
        try (KinesisClient client = KinesisClients.create(config.region(), config.endpoint(), timeout, 1)) {
            status = client.describeStreamSummary(r -> r.streamName(config.stream()))
                    .streamDescriptionSummary()
                    .streamStatus();
        } catch (ResourceNotFoundException e) {
            throw new KinesisPreflightException(
                    "Stream " + config.stream() + " named by " + KinesisSettings.STREAM.qualified()
                            + " does not exist at " + where(config) + "; create it first",
                    e);
        } catch (AwsServiceException e) {
            throw new KinesisPreflightException(
                    "Kinesis at " + where(config) + " refused to describe the stream named by "
                            + KinesisSettings.STREAM.is(config.stream()) + " ("
                            + e.awsErrorDetails().errorCode()
                            + "): check the IAM permissions of the "
                            + "credentials found by the AWS default provider chain",
                    e);
        } catch (ApiCallTimeoutException e) {
            throw unreachable(config, timeout, e);
        } catch (SdkClientException e) {
            if (isMissingCredentials(e)) {
                throw new KinesisPreflightException(
                        "No AWS credentials found for Kinesis at " + where(config)
                                + ": the default provider chain (environment, system properties, profile, web identity, "
                                + "container or instance role) found none",
                        e);
            }
            throw unreachable(config, timeout, e);
        }
        if (status != StreamStatus.ACTIVE && status != StreamStatus.UPDATING) {
            throw new KinesisPreflightException(
                    "Stream " + config.stream() + " named by " + KinesisSettings.STREAM.qualified() + " is " + status
                            + " at " + where(config) + ": it must be ACTIVE to be read",
                    null);
        }
    }

    private static KinesisPreflightException unreachable(KinesisConfig config, Duration timeout, Exception e) {
        return new KinesisPreflightException(
                "Cannot reach Kinesis at " + where(config) + " within " + timeout.toMillis() + " ms to describe "
                        + KinesisSettings.STREAM.is(config.stream()) + ": " + rootMessage(e),
                e);
    }

    private static String where(KinesisConfig config) {
        return config.endpoint() != null
                ? KinesisSettings.ENDPOINT.is(config.endpoint()) + " (" + KinesisSettings.REGION.is(config.region())
                        + ")"
                : "the AWS endpoint of " + KinesisSettings.REGION.is(config.region());
    }

    /** The SDK reports an empty provider chain only through the message of a plain client exception. */
    private static boolean isMissingCredentials(SdkClientException e) {
        return e.getMessage() != null && e.getMessage().startsWith("Unable to load credentials");
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
