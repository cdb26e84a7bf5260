package org.requestslakehouse.testing;

/**
 * Dummy credentials for kinesalite, which accepts any signature. They go into Java system properties because those
 * come first in the default provider chains of both SDK generations (v1 inside the Flink connector reads
 * {@code aws.secretKey}, v2 reads {@code aws.secretAccessKey}), so the code under test keeps using the default
 * chain and no developer's real credentials are picked up.
 */
public final class TestAwsCredentials {

    private TestAwsCredentials() {}

    public static void install() {
        System.setProperty("aws.accessKeyId", "kinesalite");
        System.setProperty("aws.secretKey", "kinesalite");
        System.setProperty("aws.secretAccessKey", "kinesalite");
    }
}
