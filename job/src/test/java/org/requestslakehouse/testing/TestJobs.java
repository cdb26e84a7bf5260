package org.requestslakehouse.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.apache.flink.core.execution.JobClient;

/** Helpers for tests that run an unbounded job on a shared MiniCluster. */
public final class TestJobs {

    private TestJobs() {}

    /**
     * Cancels the job and waits until it has stopped. {@code JobClient.cancel()} completes once the JobManager
     * accepted the request, while tasks may still be closing Iceberg writers and writing checkpoint files; a test
     * that returned then would race its own {@code @TempDir} cleanup, and the next test would share a cluster with a
     * job that is still winding down.
     */
    public static void cancelAndAwait(JobClient job) throws Exception {
        job.cancel().get();
        await("job " + job.getJobID() + " stopped")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> job.getJobStatus().get().isGloballyTerminalState());
    }
}
