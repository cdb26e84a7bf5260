package org.requestslakehouse.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/**
 * deploy/requests-lakehouse.template.json is what `aws cloudformation deploy` and the deploy workflow use, so it
 * must be exactly what the CDK code synthesises. Run with -Dtemplate.update=true to rewrite it.
 */
class CommittedTemplateTest {
    private static final String REGENERATE =
            "deploy/requests-lakehouse.template.json is out of date with the CDK code. Regenerate it with\n"
                    + "    mvn -B -f deploy/pom.xml test -Dtest=CommittedTemplateTest -Dtemplate.update=true\n"
                    + "and commit the result.";

    private final SynthesizedStack synthesized = SynthesizedStack.get();

    @Test
    void committedTemplateIsTheFreshSynthesis() throws IOException {
        Path file = Paths.get(System.getProperty("template.file", "requests-lakehouse.template.json"));
        String fresh = TemplateJson.format(synthesized.template.toJSON());
        if (Boolean.getBoolean("template.update")) {
            Files.writeString(file, fresh, StandardCharsets.UTF_8);
        }
        assertThat(file).as(REGENERATE).exists();
        String committed = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(TemplateJson.differences(TemplateJson.parse(committed), TemplateJson.parse(fresh), 20))
                .as(REGENERATE + "\nDifferences (committed -> synthesised):")
                .isEmpty();
        assertThat(committed).as("Formatting differs; " + REGENERATE).isEqualTo(fresh);
    }

    @Test
    void synthesisIsDeterministic() {
        RequestsLakehouseStack again = RequestsLakehouseApp.define(RequestsLakehouseApp.newApp());
        String second = TemplateJson.format(Template.fromStack(again).toJSON());
        assertThat(second).isEqualTo(TemplateJson.format(synthesized.template.toJSON()));
    }
}
