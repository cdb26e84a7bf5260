package org.requestslakehouse.cli;

/**
 * A subcommand another module adds to {@link Main} (the bench module's {@code bench}), found through
 * {@link java.util.ServiceLoader} so this module needs no dependency on it: the command is there when its jar is on
 * the classpath. Implementations are picocli {@code @Command} classes with a public no-argument constructor.
 */
public interface ContributedCommand {}
