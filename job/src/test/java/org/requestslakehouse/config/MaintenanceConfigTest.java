package org.requestslakehouse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Paths;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaintenanceConfigTest {

    private static MaintenanceConfig load(String... keyValues) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("source.csv.paths", "x.csv");
        for (int i = 0; i < keyValues.length; i += 2) {
            settings.put(keyValues[i], keyValues[i + 1]);
        }
        return ConfigLoader.load(null, settings).maintenance();
    }

    @Test
    void defaultsAreConservativeAndUseTheCoordinationLock() {
        MaintenanceConfig config = load();

        assertThat(config.enabled()).isTrue();
        assertThat(config.rateLimit()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.parallelism()).isEqualTo(1);
        assertThat(config.slotSharingGroup()).isNull();
        assertThat(config.lock())
                .isEqualTo(new MaintenanceConfig.Lock(MaintenanceConfig.LockType.COORDINATOR, null, null, null));
        assertThat(config.rewrite())
                .isEqualTo(new MaintenanceConfig.Rewrite(
                        new MaintenanceConfig.Schedule(30, Duration.ofHours(1)), null, 1024L * 1024 * 1024, 10));
        assertThat(config.expiry())
                .isEqualTo(new MaintenanceConfig.Expiry(
                        new MaintenanceConfig.Schedule(0, Duration.ofHours(1)), Duration.ofHours(6), 10));
        assertThat(config.orphanCleanup())
                .isEqualTo(new MaintenanceConfig.OrphanCleanup(
                        new MaintenanceConfig.Schedule(0, Duration.ofDays(1)), Duration.ofDays(3)));
    }

    @Test
    void everySettingIsRead() {
        MaintenanceConfig config = load(
                "maintenance.enabled", "false",
                "maintenance.rate-limit", "5 s",
                "maintenance.parallelism", "3",
                "maintenance.slot-sharing-group", "maintenance",
                "maintenance.lock", "jdbc",
                "maintenance.lock.jdbc.uri", "jdbc:postgresql://db/locks",
                "maintenance.lock.jdbc.user", "flink",
                "maintenance.lock.jdbc.password-env", "LOCK_DB_PASSWORD",
                "maintenance.rewrite.commit-count", "0",
                "maintenance.rewrite.interval", "15 min",
                "maintenance.rewrite.target-file-size", "64 mb",
                "maintenance.rewrite.max-bytes", "2 gb",
                "maintenance.rewrite.delete-file-threshold", "4",
                "maintenance.expire-snapshots.commit-count", "100",
                "maintenance.expire-snapshots.interval", "0 s",
                "maintenance.expire-snapshots.max-age", "0 s",
                "maintenance.expire-snapshots.retain-last", "2",
                "maintenance.delete-orphan-files.commit-count", "1000",
                "maintenance.delete-orphan-files.interval", "7 d",
                "maintenance.delete-orphan-files.min-age", "1 d");

        assertThat(config)
                .isEqualTo(new MaintenanceConfig(
                        false,
                        Duration.ofSeconds(5),
                        3,
                        "maintenance",
                        new MaintenanceConfig.Lock(
                                MaintenanceConfig.LockType.JDBC,
                                "jdbc:postgresql://db/locks",
                                "flink",
                                "LOCK_DB_PASSWORD"),
                        new MaintenanceConfig.Rewrite(
                                new MaintenanceConfig.Schedule(0, Duration.ofMinutes(15)),
                                64L * 1024 * 1024,
                                2L * 1024 * 1024 * 1024,
                                4),
                        new MaintenanceConfig.Expiry(
                                new MaintenanceConfig.Schedule(100, Duration.ZERO), Duration.ZERO, 2),
                        new MaintenanceConfig.OrphanCleanup(
                                new MaintenanceConfig.Schedule(1000, Duration.ofDays(7)), Duration.ofDays(1))));
    }

    @Test
    void shippedLocalConfigKeepsTheDefaults() {
        JobConfig config = ConfigLoader.load(Paths.get("flink-conf/application_properties.json"), Map.of());

        assertThat(config.maintenance()).isEqualTo(load());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "maintenance.enabled|maybe|maintenance.enabled",
                "maintenance.rate-limit|500 ms|maintenance.rate-limit",
                "maintenance.parallelism|0|maintenance.parallelism",
                "maintenance.lock|zookeeper|maintenance.lock",
                "maintenance.rewrite.commit-count|-1|maintenance.rewrite.commit-count",
                "maintenance.rewrite.interval|hourly|maintenance.rewrite.interval",
                "maintenance.rewrite.target-file-size|huge|maintenance.rewrite.target-file-size",
                "maintenance.rewrite.target-file-size|10 kb|maintenance.rewrite.target-file-size",
                "maintenance.rewrite.max-bytes|-1 gb|maintenance.rewrite.max-bytes",
                "maintenance.rewrite.delete-file-threshold|0|maintenance.rewrite.delete-file-threshold",
                "maintenance.expire-snapshots.max-age|soon|maintenance.expire-snapshots.max-age",
                "maintenance.expire-snapshots.retain-last|1|maintenance.expire-snapshots.retain-last",
                "maintenance.delete-orphan-files.min-age|23 h|maintenance.delete-orphan-files.min-age",
                "maintenance.delete-orphan-files.interval|-1 d|maintenance.delete-orphan-files.interval",
                "maintenance.rewrite.shedule|10|maintenance.rewrite.shedule",
            })
    void invalidSettingsNameTheirKey(String key, String value, String namedKey) {
        assertThatThrownBy(() -> load(key, value))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(namedKey);
    }

    @Test
    void aTaskWithBothTriggersOffIsRejected() {
        assertThatThrownBy(() -> load("maintenance.expire-snapshots.interval", "0 s"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "Invalid value '0' for maintenance.expire-snapshots.interval: expected a positive duration while "
                                + "maintenance.expire-snapshots.commit-count is 0: with both triggers off the task would never run");
    }

    @Test
    void orphanAgesBelowADayAreRejectedWithTheReason() {
        assertThatThrownBy(() -> load("maintenance.delete-orphan-files.min-age", "1 h"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "Invalid value '1 h' for maintenance.delete-orphan-files.min-age: expected at least 1 d: younger "
                                + "files may be written but not yet committed, and a restore commits them");
    }

    @Test
    void aJdbcLockNeedsItsUriAndOnlyAJdbcLockTakesOne() {
        assertThatThrownBy(() -> load("maintenance.lock", "jdbc"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Missing required setting maintenance.lock.jdbc.uri");
        assertThatThrownBy(() -> load("maintenance.lock.jdbc.uri", "jdbc:sqlite:/tmp/locks.db"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "Invalid value 'jdbc:sqlite:/tmp/locks.db' for maintenance.lock.jdbc.uri: expected no value unless "
                                + "maintenance.lock=jdbc (it is coordinator)");
    }
}
