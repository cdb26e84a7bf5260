package org.requestslakehouse.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmCommitLockTest {
    private static final Map<String, String> QUICK = Map.of(
            CatalogProperties.LOCK_ACQUIRE_TIMEOUT_MS, "300",
            CatalogProperties.LOCK_ACQUIRE_INTERVAL_MS, "20");

    @Test
    void aLockHeldByOneManagerIsHeldForEveryOtherOneEvenAfterAnotherCloses() {
        JvmCommitLock first = lock();
        JvmCommitLock second = lock();
        assertThat(first.acquire("v2.metadata.json", "commit-a")).isTrue();

        second.close();

        assertThat(second.acquire("v2.metadata.json", "commit-b")).isFalse();
        assertThat(second.release("v2.metadata.json", "commit-b"))
                .as("release by a non-owner")
                .isFalse();
        assertThat(first.release("v2.metadata.json", "commit-a")).isTrue();
        assertThat(second.acquire("v2.metadata.json", "commit-b")).isTrue();
        assertThat(second.release("v2.metadata.json", "commit-b")).isTrue();
        assertThat(first.release("v2.metadata.json", "commit-b"))
                .as("already released")
                .isFalse();
    }

    /**
     * The catalogs {@link CatalogFactory} opens take the lock: a commit whose next metadata file is locked by a
     * racing commit fails instead of renaming over it, also after another catalog of the JVM closed (which drops
     * every lock of Iceberg's default lock manager).
     */
    @Test
    void aHadoopCatalogCommitWaitsForARacingCommitAfterAnotherCatalogClosed(@TempDir Path tmp) {
        var config = CatalogFactoryTest.config(
                "type",
                "hadoop",
                "warehouse",
                tmp.toString(),
                "property." + CatalogProperties.LOCK_ACQUIRE_TIMEOUT_MS,
                "300",
                "property.commit.retry.num-retries",
                "0");
        Catalog closing = CatalogFactory.open(config);
        Catalog committing = CatalogFactory.open(config);
        try {
            Table table = committing.createTable(
                    TableIdentifier.of("db", "t"),
                    new Schema(Types.NestedField.required(1, "id", Types.LongType.get())));
            JvmCommitLock racing = lock();
            String nextMetadata = table.location() + "/metadata/v2.metadata.json";
            assertThat(racing.acquire(nextMetadata, "racing commit")).isTrue();

            CatalogFactory.close(closing);

            assertThatThrownBy(() -> table.updateProperties().set("k", "v").commit())
                    .isInstanceOf(CommitFailedException.class)
                    .hasMessageContaining("Failed to acquire lock");
            assertThat(racing.release(nextMetadata, "racing commit")).isTrue();
            table.updateProperties().set("k", "v").commit();
            assertThat(committing.loadTable(TableIdentifier.of("db", "t")).properties())
                    .containsEntry("k", "v");
        } finally {
            CatalogFactory.close(committing);
        }
    }

    private static JvmCommitLock lock() {
        JvmCommitLock lock = new JvmCommitLock();
        lock.initialize(QUICK);
        return lock;
    }
}
