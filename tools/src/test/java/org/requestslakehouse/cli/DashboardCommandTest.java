package org.requestslakehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DashboardCommandTest {
    private final StringWriter err = new StringWriter();

    @Test
    void defaultsToPort8088RefreshingEveryFiveSeconds() {
        DashboardCommand command = new DashboardCommand();
        new CommandLine(command).parseArgs("--warehouse", "w");

        assertThat(command.port).isEqualTo(8088);
        assertThat(command.refreshSeconds).isEqualTo(5);
        assertThat(command.catalog.overrides()).containsEntry("catalog.warehouse", "w");
    }

    @Test
    void refusesAPortOutsideTheRangeAndARefreshBelowOneSecond() {
        assertThat(execute("dashboard", "--port", "70000")).isEqualTo(2);
        assertThat(err.toString()).contains("--port must be between 0 and 65535, got 70000");
        assertThat(execute("dashboard", "--refresh", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--refresh must be at least 1 second, got 0");
    }

    @Test
    void isAMainSubcommand() {
        assertThat(Main.commandLine().getSubcommands()).containsKey("dashboard");
    }

    private int execute(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
