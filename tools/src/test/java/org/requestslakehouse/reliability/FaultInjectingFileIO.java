package org.requestslakehouse.reliability;

import org.apache.iceberg.hadoop.HadoopFileIO;
import org.apache.iceberg.io.BulkDeletionFailureException;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.relocated.com.google.common.collect.Iterables;

/**
 * Hadoop file IO that fails when {@link Faults} says so: the next data or delete file a sink's writer or a
 * maintenance rewrite creates, or the bulk delete of the files a snapshot expiry freed (reported the way an object
 * store reports it). Metadata files are never failed here (commit faults are the catalog's). Chosen with
 * {@code catalog.property.io-impl}; Iceberg ships it to the writers inside the serialized table.
 */
public class FaultInjectingFileIO extends HadoopFileIO {
    private static final long serialVersionUID = 1L;
    private static final String DATA_DIRECTORY = "/data/";
    private static final String REWRITE_RUNNER = "org.apache.iceberg.flink.maintenance.operator.DataFileRewriteRunner";
    private static final String STREAM_WRITER = "org.apache.iceberg.flink.sink.IcebergStreamWriter";
    /** Maintenance's file deleter, behind snapshot expiry (and orphan cleanup, which the suite never schedules). */
    private static final String FILE_DELETER = "org.apache.iceberg.flink.maintenance.operator.DeleteFilesProcessor";

    @Override
    public OutputFile newOutputFile(String path) {
        int data = path.indexOf(DATA_DIRECTORY);
        if (data > 0) {
            String table = path.substring(path.lastIndexOf('/', data - 1) + 1, data);
            if (calledFrom(REWRITE_RUNNER, null)) {
                Faults.onDataFileCreated(table, true);
            } else if (calledFrom(STREAM_WRITER, "processElement")
                    || calledFrom(STREAM_WRITER, "prepareSnapshotPreBarrier")) {
                // Not while a writer closes: that happens when its task is cancelled (a restart, a lost TaskManager),
                // and a failure then is swallowed, so the fault would fire without effect.
                Faults.onDataFileCreated(table, false);
            }
        }
        return super.newOutputFile(path);
    }

    @Override
    public void deleteFiles(Iterable<String> paths) throws BulkDeletionFailureException {
        if (calledFrom(FILE_DELETER, null)) {
            try {
                Faults.beforeFilesDeleted();
            } catch (RuntimeException e) {
                throw new BulkDeletionFailureException(Iterables.size(paths));
            }
        }
        super.deleteFiles(paths);
    }

    /** Which operator, and which of its methods (null: any), calls: the sinks and the maintenance tasks share this file IO. */
    private static boolean calledFrom(String className, String method) {
        return StackWalker.getInstance()
                .walk(frames -> frames.anyMatch(f -> f.getClassName().equals(className)
                        && (method == null || f.getMethodName().equals(method))));
    }
}
