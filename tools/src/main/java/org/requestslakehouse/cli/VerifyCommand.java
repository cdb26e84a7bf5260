package org.requestslakehouse.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.requestslakehouse.config.JobConfig;
import org.requestslakehouse.config.Setting;
import org.requestslakehouse.config.SourceConfig.SourceType;
import org.requestslakehouse.config.SourceSettings;
import org.requestslakehouse.job.LakehouseJob;
import org.requestslakehouse.sinks.iceberg.ExistingTables;
import org.requestslakehouse.verify.GoldVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** How users check a deployment: gold recomputed in batch from silver must equal what the stream wrote. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Recompute gold.requests_hourly and gold.sla_daily in batch from silver.service_requests and compare with the streaming gold.",
            "Prints a summary and every differing row; exits 1 on any difference, 3 if the warehouse lacks the tables."
        })
public class VerifyCommand implements Callable<Integer> {
    @Mixin
    CatalogOptions catalog = new CatalogOptions();

    @Mixin
    ConfigOptions config = new ConfigOptions();

    @Override
    public Integer call() {
        Map<String, String> overrides = new LinkedHashMap<>(catalog.overrides());
        // verify reads tables only; the source settings are irrelevant but must still validate.
        overrides.putIfAbsent(SourceSettings.TYPE.qualified(), Setting.text(SourceType.KAFKA));
        JobConfig jobConfig = config.load(overrides);
        ExistingTables.requireAll(jobConfig.catalog(), GoldVerifier.TABLES_READ, LakehouseJob.PREFLIGHT_TIMEOUT);
        return GoldVerifier.verify(jobConfig, System.out) ? 0 : 1;
    }
}
