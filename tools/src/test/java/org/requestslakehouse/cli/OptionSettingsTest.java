package org.requestslakehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.requestslakehouse.config.Setting;
import org.requestslakehouse.config.SettingGroup;
import org.requestslakehouse.config.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option help is an annotation, so it cannot refer to the setting declarations: this checks that every setting a
 * flag's help names exists, and that a default the help states next to a setting is the declared one.
 */
class OptionSettingsTest {
    /** A group id and a key, not inside a path or URL (jdbc:sqlite:warehouse/catalog.db). */
    private static final Pattern NAMED = Pattern.compile("(?<![\\w/.:-])("
            + Settings.GROUPS.stream().map(SettingGroup::id).collect(Collectors.joining("|"))
            + ")\\.[a-z][a-z0-9.-]*[a-z0-9]");

    private static final Pattern DEFAULT = Pattern.compile("\\[([a-z.-]+)]\\. Default: ([^ ]+?)\\.$");

    @Test
    void everySettingAFlagNamesIsDeclared() {
        Set<String> declared = Settings.all().stream().map(Setting::qualified).collect(Collectors.toSet());
        Set<String> named = new TreeSet<>();
        for (String help : optionHelp()) {
            Matcher m = NAMED.matcher(help);
            while (m.find()) {
                named.add(m.group());
            }
        }

        assertThat(named).isNotEmpty().allSatisfy(name -> assertThat(declared).contains(name));
    }

    @Test
    void aDefaultTheHelpStatesIsTheDeclaredOne() {
        Map<String, Setting<?>> byName =
                Settings.all().stream().collect(Collectors.toMap(Setting::qualified, Function.identity()));
        List<String> checked = new ArrayList<>();
        for (String help : optionHelp()) {
            Matcher m = DEFAULT.matcher(help);
            if (m.find()) {
                Setting<?> setting = byName.get(m.group(1));
                assertThat(setting).as(help).isNotNull();
                assertThat(m.group(2)).as(help).isEqualTo(Setting.text(setting.defaultValue()));
                checked.add(m.group(1));
            }
        }

        assertThat(checked).contains("source.type", "kafka.topics", "job.parallelism");
    }

    private static List<String> optionHelp() {
        List<String> help = new ArrayList<>();
        collect(Main.commandLine(), help);
        return help;
    }

    private static void collect(CommandLine command, List<String> help) {
        for (OptionSpec option : command.getCommandSpec().options()) {
            help.add(String.join(" ", option.description()));
        }
        command.getSubcommands().values().forEach(sub -> collect(sub, help));
    }
}
