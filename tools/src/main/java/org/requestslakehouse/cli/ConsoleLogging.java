package org.requestslakehouse.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The console's log levels. The jar's log4j2.properties is the one place that names the noisy third-party loggers
 * (kept at ERROR); {@code --verbose} lifts every logger configured quieter than WARN back to WARN, so nothing
 * has to repeat that list.
 */
public final class ConsoleLogging {
    /** The option every command inherits from {@link Main}. */
    public static final String VERBOSE_OPTION = "--verbose";

    private ConsoleLogging() {}

    /** True when {@code --verbose} was given anywhere on the command line (before or after the subcommand). */
    public static boolean verboseRequested(ParseResult parseResult) {
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption(VERBOSE_OPTION)) {
                return true;
            }
        }
        return false;
    }

    /** For a running command: whether it or a parent command was given {@code --verbose}. */
    public static boolean verboseRequested(CommandLine command) {
        for (CommandLine c = command; c != null; c = c.getParent()) {
            ParseResult parsed = c.getParseResult();
            if (parsed != null && parsed.hasMatchedOption(VERBOSE_OPTION)) {
                return true;
            }
        }
        return false;
    }

    /** Lifts every logger of the process's log configuration that is quieter than WARN to WARN. */
    public static void verbose() {
        verbose((LoggerContext) LogManager.getContext(false));
    }

    static void verbose(LoggerContext context) {
        Configuration configuration = context.getConfiguration();
        for (LoggerConfig logger : configuration.getLoggers().values()) {
            liftToWarn(logger);
        }
        liftToWarn(configuration.getRootLogger());
        context.updateLoggers();
    }

    private static void liftToWarn(LoggerConfig logger) {
        if (logger.getLevel() != null && logger.getLevel().intLevel() < Level.WARN.intLevel()) {
            logger.setLevel(Level.WARN);
        }
    }
}
