package org.requestslakehouse.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/** The AwsSolutions pack of cdk-nag over the production stack. */
class CdkNagTest {
    private static final int MIN_REASON_LENGTH = 60;

    private final SynthesizedStack synthesized = SynthesizedStack.get();

    @Test
    void noUnsuppressedErrors() {
        List<SynthesisMessage> errors =
                Annotations.fromStack(synthesized.stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
        assertThat(describe(errors)).isEmpty();
    }

    @Test
    void noUnsuppressedWarnings() {
        List<SynthesisMessage> warnings =
                Annotations.fromStack(synthesized.stack).findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"));
        assertThat(describe(warnings)).isEmpty();
    }

    /** Without this, the two tests above would also pass if the pack were never applied. */
    @Test
    void packRanAndReportedExactlyTheSuppressedFindings() {
        List<SynthesisMessage> suppressed =
                Annotations.fromStack(synthesized.stack).findInfo("*", Match.stringLikeRegexp("AwsSolutions-.*"));
        Map<String, Long> byRule = suppressed.stream()
                .map(m -> String.valueOf(m.getEntry().getData())
                        .replaceAll("(?s)^.*?(AwsSolutions-[A-Za-z0-9]+).*$", "$1"))
                .collect(Collectors.groupingBy(rule -> rule, TreeMap::new, Collectors.counting()));
        assertThat(byRule).containsExactlyEntriesOf(Map.of("AwsSolutions-IAM5", 7L));
    }

    @Test
    void everySuppressionIsJustifiedAndWildcardSuppressionsNameTheirFinding() {
        List<String> problems = new ArrayList<>();
        int count = 0;
        for (Map.Entry<String, JsonNode> resource :
                synthesized.json.get("Resources").properties()) {
            for (JsonNode rule :
                    resource.getValue().path("Metadata").path("cdk_nag").path("rules_to_suppress")) {
                count++;
                String id = rule.path("id").asText();
                if (rule.path("reason").asText().strip().length() < MIN_REASON_LENGTH) {
                    problems.add(resource.getKey() + " " + id + ": reason shorter than " + MIN_REASON_LENGTH
                            + " characters");
                }
                if (id.equals("AwsSolutions-IAM5") && rule.path("applies_to").isEmpty()) {
                    problems.add(resource.getKey() + " " + id + ": suppresses every wildcard instead of naming one");
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(count).isEqualTo(7);
    }

    private static List<String> describe(List<SynthesisMessage> messages) {
        return messages.stream()
                .map(m -> m.getId() + ": " + m.getEntry().getData())
                .collect(Collectors.toList());
    }
}
