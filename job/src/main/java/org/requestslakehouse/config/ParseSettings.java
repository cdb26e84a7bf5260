package org.requestslakehouse.config;

/** Group {@code parse}: how messages are parsed. */
public final class ParseSettings {
    public static final String GROUP = "parse";
    static final SettingGroup SETTINGS = new SettingGroup(GROUP, "How messages are parsed.");

    public static final Setting<String> TIME_ZONE = SETTINGS.string(
            "time-zone",
            "America/New_York",
            "IANA zone of the warehouse's calendar days (open_date_local, gold's days, the dashboard);"
                    + " each city profile names the zone of its own published local times");
    public static final Setting<Integer> MAX_PAYLOAD_BYTES = SETTINGS.integer(
            "max-payload-bytes", 256 * 1024, "larger messages are quarantined before parsing (1024 to 67108864)");
    public static final Setting<String> CITY = SETTINGS.string(
            "city",
            "auto",
            "city profile of the messages: auto (recognise each message among the built-in profiles boston, nyc,"
                    + " open311) or one of those names to force it (docs/cities.md)");
    public static final Setting<String> CITY_PROFILE = SETTINGS.string(
            "city-profile",
            null,
            "path or file: URI of your own city profile (JSON, docs/cities.md), read at job start; when set, every"
                    + " message is parsed with it");

    private ParseSettings() {}
}
