package org.requestslakehouse.cli;

import org.requestslakehouse.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the runnable jar: every capability is a subcommand. */
@Command(name = "requests-lakehouse",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Streaming lakehouse for city 311 service requests: bronze, silver and gold Apache Iceberg tables maintained by an Apache Flink job.",
        subcommands = {
                DemoCommand.class,
                RunCommand.class,
                SqlCommand.class,
                VerifyCommand.class,
                GenerateCommand.class,
                ReplayCommand.class,
                KafkaCommand.class,
                DashboardCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class
        })
public class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof ConfigException) {
                commandLine.getErr().println("Configuration error: " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        return cli;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
