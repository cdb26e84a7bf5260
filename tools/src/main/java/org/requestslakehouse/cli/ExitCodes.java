package org.requestslakehouse.cli;

/** The exit codes of every command, documented in README's Commands section. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The command ran and found a problem: verify saw differences, a SQL statement or the job failed. */
    public static final int FAILED = 1;
    /** An unknown flag or an invalid setting (picocli uses the same code for usage errors). */
    public static final int USAGE = 2;
    /** Something a setting points at does not exist: an input file, the warehouse's tables, a queried table. */
    public static final int NOT_FOUND = 3;
    /** A service did not answer or refused: Kafka, Kinesis, the catalog, the object store. */
    public static final int UNREACHABLE = 4;

    private ExitCodes() {}
}
