package org.requestslakehouse.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Walks every policy statement of a synthesised template (role policies, standalone and managed policies,
 * bucket, topic and key policies) and lists the least-privilege violations:
 * <ul>
 *   <li>an Allow of {@code "*"} or of a whole service ({@code "s3:*"}), or an Allow written with NotAction;</li>
 *   <li>an identity-policy Allow on Resource {@code "*"} or with NotResource;</li>
 *   <li>a resource-policy Allow to an anonymous principal.</li>
 * </ul>
 * One statement is exempt, and only in its exact form: the key policy statement giving {@code kms:*} to the
 * account root. It is AWS's default key policy; it grants nothing by itself but lets IAM policies govern the key,
 * and removing it can make a key unmanageable.
 */
final class PolicyAudit {
    private static final Pattern WHOLE_SERVICE = Pattern.compile("^[a-z0-9-]+:\\*$");

    enum Kind {
        IDENTITY,
        RESOURCE,
        KEY
    }

    record Statement(String resource, Kind kind, JsonNode json) {}

    private PolicyAudit() {}

    static List<Statement> statements(JsonNode template) {
        List<Statement> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : template.path("Resources").properties()) {
            String id = e.getKey();
            JsonNode props = e.getValue().path("Properties");
            switch (e.getValue().path("Type").asText()) {
                case "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group" -> {
                    for (JsonNode policy : props.path("Policies")) {
                        add(out, id, Kind.IDENTITY, policy.path("PolicyDocument"));
                    }
                }
                case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy" ->
                    add(out, id, Kind.IDENTITY, props.path("PolicyDocument"));
                case "AWS::S3::BucketPolicy", "AWS::SNS::TopicPolicy", "AWS::SQS::QueuePolicy" ->
                    add(out, id, Kind.RESOURCE, props.path("PolicyDocument"));
                case "AWS::KMS::Key" -> add(out, id, Kind.KEY, props.path("KeyPolicy"));
                default -> {}
            }
        }
        return out;
    }

    static List<String> violations(JsonNode template) {
        List<String> problems = new ArrayList<>();
        for (Statement s : statements(template)) {
            JsonNode json = s.json();
            if (!json.path("Effect").asText().equals("Allow")) {
                continue;
            }
            String where = s.resource() + " " + json.path("Sid").asText("(no Sid)");
            if (json.has("NotAction")) {
                problems.add(where + ": Allow with NotAction");
            }
            if (!isRootDelegation(s)) {
                for (JsonNode action : asList(json.path("Action"))) {
                    if (action.asText().equals("*")
                            || WHOLE_SERVICE.matcher(action.asText()).matches()) {
                        problems.add(where + ": allows every action of " + action.asText());
                    }
                }
            }
            if (s.kind() == Kind.IDENTITY) {
                if (json.has("NotResource")) {
                    problems.add(where + ": Allow with NotResource");
                }
                for (JsonNode resource : asList(json.path("Resource"))) {
                    if (resource.isTextual() && resource.asText().equals("*")) {
                        problems.add(where + ": allows " + json.path("Action") + " on any resource");
                    }
                }
            }
            if (s.kind() != Kind.IDENTITY && isAnonymous(json.path("Principal"))) {
                problems.add(where + ": allows anonymous principals");
            }
        }
        return problems;
    }

    private static boolean isRootDelegation(Statement s) {
        if (s.kind() != Kind.KEY) {
            return false;
        }
        JsonNode json = s.json();
        JsonNode principal = json.path("Principal").path("AWS");
        return json.path("Action").asText().equals("kms:*")
                && principal.toString().contains("\":iam::\"")
                && principal.toString().contains("\":root\"")
                && principal.toString().contains("\"AWS::AccountId\"")
                && !json.has("Condition");
    }

    private static boolean isAnonymous(JsonNode principal) {
        return (principal.isTextual() && principal.asText().equals("*"))
                || principal.path("AWS").asText().equals("*");
    }

    private static List<JsonNode> asList(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(out::add);
        } else if (!node.isMissingNode()) {
            out.add(node);
        }
        return out;
    }

    private static void add(List<Statement> out, String resource, Kind kind, JsonNode document) {
        for (JsonNode statement : asList(document.path("Statement"))) {
            out.add(new Statement(resource, kind, statement));
        }
    }
}
