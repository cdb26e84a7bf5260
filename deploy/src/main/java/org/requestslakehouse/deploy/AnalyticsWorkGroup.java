package org.requestslakehouse.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.services.athena.CfnNamedQuery;
import software.amazon.awscdk.services.athena.CfnWorkGroup;
import software.amazon.awscdk.services.kms.IKey;
import software.constructs.Construct;

/**
 * The Athena workgroup for querying the lakehouse, with its settings enforced (clients cannot send results
 * elsewhere or unencrypted), and the saved queries over gold and silver.
 */
public final class AnalyticsWorkGroup extends Construct {
    /** Cancels a runaway query (a full scan of bronze payloads, say) after 50 GiB, about a quarter dollar. */
    public static final long BYTES_SCANNED_CUTOFF = 50L * 1024 * 1024 * 1024;

    private final CfnWorkGroup workGroup;

    public AnalyticsWorkGroup(Construct scope, String id, DataLake lake, IKey key, DeploymentParameters parameters) {
        super(scope, id);
        workGroup = CfnWorkGroup.Builder.create(this, "WorkGroup")
                .name(ResourceNames.athenaWorkGroup())
                .description("Queries over the requests-lakehouse Iceberg tables")
                .state("ENABLED")
                // The saved queries below belong to the stack; deleting the stack must be able to remove them.
                .recursiveDeleteOption(true)
                .workGroupConfiguration(CfnWorkGroup.WorkGroupConfigurationProperty.builder()
                        .enforceWorkGroupConfiguration(true)
                        .publishCloudWatchMetricsEnabled(true)
                        .bytesScannedCutoffPerQuery(BYTES_SCANNED_CUTOFF)
                        // Pinned rather than AUTO: engine upgrades change SQL semantics; version 3 is the
                        // Trino-based one.
                        .engineVersion(CfnWorkGroup.EngineVersionProperty.builder()
                                .selectedEngineVersion("Athena engine version 3")
                                .build())
                        .resultConfiguration(CfnWorkGroup.ResultConfigurationProperty.builder()
                                .outputLocation(lake.athenaResultsLocation())
                                .expectedBucketOwner(Aws.ACCOUNT_ID)
                                .encryptionConfiguration(CfnWorkGroup.EncryptionConfigurationProperty.builder()
                                        .encryptionOption("SSE_KMS")
                                        .kmsKey(key.getKeyArn())
                                        .build())
                                .build())
                        .build())
                .build();
        Map<String, String> databases = Map.of(
                "GoldDatabase", parameters.goldDatabase(),
                "SilverDatabase", parameters.silverDatabase());
        for (NamedQuerySpec spec : NamedQuerySpec.ALL) {
            namedQuery(spec, databases, parameters.goldDatabase());
        }
    }

    private void namedQuery(NamedQuerySpec spec, Map<String, String> databases, String defaultDatabase) {
        String sql = spec.sql();
        // Only the variables a query uses: CloudFormation linters flag unused Fn::Sub variables.
        Map<String, String> used = new LinkedHashMap<>();
        databases.entrySet().stream()
                .filter(e -> sql.contains("${" + e.getKey() + "}"))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> used.put(e.getKey(), e.getValue()));
        CfnNamedQuery.Builder.create(this, spec.id())
                .name(spec.name())
                .description(spec.description())
                .database(defaultDatabase)
                .workGroup(workGroup.getRef())
                .queryString(Fn.sub(sql, used))
                .build();
    }

    public String workGroupName() {
        return workGroup.getRef();
    }
}
