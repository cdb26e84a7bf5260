package org.requestslakehouse.deploy;

import java.util.List;
import software.amazon.awscdk.CfnCondition;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Fn;
import software.constructs.Construct;

/**
 * The stack's CloudFormation parameters: everything that differs between deployments of the same template. They
 * are parameters rather than CDK context so that the committed template is the single deployable artifact and a
 * deployment never needs a re-synthesis.
 */
public final class DeploymentParameters {
    /** Glue and Athena accept lower-case letters, digits and underscores; the job's config loader checks the same. */
    private static final String DATABASE_NAME_PATTERN = "^[a-z][a-z0-9_]{0,254}$";

    private final CfnParameter codeBucket;
    private final CfnParameter codeKey;
    private final CfnParameter bronzeDatabase;
    private final CfnParameter silverDatabase;
    private final CfnParameter goldDatabase;
    private final CfnParameter initialPosition;
    private final CfnParameter enhancedFanOut;
    private final CfnParameter parallelism;
    private final CfnParameter alarmEmail;
    private final CfnCondition hasAlarmEmail;

    public DeploymentParameters(Construct scope) {
        codeBucket = CfnParameter.Builder.create(scope, "CodeBucket")
                .type("String")
                .allowedPattern("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")
                .description("Existing S3 bucket holding the job jar. It must exist before the stack: the Flink "
                        + "application reads its code when it is created.")
                .build();
        codeKey = CfnParameter.Builder.create(scope, "CodeKey")
                .type("String")
                .minLength(1)
                .defaultValue("requests-lakehouse/requests-lakehouse-job.jar")
                .description("Object key of requests-lakehouse-job.jar in CodeBucket. Upload each build under a new "
                        + "key (e.g. with the commit id): the service reloads the code only when this value changes.")
                .build();
        bronzeDatabase = database(scope, "BronzeDatabase", "bronze", "raw events, as received");
        silverDatabase = database(scope, "SilverDatabase", "silver", "parsed service requests and rejected events");
        goldDatabase = database(scope, "GoldDatabase", "gold", "windowed aggregates and their watermarks");
        initialPosition = CfnParameter.Builder.create(scope, "InitialPosition")
                .type("String")
                .allowedValues(List.of("TRIM_HORIZON", "LATEST"))
                .defaultValue("TRIM_HORIZON")
                .description("Where the job starts reading the stream when it has no snapshot. TRIM_HORIZON "
                        + "keeps events published before the first start.")
                .build();
        enhancedFanOut = CfnParameter.Builder.create(scope, "EnhancedFanOut")
                .type("String")
                .allowedValues(List.of("false", "true"))
                .defaultValue("false")
                .description("Read through a dedicated enhanced fan-out consumer (extra cost; worth it only when "
                        + "other applications also read the stream).")
                .build();
        parallelism = CfnParameter.Builder.create(scope, "Parallelism")
                .type("Number")
                .minValue(1)
                .maxValue(64)
                .defaultValue(2)
                .description("Initial parallelism of the Flink job; autoscaling may raise it under load.")
                .build();
        alarmEmail = CfnParameter.Builder.create(scope, "AlarmEmail")
                .type("String")
                .allowedPattern("^$|^[^@\\s]+@[^@\\s]+$")
                .defaultValue("")
                .description("E-mail address subscribed to the alarm topic; leave empty to subscribe later.")
                .build();
        hasAlarmEmail = CfnCondition.Builder.create(scope, "HasAlarmEmail")
                .expression(Fn.conditionNot(Fn.conditionEquals(alarmEmail.getValueAsString(), "")))
                .build();
    }

    private static CfnParameter database(Construct scope, String id, String defaultName, String contents) {
        return CfnParameter.Builder.create(scope, id)
                .type("String")
                .allowedPattern(DATABASE_NAME_PATTERN)
                .defaultValue(defaultName)
                .description("Glue database for " + contents + ".")
                .build();
    }

    public String codeBucket() {
        return codeBucket.getValueAsString();
    }

    public String codeKey() {
        return codeKey.getValueAsString();
    }

    public String bronzeDatabase() {
        return bronzeDatabase.getValueAsString();
    }

    public String silverDatabase() {
        return silverDatabase.getValueAsString();
    }

    public String goldDatabase() {
        return goldDatabase.getValueAsString();
    }

    public String initialPosition() {
        return initialPosition.getValueAsString();
    }

    public String enhancedFanOut() {
        return enhancedFanOut.getValueAsString();
    }

    public Number parallelism() {
        return parallelism.getValueAsNumber();
    }

    public String alarmEmail() {
        return alarmEmail.getValueAsString();
    }

    public CfnCondition hasAlarmEmail() {
        return hasAlarmEmail;
    }
}
