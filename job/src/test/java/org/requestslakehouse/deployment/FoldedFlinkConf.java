package org.requestslakehouse.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The Flink settings the image folds in from flink-conf/config.yaml, read by running the image's own script. */
final class FoldedFlinkConf {
    private FoldedFlinkConf() {}

    static Map<String, String> settings() throws Exception {
        Process script = new ProcessBuilder(
                        "bash",
                        DeploymentContract.FOLD_SCRIPT.toString(),
                        DeploymentContract.SHIPPED_FLINK_CONF.toString(),
                        "--print")
                .redirectErrorStream(true)
                .start();
        String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(script.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(script.exitValue()).as(output).isZero();
        Map<String, String> settings = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            assertThat(line).startsWith("-D").contains("=");
            int eq = line.indexOf('=');
            settings.put(line.substring(2, eq), line.substring(eq + 1));
        }
        return settings;
    }

    /** Every setting of flink-conf/config.yaml, as Flink reads it (a flat YAML map). */
    static Map<String, String> shipped() throws Exception {
        JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree(DeploymentContract.SHIPPED_FLINK_CONF.toFile());
        Map<String, String> settings = new LinkedHashMap<>();
        yaml.fields()
                .forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
        return settings;
    }
}
