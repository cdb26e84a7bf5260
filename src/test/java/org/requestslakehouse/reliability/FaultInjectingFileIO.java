package org.requestslakehouse.reliability;

import org.apache.iceberg.hadoop.HadoopFileIO;
import org.apache.iceberg.io.OutputFile;

/**
 * Hadoop file IO whose next data or delete file cannot be created when {@link Faults} says so: the Iceberg writer
 * that asked for it fails. Metadata files are never failed here (commit faults are the catalog's). Chosen with
 * {@code catalog.property.io-impl}; Iceberg ships it to the writers inside the serialized table.
 */
public class FaultInjectingFileIO extends HadoopFileIO {
    private static final long serialVersionUID = 1L;

    @Override
    public OutputFile newOutputFile(String path) {
        if (path.contains("/data/")) {
            Faults.onDataFileCreated(path);
        }
        return super.newOutputFile(path);
    }
}
