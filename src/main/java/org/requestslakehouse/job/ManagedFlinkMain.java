package org.requestslakehouse.job;

import java.util.Map;
import java.util.Properties;

import com.amazonaws.services.kinesisanalytics.runtime.KinesisAnalyticsRuntime;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.requestslakehouse.config.ConfigLoader;
import org.requestslakehouse.config.JobConfig;

/**
 * Main class of the Amazon Managed Service for Apache Flink application jar. Configuration comes only from the
 * application's runtime property groups, and checkpointing and parallelism are left to the service, which
 * configures them per application (setting them here would override the console and autoscaling).
 */
public final class ManagedFlinkMain {
    private ManagedFlinkMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, Properties> groups = KinesisAnalyticsRuntime.getApplicationProperties();
        JobConfig config = ConfigLoader.fromRuntimeProperties(groups, Map.of());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        LakehouseJob.run(env, config);
    }
}
