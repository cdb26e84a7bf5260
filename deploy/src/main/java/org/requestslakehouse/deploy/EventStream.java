package org.requestslakehouse.deploy;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kinesis.Stream;
import software.amazon.awscdk.services.kinesis.StreamEncryption;
import software.amazon.awscdk.services.kinesis.StreamMode;
import software.constructs.Construct;

/** The Kinesis data stream that producers publish request events to (one JSON object per record). */
public final class EventStream {
    private EventStream() {}

    public static Stream create(Construct scope, String id) {
        return Stream.Builder.create(scope, id)
                // 311 traffic is bursty (bulk replays, storms) and small on average: no shard planning.
                .streamMode(StreamMode.ON_DEMAND)
                // aws/kinesis: see EncryptionKey for why the stream does not use the customer-managed key.
                .encryption(StreamEncryption.MANAGED)
                // A week covers a job outage over a long weekend; bronze, not the stream, is the archive.
                .retentionPeriod(Duration.days(7))
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
    }
}
