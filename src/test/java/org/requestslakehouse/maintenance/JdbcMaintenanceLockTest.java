package org.requestslakehouse.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.apache.iceberg.flink.maintenance.api.TriggerLockFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.config.ConfigException;
import org.requestslakehouse.config.MaintenanceConfig;

/** Two jobs maintaining the same table through {@code maintenance.lock=jdbc} exclude each other; other tables do not. */
class JdbcMaintenanceLockTest {

    @Test
    void jobsSharingTheDatabaseTakeTurnsPerTable(@TempDir Path dir) throws Exception {
        MaintenanceConfig.Lock settings = new MaintenanceConfig.Lock(MaintenanceConfig.LockType.JDBC,
                "jdbc:sqlite:" + dir.resolve("locks.db"), null, null);
        try (TriggerLockFactory firstJob = JdbcMaintenanceLock.factory(settings, "silver.service_requests");
             TriggerLockFactory secondJob = JdbcMaintenanceLock.factory(settings, "silver.service_requests");
             TriggerLockFactory otherTable = JdbcMaintenanceLock.factory(settings, "gold.sla_daily")) {
            firstJob.open();
            secondJob.open();
            otherTable.open();
            TriggerLockFactory.Lock first = firstJob.createLock();
            TriggerLockFactory.Lock second = secondJob.createLock();

            assertThat(first.tryLock()).isTrue();
            assertThat(second.tryLock()).isFalse();
            assertThat(second.isHeld()).isTrue();
            assertThat(otherTable.createLock().tryLock()).isTrue();

            first.unlock();
            assertThat(second.tryLock()).isTrue();
        }
    }

    @Test
    void anUnsetPasswordVariableIsAConfigurationError() {
        MaintenanceConfig.Lock settings = new MaintenanceConfig.Lock(MaintenanceConfig.LockType.JDBC,
                "jdbc:postgresql://db/locks", "flink", "REQUESTS_LAKEHOUSE_TEST_UNSET_VARIABLE");

        assertThatThrownBy(() -> JdbcMaintenanceLock.factory(settings, "silver.service_requests"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Missing required setting maintenance.lock.jdbc.password-env: expected the name of a set "
                        + "environment variable (REQUESTS_LAKEHOUSE_TEST_UNSET_VARIABLE is not set)");
    }
}
