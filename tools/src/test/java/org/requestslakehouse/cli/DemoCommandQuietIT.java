package org.requestslakehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A newcomer's first command, in-process with the jar's console log configuration: everything it would print at
 * WARN or above is counted. The command line is the README's, with fewer rows to keep the test short.
 */
class DemoCommandQuietIT {

    /** The bound issue 13 set for a first run; the noise it replaced was about 200 lines. */
    private static final int MAX_WARNINGS = 15;

    @Test
    void aDemoPrintsAtMostFifteenWarnings(@TempDir Path dir) throws Exception {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        URI testConfiguration = context.getConfigLocation();
        URI jarConfiguration = Objects.requireNonNull(
                        getClass().getClassLoader().getResource("log4j2.properties"))
                .toURI();
        Recorder warnings = new Recorder();
        context.setConfigLocation(jarConfiguration);
        int exitCode;
        try {
            warnings.start();
            context.getConfiguration().getRootLogger().addAppender(warnings, Level.WARN, null);
            context.updateLoggers();

            exitCode = Main.commandLine()
                    .setOut(new PrintWriter(new StringWriter(), true))
                    .setErr(new PrintWriter(new StringWriter(), true))
                    .execute(
                            "demo",
                            "--rows",
                            "500",
                            "--warehouse",
                            dir.resolve("demo-warehouse").toString());
        } finally {
            context.setConfigLocation(testConfiguration);
            warnings.stop();
        }

        assertThat(exitCode).isZero();
        assertThat(warnings.lines).as("console lines at WARN or above").hasSizeLessThanOrEqualTo(MAX_WARNINGS);
    }

    /** Counts what reaches the root logger's console: events the jar's levels let through. */
    private static final class Recorder extends AbstractAppender {
        final List<String> lines = new CopyOnWriteArrayList<>();

        Recorder() {
            super("demo-warnings", null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            lines.add(event.getLevel() + " " + event.getLoggerName() + " - "
                    + event.getMessage().getFormattedMessage());
        }
    }
}
