package org.requestslakehouse.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class AthenaTest {
    /** Tables the job writes (see the Iceberg table definitions); a saved query over anything else is a typo. */
    private static final Map<String, List<String>> TABLES = Map.of(
            "GoldDatabase", List.of("requests_hourly", "sla_daily", "watermarks", "late_corrections"),
            "SilverDatabase", List.of("service_requests", "rejected_events"));

    private static final Pattern TABLE_REFERENCE = Pattern.compile("\"\\$\\{(\\w+)}\"\\.\"(\\w+)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");

    private final SynthesizedStack synthesized = SynthesizedStack.get();
    private final Template template = synthesized.template;

    @Test
    void workGroupEnforcesEncryptedResultsInTheDataBucket() {
        String bucket = TemplateIds.of(synthesized.stack, "DataLake", "DataBucket");
        template.hasResourceProperties(
                "AWS::Athena::WorkGroup",
                Map.of(
                        "Name", Map.of("Fn::Sub", "${AWS::StackName}-analytics"),
                        "RecursiveDeleteOption", true,
                        "WorkGroupConfiguration",
                                Map.of(
                                        "EnforceWorkGroupConfiguration",
                                        true,
                                        "PublishCloudWatchMetricsEnabled",
                                        true,
                                        "BytesScannedCutoffPerQuery",
                                        53687091200L,
                                        "EngineVersion",
                                        Map.of("SelectedEngineVersion", "Athena engine version 3"),
                                        "ResultConfiguration",
                                        Map.of(
                                                "OutputLocation",
                                                        Map.of(
                                                                "Fn::Sub",
                                                                List.of(
                                                                        "s3://${Bucket}/athena-results/",
                                                                        Map.of("Bucket", Map.of("Ref", bucket)))),
                                                "ExpectedBucketOwner", Map.of("Ref", "AWS::AccountId"),
                                                "EncryptionConfiguration",
                                                        Map.of(
                                                                "EncryptionOption",
                                                                "SSE_KMS",
                                                                "KmsKey",
                                                                Map.of(
                                                                        "Fn::GetAtt",
                                                                        List.of(
                                                                                TemplateIds.only(
                                                                                        template, "AWS::KMS::Key"),
                                                                                "Arn")))))));
    }

    @Test
    void savesTheFiveLakehouseQueriesInTheWorkGroup() {
        template.resourceCountIs("AWS::Athena::NamedQuery", 5);
        String workGroup = TemplateIds.only(template, "AWS::Athena::WorkGroup");
        TreeSet<String> names = new TreeSet<>();
        for (JsonNode query : namedQueries()) {
            names.add(query.path("Name").asText());
            assertThat(query.path("WorkGroup").toString()).isEqualTo("{\"Ref\":\"" + workGroup + "\"}");
            assertThat(query.path("Database").toString()).isEqualTo("{\"Ref\":\"GoldDatabase\"}");
        }
        assertThat(names)
                .containsExactly(
                        "hourly-activity-last-7-days",
                        "on-time-rate-by-department-last-30-days",
                        "provisional-daily-sla",
                        "provisional-hourly-windows",
                        "rejected-events-last-7-days");
        template.hasResourceProperties(
                "AWS::Athena::NamedQuery",
                Map.of(
                        "Name",
                        "provisional-hourly-windows",
                        "QueryString",
                        Map.of(
                                "Fn::Sub",
                                List.of(
                                        Match.stringLikeRegexp(
                                                "[\\s\\S]*\"\\$\\{GoldDatabase}\"\\.\"watermarks\"[\\s\\S]*w\\.table_name = 'requests_hourly'[\\s\\S]*"),
                                        Map.of("GoldDatabase", Map.of("Ref", "GoldDatabase"))))));
    }

    @Test
    void queriesReadOnlyExistingTablesThroughDeclaredDatabaseVariables() {
        for (JsonNode query : namedQueries()) {
            JsonNode sub = query.path("QueryString").path("Fn::Sub");
            String sql = sub.get(0).asText();
            JsonNode variables = sub.get(1);
            Matcher placeholders = PLACEHOLDER.matcher(sql);
            TreeSet<String> used = new TreeSet<>();
            while (placeholders.find()) {
                used.add(placeholders.group(1));
            }
            TreeSet<String> declared = new TreeSet<>();
            variables.fieldNames().forEachRemaining(declared::add);
            assertThat(used).as(query.path("Name").asText()).isNotEmpty().isEqualTo(declared);
            for (String variable : declared) {
                assertThat(variables.path(variable).toString()).isEqualTo("{\"Ref\":\"" + variable + "\"}");
            }
            Matcher tables = TABLE_REFERENCE.matcher(sql);
            int references = 0;
            while (tables.find()) {
                references++;
                assertThat(TABLES.get(tables.group(1)))
                        .as(query.path("Name").asText() + " reads " + tables.group())
                        .contains(tables.group(2));
            }
            assertThat(references).as(query.path("Name").asText()).isPositive();
        }
    }

    private List<JsonNode> namedQueries() {
        List<JsonNode> out = new ArrayList<>();
        for (String id : template.findResources("AWS::Athena::NamedQuery").keySet()) {
            out.add(synthesized.json.path("Resources").path(id).path("Properties"));
        }
        return out;
    }
}
