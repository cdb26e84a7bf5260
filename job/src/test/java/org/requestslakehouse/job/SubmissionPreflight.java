package org.requestslakehouse.job;

import org.requestslakehouse.config.JobConfig;

/**
 * What {@link LakehouseJobMain} checks before it builds the job graph, for tests outside this package (the
 * deployment files' tests): the program arguments parsed, the config file and {@code --set} values loaded and
 * validated (unknown groups and keys rejected), {@code job.resume} refused and every path required to be absolute.
 * Managed Flink's runtime properties are never consulted, so empty arguments fail.
 */
public final class SubmissionPreflight {
    private SubmissionPreflight() {}

    public static JobConfig check(String... programArgs) {
        return LakehouseJobMain.prepare(JobArguments.parse(programArgs), () -> {
                    throw new AssertionError(
                            "no program arguments: a self-managed deployment must pass --config or --set");
                })
                .config();
    }
}
