package org.requestslakehouse.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.config.ConfigException;
import org.requestslakehouse.config.PropertyGroup;
import org.requestslakehouse.config.RuntimeConfig;
import org.requestslakehouse.config.RuntimeSettings;

class CheckpointLocatorTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void newestCompletedCheckpointAcrossJobsWins() throws IOException {
        checkpoint("job-a/chk-7", T0.plusSeconds(10));
        checkpoint("job-b/chk-2", T0.plusSeconds(20));
        checkpoint("job-a/chk-8", T0.plusSeconds(15));

        assertThat(CheckpointLocator.latest(dir))
                .contains(dir.resolve("job-b/chk-2").toAbsolutePath());
    }

    @Test
    void checkpointsWithoutMetadataAndOtherDirectoriesAreIgnored() throws IOException {
        checkpoint("job-a/chk-3", T0);
        Files.createDirectories(dir.resolve("job-a/chk-4"));
        Files.createDirectories(dir.resolve("job-a/shared"));
        Files.createDirectories(dir.resolve("job-a/taskowned"));
        Files.writeString(
                Files.createDirectories(dir.resolve("job-a/savepoint-1")).resolve("_metadata"), "x");

        assertThat(CheckpointLocator.latest(dir))
                .contains(dir.resolve("job-a/chk-3").toAbsolutePath());
    }

    @Test
    void onATimestampTieTheHigherCheckpointNumberWins() throws IOException {
        // Object stores report modification times in whole seconds, so two checkpoints of a job can tie.
        checkpoint("job-a/chk-9", T0);
        checkpoint("job-a/chk-10", T0);

        assertThat(CheckpointLocator.latest(dir))
                .contains(dir.resolve("job-a/chk-10").toAbsolutePath());
    }

    @Test
    void aMissingOrEmptyDirectoryHasNoCheckpoint() throws IOException {
        assertThat(CheckpointLocator.latest(dir.resolve("never-created"))).isEmpty();
        Files.createDirectories(dir.resolve("job-a/chk-1"));
        assertThat(CheckpointLocator.latest(dir)).isEmpty();
    }

    @Test
    void resumeLatestWithoutACheckpointNamesTheDirectory() {
        RuntimeConfig runtime = RuntimeConfig.from(
                new PropertyGroup(RuntimeSettings.GROUP, Map.of("checkpoint-dir", dir.toString(), "resume", "latest")));

        assertThatThrownBy(() -> JobEnvironments.restorePath(runtime))
                .isInstanceOf(ConfigException.class)
                .hasMessage("job.resume=latest but " + dir + " (job.checkpoint-dir) holds no completed checkpoint");
    }

    @Test
    void resumeLatestGivesTheCheckpointAsAFileUri() throws IOException {
        checkpoint("job-a/chk-5", T0);
        RuntimeConfig runtime = RuntimeConfig.from(
                new PropertyGroup(RuntimeSettings.GROUP, Map.of("checkpoint-dir", dir.toString(), "resume", "latest")));

        assertThat(JobEnvironments.restorePath(runtime))
                .isEqualTo("file:" + dir.toAbsolutePath().resolve("job-a/chk-5"));
    }

    @Test
    void anUnsetResumeOverAPreviousJobsCheckpointIsRefusedAndNoneStartsFresh() throws IOException {
        RuntimeConfig unset =
                RuntimeConfig.from(new PropertyGroup(RuntimeSettings.GROUP, Map.of("checkpoint-dir", dir.toString())));
        RuntimeConfig none = RuntimeConfig.from(
                new PropertyGroup(RuntimeSettings.GROUP, Map.of("checkpoint-dir", dir.toString(), "resume", "none")));
        Files.createDirectories(dir.resolve("job-a/chk-1"));
        assertThat(JobEnvironments.restorePath(unset))
                .as("no completed checkpoint: nothing to continue")
                .isNull();

        checkpoint("job-a/chk-2", T0);

        assertThatThrownBy(() -> JobEnvironments.restorePath(unset))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(dir + " (job.checkpoint-dir) holds checkpoints of a previous job, newest file:"
                        + dir.toAbsolutePath().resolve("job-a/chk-2") + ". ")
                .hasMessageContaining(
                        "Continue that job with --resume latest (job.resume=latest), or start over on purpose"
                                + " with --fresh (job.resume=none)");
        assertThat(JobEnvironments.restorePath(none)).isNull();
        assertThat(none.freshStart()).isTrue();
        assertThat(unset.freshStart()).isTrue();
    }

    @Test
    void checkpointLocationsWithASchemeAreKeptAndPlainPathsMadeAbsolute() {
        assertThat(JobEnvironments.checkpointLocation("s3a://bucket/checkpoints"))
                .hasToString("s3a://bucket/checkpoints");
        assertThat(JobEnvironments.checkpointLocation("hdfs://nn:8020/checkpoints"))
                .hasToString("hdfs://nn:8020/checkpoints");
        assertThat(JobEnvironments.checkpointLocation("file:/data/checkpoints")).hasToString("file:/data/checkpoints");
        assertThat(JobEnvironments.checkpointLocation("./ck/../checkpoints"))
                .isEqualTo(Path.of("checkpoints").toAbsolutePath().toUri());
    }

    private void checkpoint(String relative, Instant modified) throws IOException {
        Path metadata = Files.createDirectories(dir.resolve(relative)).resolve("_metadata");
        Files.writeString(metadata, "metadata");
        Files.setLastModifiedTime(metadata, FileTime.from(modified));
    }
}
