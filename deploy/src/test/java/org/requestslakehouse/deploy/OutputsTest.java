package org.requestslakehouse.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

class OutputsTest {
    private final SynthesizedStack synthesized = SynthesizedStack.get();
    private final Template template = synthesized.template;

    @Test
    void exposesWhatProducersOperatorsAndAnalystsNeed() {
        List<String> names = new ArrayList<>();
        synthesized.json.path("Outputs").fieldNames().forEachRemaining(names::add);
        assertThat(names)
                .containsExactly(
                        "DataBucketName",
                        "WarehouseLocation",
                        "StreamName",
                        "StreamArn",
                        "ApplicationName",
                        "AthenaWorkGroup",
                        "AlarmTopicArn",
                        "LogGroupName");
        template.hasOutput(
                "ApplicationName",
                Map.of("Value", Map.of("Ref", TemplateIds.only(template, "AWS::KinesisAnalyticsV2::Application"))));
        template.hasOutput(
                "StreamName", Map.of("Value", Map.of("Ref", TemplateIds.only(template, "AWS::Kinesis::Stream"))));
        template.hasOutput(
                "DataBucketName",
                Map.of("Value", Map.of("Ref", TemplateIds.of(synthesized.stack, "DataLake", "DataBucket"))));
        template.hasOutput(
                "AthenaWorkGroup",
                Map.of("Value", Map.of("Ref", TemplateIds.only(template, "AWS::Athena::WorkGroup"))));
    }

    @Test
    void codeLocationIsAParameterNotAnAsset() {
        template.hasParameter("CodeBucket", Map.of("Type", "String"));
        template.hasParameter("CodeKey", Map.of("Default", "requests-lakehouse/requests-lakehouse-job.jar"));
        assertThat(synthesized.json.path("Parameters").has("BootstrapVersion")).isFalse();
        assertThat(synthesized.json.has("Rules")).isFalse();
        assertThat(synthesized.json.toString()).doesNotContain("cdk-hnb659fds-assets", "aws:cdk:path", "CDKMetadata");
    }
}
