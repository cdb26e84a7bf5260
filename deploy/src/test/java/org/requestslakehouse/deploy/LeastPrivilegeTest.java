package org.requestslakehouse.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.s3.Bucket;

class LeastPrivilegeTest {
    private final SynthesizedStack synthesized = SynthesizedStack.get();

    @Test
    void noPolicyStatementOfTheStackIsBroad() {
        List<PolicyAudit.Statement> statements = PolicyAudit.statements(synthesized.json);
        // role (11) + two bucket policies (1 + 2) + topic policy (2) + key policy (3)
        assertThat(statements).hasSize(19);
        assertThat(PolicyAudit.violations(synthesized.json)).isEmpty();
    }

    /** The audit itself must catch what it claims to catch, or the test above proves nothing. */
    @Test
    void auditReportsEachKindOfBroadGrant() {
        Stack stack = new Stack(new App(), "Broad");
        Role role = Role.Builder.create(stack, "Role")
                .assumedBy(new ServicePrincipal("ec2.amazonaws.com"))
                .build();
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("AllOfS3")
                .actions(List.of("s3:*"))
                .resources(List.of("arn:aws:s3:::bucket/*"))
                .build());
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("Everything")
                .actions(List.of("*"))
                .resources(List.of("arn:aws:s3:::bucket"))
                .build());
        ManagedPolicy.Builder.create(stack, "Policy")
                .statements(List.of(PolicyStatement.Builder.create()
                        .sid("ReadAnyStream")
                        .actions(List.of("kinesis:GetRecords"))
                        .resources(List.of("*"))
                        .build()))
                .build();
        Bucket bucket = Bucket.Builder.create(stack, "Bucket").build();
        bucket.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("Anyone")
                .actions(List.of("s3:GetObject"))
                .principals(List.of(new AnyPrincipal()))
                .resources(List.of(bucket.arnForObjects("*")))
                .build());

        List<String> violations = PolicyAudit.violations(
                TemplateJson.tree(Template.fromStack(stack).toJSON()));

        assertThat(violations).hasSize(4);
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("AllOfS3").contains("every action of s3:*"));
        assertThat(violations)
                .anySatisfy(v -> assertThat(v).contains("Everything").contains("every action of *"));
        assertThat(violations)
                .anySatisfy(v -> assertThat(v).contains("ReadAnyStream").contains("on any resource"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("Anyone").contains("anonymous"));
    }

    @Test
    void flinkRoleGrantsExactlyTheseActions() {
        Map<String, List<String>> actionsBySid = new LinkedHashMap<>();
        for (JsonNode statement : roleStatements()) {
            actionsBySid.put(statement.path("Sid").asText(), texts(statement.path("Action")));
        }
        assertThat(actionsBySid)
                .containsExactlyEntriesOf(orderedOf(
                        "ReadApplicationCode", List.of("s3:GetObject", "s3:GetObjectVersion"),
                        "ReadEventStream",
                                List.of(
                                        "kinesis:DescribeStream",
                                        "kinesis:DescribeStreamSummary",
                                        "kinesis:GetRecords",
                                        "kinesis:GetShardIterator",
                                        "kinesis:ListShards",
                                        "kinesis:RegisterStreamConsumer",
                                        "kinesis:ListStreamConsumers"),
                        "UseEventStreamConsumer",
                                List.of(
                                        "kinesis:DescribeStreamConsumer",
                                        "kinesis:SubscribeToShard",
                                        "kinesis:DeregisterStreamConsumer"),
                        "ListWarehouse", List.of("s3:ListBucket"),
                        "ReadWriteWarehouseObjects",
                                List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"),
                        "UseDataKeyThroughS3", List.of("kms:Decrypt", "kms:GenerateDataKey"),
                        "FindLakehouseDatabases", List.of("glue:GetDatabase"),
                        "ReadWriteLakehouseTables", List.of("glue:GetTable", "glue:CreateTable", "glue:UpdateTable"),
                        "FindLogGroups", List.of("logs:DescribeLogGroups"),
                        "DescribeApplicationLogStreams", List.of("logs:DescribeLogStreams"),
                        "WriteApplicationLogs", List.of("logs:PutLogEvents")));
    }

    @Test
    void flinkRoleResourcesAreTheStackOwnOnes() {
        Map<String, String> resourcesBySid = new LinkedHashMap<>();
        for (JsonNode statement : roleStatements()) {
            resourcesBySid.put(
                    statement.path("Sid").asText(), statement.path("Resource").toString());
        }
        assertThat(resourcesBySid.get("ReadApplicationCode"))
                .contains("{\"Ref\":\"CodeBucket\"},\"/\",{\"Ref\":\"CodeKey\"}");
        assertThat(resourcesBySid.get("ReadEventStream"))
                .isEqualTo("{\"Fn::GetAtt\":[\"" + logicalId("AWS::Kinesis::Stream") + "\",\"Arn\"]}");
        assertThat(resourcesBySid.get("UseEventStreamConsumer"))
                .contains(logicalId("AWS::Kinesis::Stream"))
                .endsWith("\"/consumer/*\"]]}");
        String dataBucket = dataBucketLogicalId();
        assertThat(resourcesBySid.get("ListWarehouse")).isEqualTo("{\"Fn::GetAtt\":[\"" + dataBucket + "\",\"Arn\"]}");
        assertThat(resourcesBySid.get("ReadWriteWarehouseObjects"))
                .contains(dataBucket)
                .endsWith("\"/warehouse/*\"]]}");
        assertThat(resourcesBySid.get("UseDataKeyThroughS3"))
                .isEqualTo("{\"Fn::GetAtt\":[\"" + logicalId("AWS::KMS::Key") + "\",\"Arn\"]}");
        assertThat(resourcesBySid.get("ReadWriteLakehouseTables"))
                .contains(
                        ":catalog\"",
                        "\":database/\",{\"Ref\":\"BronzeDatabase\"}",
                        "\":table/\",{\"Ref\":\"GoldDatabase\"},\"/*\"");
        assertThat(resourcesBySid.get("WriteApplicationLogs"))
                .contains("log-group:/aws/kinesis-analytics/${AWS::StackName}:log-stream:application");
    }

    @Test
    void listingIsLimitedToTheWarehousePrefixAndKeyUseToS3() {
        Map<String, JsonNode> bySid = new LinkedHashMap<>();
        roleStatements().forEach(s -> bySid.put(s.path("Sid").asText(), s));
        assertThat(bySid.get("ListWarehouse").path("Condition").toString())
                .isEqualTo("{\"StringLike\":{\"s3:prefix\":[\"warehouse/\",\"warehouse/*\"]}}");
        assertThat(bySid.get("UseDataKeyThroughS3").path("Condition").toString())
                .isEqualTo("{\"StringEquals\":{\"kms:ViaService\":{\"Fn::Sub\":\"s3.${AWS::Region}.amazonaws.com\"}}}");
    }

    @Test
    void onlyTheFlinkServiceOfThisAccountMayAssumeTheRole() {
        JsonNode trust =
                role().path("Properties").path("AssumeRolePolicyDocument").path("Statement");
        assertThat(trust).hasSize(1);
        assertThat(trust.get(0).path("Principal").toString())
                .isEqualTo("{\"Service\":\"kinesisanalytics.amazonaws.com\"}");
        assertThat(trust.get(0).path("Condition").toString())
                .isEqualTo("{\"StringEquals\":{\"aws:SourceAccount\":{\"Ref\":\"AWS::AccountId\"}}}");
    }

    private JsonNode role() {
        return synthesized.json.path("Resources").path(logicalId("AWS::IAM::Role"));
    }

    private List<JsonNode> roleStatements() {
        JsonNode policies = role().path("Properties").path("Policies");
        assertThat(policies).hasSize(1);
        List<JsonNode> out = new ArrayList<>();
        policies.get(0).path("PolicyDocument").path("Statement").forEach(out::add);
        return out;
    }

    private String logicalId(String type) {
        return TemplateIds.only(synthesized.template, type);
    }

    private String dataBucketLogicalId() {
        return TemplateIds.of(synthesized.stack, "DataLake", "DataBucket");
    }

    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else {
            out.add(node.asText());
        }
        return out;
    }

    private static Map<String, List<String>> orderedOf(Object... sidsAndActions) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < sidsAndActions.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> actions = (List<String>) sidsAndActions[i + 1];
            map.put((String) sidsAndActions[i], actions);
        }
        return map;
    }
}
