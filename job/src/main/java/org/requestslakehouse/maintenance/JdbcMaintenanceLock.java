package org.requestslakehouse.maintenance;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.iceberg.flink.maintenance.api.JdbcLockFactory;
import org.apache.iceberg.flink.maintenance.api.TriggerLockFactory;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.requestslakehouse.config.ConfigException;
import org.requestslakehouse.config.MaintenanceConfig;
import org.requestslakehouse.config.MaintenanceSettings;

/**
 * The lock for {@code maintenance.lock=jdbc}: a row per table in a database every maintaining job can reach,
 * for when more than one job maintains the same tables. The lock factory is serialized into the job graph, so it
 * carries the name of the password's environment variable, and the process that opens it reads the password.
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
        if (lock.jdbcPasswordEnv() == null) {
            return new JdbcLockFactory(lock.jdbcUri(), lockId, properties);
        }
        // Checked here too, so a missing variable is a start-up error rather than a failure of the maintenance tasks.
        password(lock.jdbcPasswordEnv());
        return new EnvPasswordLockFactory(lock.jdbcUri(), lockId, properties, lock.jdbcPasswordEnv());
    }

    private static String password(String variable) {
        String password = System.getenv(variable);
        if (password == null) {
            throw ConfigException.missing(
                    MaintenanceSettings.LOCK_JDBC_PASSWORD_ENV.qualified(),
                    "the name of a set environment variable (" + variable + " is not set)");
        }
        return password;
    }

    /** Iceberg's {@link JdbcLockFactory}, created with the password when it is opened where the lock is used. */
    static final class EnvPasswordLockFactory implements TriggerLockFactory {
        private static final long serialVersionUID = 1L;

        private final String uri;
        private final String lockId;
        private final HashMap<String, String> properties;
        private final String passwordVariable;
        private transient JdbcLockFactory delegate;

        EnvPasswordLockFactory(String uri, String lockId, Map<String, String> properties, String passwordVariable) {
            this.uri = uri;
            this.lockId = lockId;
            this.properties = new HashMap<>(properties);
            this.passwordVariable = passwordVariable;
        }

        @Override
        public void open() {
            Map<String, String> withPassword = new HashMap<>(properties);
            withPassword.put(JdbcCatalog.PROPERTY_PREFIX + "password", password(passwordVariable));
            delegate = new JdbcLockFactory(uri, lockId, withPassword);
            delegate.open();
        }

        @Override
        public Lock createLock() {
            return opened().createLock();
        }

        @Override
        public Lock createRecoveryLock() {
            return opened().createRecoveryLock();
        }

        @Override
        public void close() throws IOException {
            if (delegate != null) {
                delegate.close();
            }
        }

        private JdbcLockFactory opened() {
            if (delegate == null) {
                throw new IllegalStateException("open() the lock factory before creating locks");
            }
            return delegate;
        }
    }
}
