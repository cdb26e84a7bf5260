package org.requestslakehouse.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.runtime.state.storage.FileSystemCheckpointStorage;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.config.ConfigException;
import org.requestslakehouse.job.LakehouseJobMain.Launch;
import org.requestslakehouse.job.LakehouseJobMain.Mode;

/**
 * Which configuration the entry class uses, and what it leaves to the cluster. The environments stand for the one
 * a cluster hands to {@code main}: built from the cluster's configuration.
 */
class LakehouseJobMainTest {
    private static final Supplier<ManagedFlinkRuntime> NOT_MSF = () -> ManagedFlinkRuntime.absent("not here");

    @Test
    void withoutArgumentsTheServicesRuntimePropertiesAreUsedAndNothingIsSetOnTheEnvironment() {
        Properties source = new Properties();
        source.setProperty("type", "kafka");
        Properties kafka = new Properties();
        kafka.setProperty("bootstrap-servers", "b-1.msk:9098");
        Properties job = new Properties();
        job.setProperty("parallelism", "7");
        job.setProperty("checkpoint-interval", "1 s");
        Launch launch = LakehouseJobMain.prepare(
                JobArguments.parse(),
                () -> new ManagedFlinkRuntime(Map.of("source", source, "kafka", kafka, "job", job), null));

        assertThat(launch.mode()).isEqualTo(Mode.MANAGED_FLINK);
        assertThat(launch.config().kafka().bootstrapServers()).isEqualTo("b-1.msk:9098");
        StreamExecutionEnvironment env = cluster(new Configuration());
        launch.configure(env);
        assertThat(env.getCheckpointConfig().isCheckpointingEnabled())
                .as("the service owns checkpointing")
                .isFalse();
        assertThat(env.getParallelism()).isEqualTo(4);
        assertThat(env.getConfig().isObjectReuseEnabled())
                .as("the pipeline's records are handed over between chained operators without copies")
                .isTrue();
    }

    @Test
    void explicitArgumentsWinAndTheServiceIsNotAsked(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("job.json");
        Files.writeString(
                file,
                "[{\"PropertyGroupId\": \"source\", \"PropertyMap\": {\"type\": \"kafka\"}},"
                        + " {\"PropertyGroupId\": \"catalog\", \"PropertyMap\": {\"warehouse\": \"s3://bucket/wh\"}},"
                        + " {\"PropertyGroupId\": \"gold\", \"PropertyMap\": {\"emit-interval\": \"5 s\"}}]");
        AtomicInteger asked = new AtomicInteger();
        Launch launch = LakehouseJobMain.prepare(
                JobArguments.parse("--config", file.toString(), "--set", "gold.emit-interval=2s"), () -> {
                    asked.incrementAndGet();
                    return ManagedFlinkRuntime.absent("unused");
                });

        assertThat(asked).hasValue(0);
        assertThat(launch.mode()).isEqualTo(Mode.SELF_MANAGED);
        assertThat(launch.config().catalog().warehouse()).isEqualTo("s3://bucket/wh");
        assertThat(launch.config().gold().emitInterval()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void withoutArgumentsOffTheServiceTheErrorNamesBothWays() {
        assertThatThrownBy(() -> LakehouseJobMain.prepare(JobArguments.parse(), NOT_MSF))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "No job configuration: pass --config FILE and/or --set GROUP.KEY=VALUE as program arguments "
                                + "(without arguments the job reads Managed Service for Apache Flink's runtime properties, and not here)");
    }

    @Test
    void theRealProbeFindsNoServiceOnThisMachine() {
        ManagedFlinkRuntime probe = ManagedFlinkRuntime.probe();
        assertThat(probe.available()).isFalse();
        assertThat(probe.absentReason())
                .isEqualTo(
                        "the service's application properties file /etc/flink/application_properties.json does not exist");
    }

    @Test
    void onAClusterCheckpointingAndParallelismComeFromTheClusterUnlessTheJobSetsThem() {
        Configuration clusterConf = new Configuration();
        clusterConf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofSeconds(30));
        clusterConf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.AT_LEAST_ONCE);
        clusterConf.set(CoreOptions.DEFAULT_PARALLELISM, 3);

        StreamExecutionEnvironment fromCluster = cluster(clusterConf);
        kafkaOnCluster().configure(fromCluster);
        assertThat(fromCluster.getCheckpointInterval()).isEqualTo(30_000);
        assertThat(fromCluster.getParallelism()).isEqualTo(3);
        assertThat(fromCluster.getCheckpointConfig().getCheckpointingConsistencyMode())
                .as("the sinks' exactly-once commits need it")
                .isEqualTo(CheckpointingMode.EXACTLY_ONCE);
        assertThat(fromCluster.getConfig().isObjectReuseEnabled()).isTrue();

        StreamExecutionEnvironment fromJob = cluster(clusterConf);
        kafkaOnCluster(
                        "--set",
                        "job.checkpoint-interval=2s",
                        "--set",
                        "job.parallelism=5",
                        "--set",
                        "job.checkpoint-dir=s3://bucket/checkpoints")
                .configure(fromJob);
        assertThat(fromJob.getCheckpointInterval()).isEqualTo(2_000);
        assertThat(fromJob.getParallelism()).isEqualTo(5);
        assertThat(((FileSystemCheckpointStorage) fromJob.getCheckpointConfig().getCheckpointStorage())
                        .getCheckpointPath()
                        .toString())
                .isEqualTo("s3://bucket/checkpoints");
    }

    @Test
    void aClusterWithoutCheckpointingAndAJobWithoutAnIntervalFailsNamingTheSetting() {
        assertThatThrownBy(() -> kafkaOnCluster().configure(cluster(new Configuration())))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(
                        "Missing required setting job.checkpoint-interval: expected a checkpoint interval: "
                                + "the cluster's configuration has none");
    }

    @Test
    void relativePathsAreRejectedNamingTheSetting() {
        assertThatThrownBy(() -> kafkaOnCluster("--set", "catalog.warehouse=warehouse"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(
                        "Invalid value 'warehouse' for catalog.warehouse: expected an absolute path or a URI");
        assertThatThrownBy(() -> LakehouseJobMain.prepare(JobArguments.parse("--set", "source.type=kafka"), NOT_MSF))
                .as("the local default ./warehouse has no meaning on a cluster")
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid value './warehouse' for catalog.warehouse");
        assertThatThrownBy(() -> kafkaOnCluster("--set", "job.checkpoint-dir=checkpoints"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid value 'checkpoints' for job.checkpoint-dir");
        assertThatThrownBy(() -> LakehouseJobMain.prepare(
                        JobArguments.parse(
                                "--set",
                                "catalog.warehouse=/data/wh",
                                "--set",
                                "source.csv.paths=s3://bucket/in.csv,exports/2024.csv"),
                        NOT_MSF))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid value 'exports/2024.csv' for source.csv.paths");
        assertThat(kafkaOnCluster("--set", "job.checkpoint-dir=file:/data/checkpoints")
                        .config()
                        .runtime()
                        .checkpointDir())
                .isEqualTo("file:/data/checkpoints");
    }

    @Test
    void resumeIsTheSubmissionsJobOnACluster() {
        assertThatThrownBy(() -> kafkaOnCluster("--set", "job.resume=latest", "--set", "job.checkpoint-dir=/data/chk"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(
                        "Invalid value 'latest' for job.resume: expected no value on a cluster: restore with "
                                + "the submission's savepoint path");
    }

    @Test
    void mainFailsOnBadConfigBeforeDefiningTheJob() {
        assertThatThrownBy(() -> LakehouseJobMain.main(new String[] {
                    "--set",
                    "source.type=kafka",
                    "--set",
                    "catalog.warehouse=/data/wh",
                    "--set",
                    "gold.emit-intervall=2s"
                }))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Unknown setting gold.emit-intervall: expected one of ");
        assertThatThrownBy(() -> LakehouseJobMain.main(new String[] {"--config", "/no/such/job.json"}))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Config file /no/such/job.json does not exist");
    }

    @Test
    void managedFlinkMainStillStartsTheSameEntry() {
        assertThatThrownBy(() -> ManagedFlinkMain.main(new String[] {"--bogus"}))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Unknown argument '--bogus': " + JobArguments.USAGE);
    }

    private static Launch kafkaOnCluster(String... more) {
        String[] args = new String[more.length + 4];
        args[0] = "--set";
        args[1] = "source.type=kafka";
        args[2] = "--set";
        args[3] = "catalog.warehouse=/data/warehouse";
        System.arraycopy(more, 0, args, 4, more.length);
        return LakehouseJobMain.prepare(JobArguments.parse(args), NOT_MSF);
    }

    private static StreamExecutionEnvironment cluster(Configuration conf) {
        Configuration withDefaults = new Configuration(conf);
        if (!withDefaults.contains(CoreOptions.DEFAULT_PARALLELISM)) {
            withDefaults.set(CoreOptions.DEFAULT_PARALLELISM, 4);
        }
        return StreamExecutionEnvironment.getExecutionEnvironment(withDefaults);
    }
}
