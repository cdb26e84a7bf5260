package org.requestslakehouse.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.requestslakehouse.config.ConfigException;

class JobArgumentsTest {

    @Test
    void readsTheConfigFileAndRepeatedSettingsInOrderLaterOnesWinning() {
        JobArguments args = JobArguments.parse(
                "--config",
                "/etc/lakehouse/job.json",
                "--set",
                "gold.emit-interval=2s",
                "--set=kafka.topics=a,b",
                "--set",
                "gold.emit-interval=3s",
                "--set",
                "catalog.property.x=k=v");

        assertThat(args.configFile()).isEqualTo(Paths.get("/etc/lakehouse/job.json"));
        assertThat(args.settings())
                .containsExactly(
                        Map.entry("gold.emit-interval", "3s"),
                        Map.entry("kafka.topics", "a,b"),
                        Map.entry("catalog.property.x", "k=v"));
        assertThat(args.isEmpty()).isFalse();
    }

    @Test
    void noArgumentsIsEmptyAndSettingsAloneAreEnough() {
        assertThat(JobArguments.parse().isEmpty()).isTrue();
        JobArguments onlySet = JobArguments.parse("--set", "source.type=kafka");
        assertThat(onlySet.configFile()).isNull();
        assertThat(onlySet.isEmpty()).isFalse();
    }

    @Test
    void anUnknownArgumentIsRejectedWithTheUsage() {
        assertThatThrownBy(() -> JobArguments.parse("--config", "a.json", "--parallelism", "4"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Unknown argument '--parallelism': " + JobArguments.USAGE);
        assertThatThrownBy(() -> JobArguments.parse("job.json"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Unknown argument 'job.json': " + JobArguments.USAGE);
    }

    @Test
    void aMissingValueOrMalformedSettingIsRejected() {
        assertThatThrownBy(() -> JobArguments.parse("--set", "gold.emit-interval=2s", "--config"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Argument --config needs a value: " + JobArguments.USAGE);
        assertThatThrownBy(() -> JobArguments.parse("--set", "=2s"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid --set '=2s': expected GROUP.KEY=VALUE, e.g. gold.emit-interval=2s");
        assertThatThrownBy(() -> JobArguments.parse("--set", "gold.emit-interval"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid --set 'gold.emit-interval'");
        assertThatThrownBy(() -> JobArguments.parse("--config", "a.json", "--config", "b.json"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--config given twice (a.json, b.json): " + JobArguments.USAGE);
    }
}
