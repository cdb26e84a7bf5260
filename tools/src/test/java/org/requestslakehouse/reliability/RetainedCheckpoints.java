package org.requestslakehouse.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The completed checkpoints one job left in a checkpoint directory ({@code DIR/<job-id>/chk-N/_metadata}). */
final class RetainedCheckpoints {
    private RetainedCheckpoints() {}

    /** Completed checkpoints of {@code jobId}, oldest first. */
    static List<Path> of(Path checkpointDir, String jobId) {
        Path jobDir = checkpointDir.resolve(jobId);
        if (!Files.isDirectory(jobDir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(jobDir)) {
            return children.filter(p -> p.getFileName().toString().startsWith("chk-"))
                    .filter(p -> Files.isRegularFile(p.resolve("_metadata")))
                    .sorted(Comparator.comparingLong(RetainedCheckpoints::id))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long id(Path checkpoint) {
        return Long.parseLong(checkpoint.getFileName().toString().substring("chk-".length()));
    }

    /** Job ids (directory names) that have a checkpoint directory under {@code checkpointDir}. */
    static List<String> jobIds(Path checkpointDir) {
        try (Stream<Path> children = Files.list(checkpointDir)) {
            return children.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
