package org.requestslakehouse.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.flink.configuration.ConfigConstants;
import org.requestslakehouse.job.LakehouseJobMain;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What the deployment files (Dockerfile, deploy/kubernetes/, the Flink compose file) must agree on with the build.
 * Tests run from the repository root.
 */
final class DeploymentContract {
    /** The job jar the build produces, relative to the repository root (the job module's shaded artifact). */
    static final Path JOB_JAR = Paths.get("job/target/requests-lakehouse-job.jar");

    /** FLINK_HOME in the official images. */
    static final String FLINK_HOME = "/opt/flink";

    /** Where application mode (standalone-job, the operator's local:// URIs) finds user jars. */
    static final String USRLIB = FLINK_HOME + "/" + ConfigConstants.DEFAULT_FLINK_USR_LIB_DIR + "/";

    /** Flink loads each plugin from its own directory directly below this one. */
    static final String PLUGINS = FLINK_HOME + "/" + ConfigConstants.DEFAULT_FLINK_PLUGINS_DIRS + "/";

    static final Path DOCKERFILE = Paths.get("Dockerfile");
    static final Path DOCKERIGNORE = Paths.get(".dockerignore");
    static final Path FOLD_SCRIPT = Paths.get("deploy/docker/fold-flink-conf.sh");
    static final Path SHIPPED_FLINK_CONF = Paths.get("flink-conf/config.yaml");

    private DeploymentContract() {}

    /** The job jar's path inside the image. */
    static String imageJobJar() {
        return USRLIB + JOB_JAR.getFileName();
    }

    /** The entry class named in a deployment file, checked against the class on the classpath. */
    static void assertEntryClass(String named) throws Exception {
        assertThat(named).isEqualTo(LakehouseJobMain.class.getName());
        Method main = Class.forName(named).getMethod("main", String[].class);
        assertThat(Modifier.isStatic(main.getModifiers()) && Modifier.isPublic(main.getModifiers()))
                .as("%s has a public static main(String[])", named)
                .isTrue();
        assertThat(main.getReturnType()).isEqualTo(void.class);
    }

    /** {@code flink.version} from the root pom's properties. */
    static String flinkVersion() throws Exception {
        Element project = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(Paths.get("pom.xml").toFile())
                .getDocumentElement();
        String version = child(child(project, "properties"), "flink.version")
                .getTextContent()
                .trim();
        assertThat(version).matches("\\d+\\.\\d+\\.\\d+");
        return version;
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("pom.xml: no <" + name + "> directly in <" + parent.getTagName() + ">");
    }
}
