package org.requestslakehouse.generate;

/** Told how many rows have been written so far, every {@link #INTERVAL} rows and once at the end. */
@FunctionalInterface
public interface ProgressListener {

    /** Often enough for a smooth progress line, rare enough to cost nothing at 300k rows/s. */
    int INTERVAL = 8192;

    ProgressListener NONE = written -> {};

    void rowsWritten(long written);
}
