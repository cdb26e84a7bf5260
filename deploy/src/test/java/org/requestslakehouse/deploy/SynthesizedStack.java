package org.requestslakehouse.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.assertions.Template;

/**
 * The production app synthesised once per test JVM: starting the jsii runtime and synthesising take seconds, and
 * every test class reads the same immutable result. cdk-nag runs as in {@code cdk synth}, except that it writes
 * no report files and records suppressed findings as info annotations (proof that the pack really ran).
 */
final class SynthesizedStack {
    private static SynthesizedStack instance;

    final RequestsLakehouseStack stack;
    final Template template;
    final JsonNode json;

    private SynthesizedStack() {
        App app = RequestsLakehouseApp.newApp();
        stack = RequestsLakehouseApp.define(app);
        Aspects.of(app)
                .add(AwsSolutionsChecks.Builder.create()
                        .verbose(true)
                        .reports(false)
                        .logIgnores(true)
                        .build());
        template = Template.fromStack(stack);
        json = TemplateJson.tree(template.toJSON());
    }

    static synchronized SynthesizedStack get() {
        if (instance == null) {
            instance = new SynthesizedStack();
        }
        return instance;
    }
}
