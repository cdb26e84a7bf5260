package org.requestslakehouse.config;

import java.time.Duration;

/** Group {@code gold}: the windowed aggregates. */
public final class GoldSettings {
    public static final String GROUP = "gold";
    static final SettingGroup SETTINGS = new SettingGroup(GROUP, "Windowed aggregates.");

    public static final Setting<Boolean> ENABLED = SETTINGS.bool("enabled", true, "maintain the gold tables");
    public static final Setting<Duration> EMIT_INTERVAL = SETTINGS.duration(
            "emit-interval", Duration.ofSeconds(5), "early emissions while a window is open (at least 100 ms)");
    public static final Setting<Duration> OUT_OF_ORDERNESS = SETTINGS.duration(
            "out-of-orderness", Duration.ofMinutes(5), "how far behind the newest event the watermark trails");
    public static final Setting<Duration> IDLENESS = SETTINGS.duration(
            "idleness",
            Duration.ofMinutes(1),
            "a source split without data for this long stops holding the watermark back (more than 0)");
    public static final Setting<Duration> ALLOWED_LATENESS =
            SETTINGS.duration("allowed-lateness", Duration.ofDays(180), "corrections accepted after a window ends");

    private GoldSettings() {}
}
