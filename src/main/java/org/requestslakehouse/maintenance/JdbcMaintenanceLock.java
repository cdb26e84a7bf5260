package org.requestslakehouse.maintenance;

import java.util.HashMap;
import java.util.Map;

import org.apache.iceberg.flink.maintenance.api.JdbcLockFactory;
import org.apache.iceberg.flink.maintenance.api.TriggerLockFactory;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.requestslakehouse.config.ConfigException;
import org.requestslakehouse.config.MaintenanceConfig;

/**
 * The lock for {@code maintenance.lock=jdbc}: a row per table in a database every maintaining job can reach,
 * for when more than one job maintains the same tables. The password is read from the environment variable the
 * configuration names when the job graph is built, like the Kafka credentials.
 */
final class JdbcMaintenanceLock {
    private JdbcMaintenanceLock() {}

    /** @param lockId the same in every job maintaining the table, and different for every table */
    static TriggerLockFactory factory(MaintenanceConfig.Lock lock, String lockId) {
        Map<String, String> properties = new HashMap<>();
        // Creates the lock table on first use, so the database needs no set-up beyond the schema's permissions.
        properties.put(JdbcLockFactory.INIT_LOCK_TABLES_PROPERTY, "true");
        if (lock.jdbcUser() != null) {
            properties.put(JdbcCatalog.PROPERTY_PREFIX + "user", lock.jdbcUser());
        }
        if (lock.jdbcPasswordEnv() != null) {
            String password = System.getenv(lock.jdbcPasswordEnv());
            if (password == null) {
                throw ConfigException.missing("maintenance.lock.jdbc.password-env",
                        "the name of a set environment variable (" + lock.jdbcPasswordEnv() + " is not set)");
            }
            properties.put(JdbcCatalog.PROPERTY_PREFIX + "password", password);
        }
        return new JdbcLockFactory(lock.jdbcUri(), lockId, properties);
    }
}
