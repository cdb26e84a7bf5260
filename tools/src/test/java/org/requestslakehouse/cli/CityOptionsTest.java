package org.requestslakehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CityOptionsTest {
    @Test
    void runPassesTheCityFlagsAsParseSettings() {
        RunCommand run = new RunCommand();
        new CommandLine(run).parseArgs("--city", "nyc", "--city-profile", "sf.json");

        assertThat(run.flagOverrides())
                .containsEntry("parse.city", "nyc")
                .containsEntry("parse.city-profile", "sf.json");
    }

    @Test
    void withoutTheFlagsNothingIsOverridden() {
        RunCommand run = new RunCommand();
        new CommandLine(run).parseArgs();

        assertThat(run.flagOverrides()).doesNotContainKeys("parse.city", "parse.city-profile");
    }
}
