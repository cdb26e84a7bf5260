package org.requestslakehouse.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.flink.util.InstantiationUtil;
import org.apache.iceberg.flink.maintenance.api.TriggerLockFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.requestslakehouse.config.ConfigException;
import org.requestslakehouse.config.MaintenanceConfig;

/** Two jobs maintaining the same table through {@code maintenance.lock=jdbc} exclude each other; other tables do not. */
class JdbcMaintenanceLockTest {

    @Test
    void jobsSharingTheDatabaseTakeTurnsPerTable(@TempDir Path dir) throws Exception {
        MaintenanceConfig.Lock settings = new MaintenanceConfig.Lock(
                MaintenanceConfig.LockType.JDBC, "jdbc:sqlite:" + dir.resolve("locks.db"), null, null);
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
    void thePasswordIsReadWhereTheLockOpensAndIsNotSerializedWithTheJob(@TempDir Path dir) throws Exception {
        // PATH stands in for the password variable: set wherever the tests run (SQLite ignores the password).
        MaintenanceConfig.Lock settings = new MaintenanceConfig.Lock(
                MaintenanceConfig.LockType.JDBC, "jdbc:sqlite:" + dir.resolve("locks.db"), "flink", "PATH");
        TriggerLockFactory factory = JdbcMaintenanceLock.factory(settings, "silver.service_requests");

        byte[] serialized = InstantiationUtil.serializeObject(factory);
        assertThat(new String(serialized, StandardCharsets.UTF_8))
                .contains("PATH")
                .doesNotContain(System.getenv("PATH"));
        try (TriggerLockFactory deserialized =
                InstantiationUtil.deserializeObject(serialized, getClass().getClassLoader())) {
            deserialized.open();
            TriggerLockFactory.Lock lock = deserialized.createLock();
            assertThat(lock.tryLock()).isTrue();
            lock.unlock();
        }
    }

    @Test
    void anUnsetPasswordVariableIsAConfigurationError() {
        MaintenanceConfig.Lock settings = new MaintenanceConfig.Lock(
                MaintenanceConfig.LockType.JDBC,
                "jdbc:postgresql://db/locks",
                "flink",
                "REQUESTS_LAKEHOUSE_TEST_UNSET_VARIABLE");

        assertThatThrownBy(() -> JdbcMaintenanceLock.factory(settings, "silver.service_requests"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Missing required setting maintenance.lock.jdbc.password-env: expected the name of a set "
                        + "environment variable (REQUESTS_LAKEHOUSE_TEST_UNSET_VARIABLE is not set)");
    }
}
