package org.requestslakehouse.bench;

import java.nio.file.Paths;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.requestslakehouse.config.ConfigLoader;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.job.JobEnvironments;
import org.requestslakehouse.job.LakehouseJob;

/**
 * The job as {@code run} starts it (same definition, same environment), in its own JVM, telling the benchmark when
 * it runs and when it has finished (see {@link ChildSignals}). A bounded job finishes by itself after its last
 * commit; an unbounded one runs until the parent says stop, which cancels it.
 *
 * <p>Arguments: {@code <flink conf dir> group.key=value...} (the job's settings, as {@code run --set} takes them).
 */
public final class JobMain {
    private static final Duration STATUS_POLL = Duration.ofMillis(20);

    private JobMain() {}

    public static void main(String[] args) throws Exception {
        JobConfig config = config(args);
        StreamExecutionEnvironment env = JobEnvironments.selfManaged(config.runtime(), Paths.get(args[0]));
        LakehouseJob.define(env, config);
        superviseUntilDone(env.executeAsync(LakehouseJob.JOB_NAME));
    }

    /** The settings after the Flink configuration directory, {@code group.key=value} each. */
    static JobConfig config(String[] args) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            settings.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        return ConfigLoader.load(null, settings);
    }

    /**
     * Announces that {@code job} runs and, once it has ended (or been cancelled on the parent's stop), that it has
     * finished; then waits for the parent's stop and exits the JVM.
     */
    static void superviseUntilDone(JobClient job) throws Exception {
        awaitRunning(job);
        ChildSignals.announce("running", job.getJobID().toString());

        StopListener stop = new StopListener(job);
        Thread listener = new Thread(stop, "bench-stop-listener");
        listener.setDaemon(true);
        listener.start();
        try {
            job.getJobExecutionResult().get();
        } catch (Exception e) {
            if (!stop.requested()) {
                throw e;
            }
            // cancelled on request: the expected end of an unbounded run
        }
        ChildSignals.announce("finished", "");
        stop.await();
        // The mini-cluster leaves non-daemon threads behind.
        System.exit(0);
    }

    private static void awaitRunning(JobClient job) throws Exception {
        while (true) {
            JobStatus status = job.getJobStatus().get();
            if (status == JobStatus.RUNNING || status.isTerminalState()) {
                return;
            }
            Thread.sleep(STATUS_POLL.toMillis());
        }
    }

    /** Waits for the parent's stop; cancels the job if it still runs then. */
    private static final class StopListener implements Runnable {
        private final JobClient job;
        private final CountDownLatch stopped = new CountDownLatch(1);

        StopListener(JobClient job) {
            this.job = job;
        }

        @Override
        public void run() {
            try {
                ChildSignals.awaitStop();
            } catch (java.io.IOException e) {
                // standard input gone: the parent died, so stop as well
            }
            stopped.countDown();
            job.cancel();
        }

        boolean requested() {
            return stopped.getCount() == 0;
        }

        void await() throws InterruptedException {
            stopped.await();
        }
    }
}
