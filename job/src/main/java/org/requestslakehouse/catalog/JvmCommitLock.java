package org.requestslakehouse.catalog;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.apache.iceberg.util.LockManagers;

/**
 * The commit lock of the local Hadoop catalog: one lock per metadata file in this JVM, which a catalog that closes
 * leaves alone.
 *
 * <p>The Hadoop catalog commits by renaming a temporary metadata file to the next version's name, after checking
 * under this lock that no other commit took that name. Hadoop's local file system renames over an existing file,
 * so without the lock two racing commits to one table both "succeed" and the second erases the first. Iceberg's
 * default lock manager is JVM-wide but clears every lock of the JVM when any Hadoop catalog closes; with
 * maintenance each table has several committers, and a failover closes catalogs while others commit.
 *
 * <p>A holder is a thread of this JVM that releases in a {@code finally} block (Iceberg's
 * {@code HadoopTableOperations}), so locks need no heartbeat or expiry: they end with the commit or with the JVM.
 * It does nothing across processes, which is why {@code catalog.type=hadoop} suits one process (local {@code run}
 * and {@code demo}) only.
 */
public final class JvmCommitLock extends LockManagers.BaseLockManager {
    private static final Map<String, String> HELD = new ConcurrentHashMap<>();

    @Override
    public boolean acquire(String entityId, String ownerId) {
        long deadline = System.nanoTime() + acquireTimeoutMs() * 1_000_000L;
        while (HELD.putIfAbsent(entityId, ownerId) != null) {
            if (System.nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) {
                return false;
            }
            LockSupport.parkNanos(acquireIntervalMs() * 1_000_000L);
        }
        return true;
    }

    @Override
    public boolean release(String entityId, String ownerId) {
        return HELD.remove(entityId, ownerId);
    }

    /** Locks belong to the commits holding them, not to the catalog that created this manager. */
    @Override
    public void close() {}
}
