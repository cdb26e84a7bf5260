package org.requestslakehouse.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * Finds the newest completed checkpoint under a checkpoint directory ({@code DIR/<job-id>/chk-N/_metadata}),
 * so {@code run --resume latest} restarts a killed process without the user digging for paths. A checkpoint
 * counts only once its {@code _metadata} file exists: Flink writes that last. The directory may be on any file
 * system Flink reaches ({@code s3a://} included), so it is read through Flink's file systems, not java.nio.
 */
public final class CheckpointLocator {
    private static final Pattern CHECKPOINT = Pattern.compile("chk-(\\d+)");
    private static final String METADATA = "_metadata";

    private CheckpointLocator() {}

    public static Optional<java.nio.file.Path> latest(java.nio.file.Path checkpointDir) {
        return latest(checkpointDir.toAbsolutePath().toUri()).map(Paths::get);
    }

    /** The newest completed checkpoint's directory, e.g. {@code s3a://bucket/checkpoints/<job-id>/chk-42}. */
    public static Optional<URI> latest(URI checkpointDir) {
        Path root = new Path(checkpointDir);
        try {
            FileSystem fs = root.getFileSystem();
            if (!fs.exists(root)) {
                return Optional.empty();
            }
            return directories(fs, root)
                    .flatMap(job -> directories(fs, job))
                    .flatMap(checkpoint -> completed(fs, checkpoint))
                    // Object stores list modification times in whole seconds; the number breaks ties in a job.
                    .max(Comparator.comparingLong(Completed::metadataModified).thenComparingLong(Completed::number))
                    .map(c -> c.directory().toUri());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list checkpoints in " + checkpointDir, e);
        }
    }

    private static Stream<Path> directories(FileSystem fs, Path parent) {
        try {
            FileStatus[] children = fs.listStatus(parent);
            return children == null
                    ? Stream.empty()
                    : Arrays.stream(children).filter(FileStatus::isDir).map(FileStatus::getPath);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list checkpoints in " + parent, e);
        }
    }

    private static Stream<Completed> completed(FileSystem fs, Path directory) {
        Matcher name = CHECKPOINT.matcher(directory.getName());
        if (!name.matches()) {
            return Stream.empty();
        }
        Path metadata = new Path(directory, METADATA);
        try {
            if (!fs.exists(metadata)) {
                return Stream.empty();
            }
            return Stream.of(new Completed(
                    directory, fs.getFileStatus(metadata).getModificationTime(), Long.parseLong(name.group(1))));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + metadata, e);
        }
    }

    private record Completed(Path directory, long metadataModified, long number) {}
}
