package org.requestslakehouse.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.config.Setting;
import org.requestslakehouse.config.SourceConfig.SourceType;
import org.requestslakehouse.config.SourceSettings;
import org.requestslakehouse.dashboard.DashboardServer;
import org.requestslakehouse.job.LakehouseJob;
import org.requestslakehouse.sinks.iceberg.ExistingTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Serves the dashboard over the lakehouse tables until Ctrl-C; safe to run next to a job writing them. */
@Command(
        name = "dashboard",
        mixinStandardHelpOptions = true,
        description = {
            "Serve a web dashboard of gold (and silver, for filters gold cannot answer) on http://localhost:PORT/.",
            "Reads the tables through the catalog and refreshes while a job writes them; Ctrl-C stops it."
        })
public class DashboardCommand implements Callable<Integer> {

    @Option(
            names = "--port",
            paramLabel = "N",
            description = "Port on localhost (0 picks a free one). Default: ${DEFAULT-VALUE}.")
    int port = 8088;

    @Option(
            names = "--refresh",
            paramLabel = "SECONDS",
            description = "How often the page reloads its data. Default: ${DEFAULT-VALUE}.")
    int refreshSeconds = 5;

    @Mixin
    CatalogOptions catalog = new CatalogOptions();

    @Mixin
    ConfigOptions config = new ConfigOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, got " + port);
        }
        if (refreshSeconds < 1) {
            throw new ParameterException(
                    spec.commandLine(), "--refresh must be at least 1 second, got " + refreshSeconds);
        }
        Map<String, String> overrides = new LinkedHashMap<>(catalog.overrides());
        // The dashboard reads tables only; the source settings are irrelevant but must still validate.
        overrides.putIfAbsent(SourceSettings.TYPE.qualified(), Setting.text(SourceType.KAFKA));
        JobConfig jobConfig = config.load(overrides);
        // Tables a running job has yet to create are waited for; a warehouse with none is a wrong path.
        ExistingTables.requireAny(jobConfig.catalog(), LakehouseJob.PREFLIGHT_TIMEOUT);

        DashboardServer server =
                DashboardServer.start(jobConfig.catalog(), jobConfig.parse().zoneId(), port, refreshSeconds);
        serveUntilStopped(
                server,
                "Dashboard of " + jobConfig.catalog().warehouse() + " at " + server.url() + " (Ctrl-C stops it)");
        return 0;
    }

    /** Ctrl-C ends the JVM without unwinding the waiting thread: the shutdown hook is what closes the server. */
    static void serveUntilStopped(DashboardServer server, String announcement) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            stopped.countDown();
                        },
                        "dashboard-shutdown"));
        System.out.println(announcement);
        System.out.flush();
        stopped.await();
    }
}
