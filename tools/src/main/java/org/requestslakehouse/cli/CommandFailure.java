package org.requestslakehouse.cli;

import java.util.Optional;
import java.util.function.Predicate;
import org.apache.flink.util.ExceptionUtils;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.requestslakehouse.catalog.CatalogPreflightException;
import org.requestslakehouse.config.ConfigException;
import org.requestslakehouse.config.NotFoundException;
import org.requestslakehouse.config.Redaction;
import org.requestslakehouse.sources.KafkaPreflightException;
import org.requestslakehouse.sources.KinesisPreflightException;

/**
 * What a command that failed tells the user: one message and an {@link ExitCodes exit code}. Known failures are
 * found anywhere in the cause chain, so a check that fails inside the job (wrapped by Flink) reads the same as one
 * that fails before it.
 */
record CommandFailure(int exitCode, String message) {

    /** Third-party messages (a JDBC driver's, Flink's) may quote a URI with credentials: mask them here too. */
    CommandFailure {
        message = Redaction.text(message);
    }

    static CommandFailure of(Throwable e) {
        Optional<Throwable> notFound = find(e, t -> t instanceof NotFoundException);
        if (notFound.isPresent()) {
            return new CommandFailure(ExitCodes.NOT_FOUND, notFound.get().getMessage());
        }
        Optional<Throwable> config = find(e, t -> t instanceof ConfigException);
        if (config.isPresent()) {
            return new CommandFailure(
                    ExitCodes.USAGE, "Configuration error: " + config.get().getMessage());
        }
        Optional<Throwable> unreachable = find(
                e,
                t -> t instanceof KafkaPreflightException
                        || t instanceof KinesisPreflightException
                        || t instanceof CatalogPreflightException);
        if (unreachable.isPresent()) {
            return new CommandFailure(ExitCodes.UNREACHABLE, unreachable.get().getMessage());
        }
        Optional<Throwable> noTable =
                find(e, t -> t instanceof NoSuchTableException || t instanceof NoSuchNamespaceException);
        if (noTable.isPresent()) {
            return new CommandFailure(
                    ExitCodes.NOT_FOUND,
                    firstLine(noTable.get())
                            + ": check --warehouse, or run the job there first (run or demo creates the tables).");
        }
        return new CommandFailure(ExitCodes.FAILED, oneLine(e));
    }

    private static Optional<Throwable> find(Throwable e, Predicate<Throwable> kind) {
        return ExceptionUtils.findThrowable(e, kind);
    }

    /**
     * The first line of the message, plus the root cause's when it says something new: Flink's job failures and
     * SQL errors wrap the real reason, and put a list of expected tokens after the first line.
     */
    static String oneLine(Throwable e) {
        String message = firstLine(e);
        Throwable root =
                ExceptionUtils.findThrowable(e, t -> t.getCause() == null).orElse(e);
        if (root != e) {
            String rootMessage = firstLine(root);
            if (!message.contains(rootMessage)) {
                message += " (caused by " + rootMessage + ")";
            }
        }
        return message;
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message.strip().lines().findFirst().orElse(e.getClass().getSimpleName());
    }
}
