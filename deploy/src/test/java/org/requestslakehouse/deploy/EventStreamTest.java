package org.requestslakehouse.deploy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EventStreamTest {
    private final SynthesizedStack synthesized = SynthesizedStack.get();

    @Test
    void streamIsOnDemandEncryptedAndKeepsAWeek() {
        synthesized.template.resourceCountIs("AWS::Kinesis::Stream", 1);
        synthesized.template.hasResourceProperties(
                "AWS::Kinesis::Stream",
                Map.of(
                        "StreamModeDetails", Map.of("StreamMode", "ON_DEMAND"),
                        "StreamEncryption", Map.of("EncryptionType", "KMS", "KeyId", "alias/aws/kinesis"),
                        "RetentionPeriodHours", 168));
    }
}
