package org.requestslakehouse.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The settings tables of docs/configuration.md are generated from the declarations ({@link Settings#GROUPS}), so
 * a new or changed setting cannot be left out of the reference. When this fails, regenerate with
 * {@value #REGENERATE} and commit the file.
 */
class ConfigurationReferenceTest {
    static final String REGENERATE = "mvn -B -o -q -pl job -Dtest=ConfigurationReferenceTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.check.skip=true -Dregenerate.docs=true test";

    /** Tests run from the repository's root. */
    private static final Path DOC = Paths.get("docs/configuration.md");

    private static final String BEGIN = "<!-- BEGIN GENERATED SETTINGS: from the *Settings classes of"
            + " job/src/main/java/org/requestslakehouse/config; regenerate with\n     " + REGENERATE + " -->\n";
    private static final String END = "<!-- END GENERATED SETTINGS -->";

    @Test
    void theReferenceListsEveryDeclaredSettingWithItsDefault() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int begin = doc.indexOf("<!-- BEGIN GENERATED SETTINGS");
        int end = doc.indexOf(END);
        assertThat(begin).as("generated section start in " + DOC).isNotNegative();
        assertThat(end).as("generated section end in " + DOC).isGreaterThan(begin);
        String expected = doc.substring(0, begin) + BEGIN + tables() + doc.substring(end);

        if (Boolean.getBoolean("regenerate.docs")) {
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
            doc = expected;
        }

        assertThat(doc).as(DOC + " is stale: regenerate it with " + REGENERATE).isEqualTo(expected);
    }

    @Test
    void aDefaultIsShownAsItIsWritten() {
        assertThat(defaultText(RuntimeSettings.STATE_TTL)).isEqualTo("`400 d`");
        assertThat(defaultText(KinesisSettings.INITIAL_POSITION)).isEqualTo("`trim-horizon`");
        assertThat(defaultText(MaintenanceSettings.REWRITE_MAX_BYTES)).isEqualTo("`1 gb`");
        assertThat(defaultText(SourceSettings.CSV_PATHS)).isEqualTo("—");
        assertThat(meaning(SourceSettings.TYPE))
                .isEqualTo("where the request events come from: `csv`, `kafka` or `kinesis`");
    }

    static String tables() {
        StringBuilder out = new StringBuilder();
        for (SettingGroup group : Settings.GROUPS) {
            out.append("\n### `").append(group.id()).append("`\n\n");
            out.append(group.description()).append("\n\n");
            out.append("| Setting | Default | Meaning |\n|---|---|---|\n");
            for (Setting<?> setting : group.settings()) {
                String name = setting.isPrefix() ? setting.qualified() + "*" : setting.qualified();
                out.append("| `")
                        .append(name)
                        .append("` | ")
                        .append(defaultText(setting))
                        .append(" | ")
                        .append(meaning(setting))
                        .append(" |\n");
            }
        }
        return out.append('\n').toString();
    }

    private static String defaultText(Setting<?> setting) {
        Object value = setting.defaultValue();
        boolean none = value == null
                || (value instanceof Collection<?> c && c.isEmpty())
                || (value instanceof Map<?, ?> m && m.isEmpty());
        return none ? "—" : "`" + Setting.text(value) + "`";
    }

    private static String meaning(Setting<?> setting) {
        String text = setting.description().replace("|", "\\|");
        if (setting.choices().isEmpty()) {
            return text;
        }
        String choices = setting.choices().stream().map(c -> "`" + c + "`").collect(Collectors.joining(", "));
        int last = choices.lastIndexOf(", ");
        return text + ": " + choices.substring(0, last) + " or" + choices.substring(last + 1);
    }
}
