package org.requestslakehouse.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;

/** Logical ids looked up from the construct tree, so tests do not hard-code CDK's hash suffixes. */
final class TemplateIds {
    private TemplateIds() {}

    /** The logical id of the CloudFormation resource behind the construct at {@code path} below the stack. */
    static String of(Stack stack, String... path) {
        IConstruct construct = stack;
        for (String id : path) {
            construct = construct.getNode().findChild(id);
        }
        IConstruct resource = construct instanceof CfnElement
                ? construct
                : construct.getNode().getDefaultChild();
        return stack.getLogicalId((CfnElement) resource);
    }

    /** The logical id of the only resource of this type. */
    static String only(Template template, String type) {
        Map<String, Map<String, Object>> found = template.findResources(type);
        assertThat(found).as("resources of type " + type).hasSize(1);
        return found.keySet().iterator().next();
    }
}
