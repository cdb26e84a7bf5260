package org.requestslakehouse.deploy;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.DefaultStackSynthesizer;
import software.amazon.awscdk.StackProps;

/**
 * CDK entry point ({@code cdk synth}, {@code cdk deploy}; see cdk.json) and the one place where the app is put
 * together, so the tests synthesise exactly what is deployed.
 */
public final class RequestsLakehouseApp {
    public static final String STACK_NAME = "RequestsLakehouse";

    /**
     * Given with precedence over anything the CDK CLI passes, so a CLI synthesis and the committed template are
     * the same: no construct-path or version metadata (they change with the toolkit, not with the stack), and
     * server access logs granted through the log bucket's policy rather than ACLs (ACLs are disabled).
     */
    static final Map<String, Object> FIXED_CONTEXT = Map.of(
            "aws:cdk:enable-path-metadata", false,
            "aws:cdk:enable-asset-metadata", false,
            "aws:cdk:version-reporting", false,
            "@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy", true);

    private RequestsLakehouseApp() {}

    /** Synthesises into cdk.out, failing on any unsuppressed cdk-nag error; reports go next to the template. */
    public static void main(String[] args) {
        App app = newApp();
        define(app);
        Aspects.of(app).add(AwsSolutionsChecks.Builder.create().verbose(true).build());
        app.synth();
    }

    public static App newApp() {
        return new App(AppProps.builder()
                .postCliContext(FIXED_CONTEXT)
                .analyticsReporting(false)
                .build());
    }

    public static RequestsLakehouseStack define(App app) {
        return new RequestsLakehouseStack(
                app,
                STACK_NAME,
                StackProps.builder()
                        .description("requests-lakehouse: Kinesis -> Managed Service for Apache Flink -> Iceberg on S3 "
                                + "(Glue catalog), alarms, Athena")
                        // No account or region: one environment-agnostic template, deployable anywhere with
                        // parameters. No bootstrap-version parameter or rule either, so `aws cloudformation deploy`
                        // works in accounts that never ran `cdk bootstrap` (the stack has no assets that would need
                        // the bootstrap bucket).
                        .synthesizer(DefaultStackSynthesizer.Builder.create()
                                .generateBootstrapVersionRule(false)
                                .build())
                        .analyticsReporting(false)
                        .build());
    }
}
