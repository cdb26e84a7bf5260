package org.requestslakehouse.cli;

import java.io.PrintWriter;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Entry point of the runnable jar: every capability is a subcommand. */
@Command(
        name = "requests-lakehouse",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description =
                "Streaming lakehouse for city 311 service requests: bronze, silver and gold Apache Iceberg tables maintained by an Apache Flink job.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Success.",
            "1:The command found a problem: verify saw differences, a SQL statement or the job failed.",
            "2:Unknown flag or invalid setting.",
            "3:Not found: an input file, the warehouse's tables, a queried table.",
            "4:A service did not answer or refused: Kafka, Kinesis, the catalog, the object store."
        },
        subcommands = {
            DemoCommand.class,
            RunCommand.class,
            SqlCommand.class,
            VerifyCommand.class,
            GenerateCommand.class,
            ReplayCommand.class,
            KafkaCommand.class,
            DashboardCommand.class,
            CommandLine.HelpCommand.class
        })
public class Main implements Runnable {

    /** Declared once here so every subcommand inherits it; read from the parse result, wherever it was given. */
    @Option(
            names = ConsoleLogging.VERBOSE_OPTION,
            scope = ScopeType.INHERIT,
            description = "Show third-party warnings (Kafka, Flink, Hadoop) and the stack trace of a failure.")
    boolean verbose;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        for (ContributedCommand command : ServiceLoader.load(ContributedCommand.class)) {
            cli.addSubcommand(command);
        }
        CommandLine.IExecutionStrategy runLast = new CommandLine.RunLast();
        cli.setExecutionStrategy(parseResult -> {
            if (ConsoleLogging.verboseRequested(parseResult)) {
                ConsoleLogging.verbose();
            }
            return runLast.execute(parseResult);
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            CommandFailure failure = CommandFailure.of(ex);
            PrintWriter err = commandLine.getErr();
            err.println(failure.message());
            if (ConsoleLogging.verboseRequested(parseResult)) {
                ex.printStackTrace(err);
            } else if (failure.exitCode() == ExitCodes.FAILED) {
                err.println("(" + ConsoleLogging.VERBOSE_OPTION + " prints the stack trace)");
            }
            err.flush();
            return failure.exitCode();
        });
        return cli;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
