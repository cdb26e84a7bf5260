package org.requestslakehouse.config;

/** Group {@code parse}: how messages become service requests. */
public final class ParseSettings {
    public static final String GROUP = "parse";
    static final SettingGroup SETTINGS = new SettingGroup(GROUP, "How messages are parsed.");

    public static final Setting<String> TIME_ZONE =
            SETTINGS.string("time-zone", "America/New_York", "IANA zone of the published local times");
    public static final Setting<Integer> MAX_PAYLOAD_BYTES = SETTINGS.integer(
            "max-payload-bytes", 256 * 1024, "larger messages are quarantined before parsing (1024 to 67108864)");

    private ParseSettings() {}
}
