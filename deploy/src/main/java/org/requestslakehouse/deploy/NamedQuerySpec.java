package org.requestslakehouse.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One saved Athena query: its SQL lives in {@code src/main/resources/athena/<file>.sql}, where database names are
 * written as {@code ${GoldDatabase}} / {@code ${SilverDatabase}} and resolved by CloudFormation from the stack's
 * parameters.
 */
public record NamedQuerySpec(String id, String name, String description, String file) {

    public static final List<NamedQuerySpec> ALL = List.of(
            new NamedQuerySpec(
                    "HourlyActivity",
                    "hourly-activity-last-7-days",
                    "Opened and closed requests per hour and neighborhood, last 7 days",
                    "hourly-activity-last-7-days.sql"),
            new NamedQuerySpec(
                    "OnTimeRateByDepartment",
                    "on-time-rate-by-department-last-30-days",
                    "Share of requests closed within SLA per department, last 30 days",
                    "on-time-rate-by-department-last-30-days.sql"),
            new NamedQuerySpec(
                    "ProvisionalHourlyWindows",
                    "provisional-hourly-windows",
                    "Hourly windows that late events can still change (after gold.watermarks)",
                    "provisional-hourly-windows.sql"),
            new NamedQuerySpec(
                    "ProvisionalDailySla",
                    "provisional-daily-sla",
                    "Daily SLA rows that late events can still change (after gold.watermarks)",
                    "provisional-daily-sla.sql"),
            new NamedQuerySpec(
                    "RejectedEvents",
                    "rejected-events-last-7-days",
                    "Events quarantined in silver.rejected_events by reason, last 7 days",
                    "rejected-events-last-7-days.sql"));

    public String sql() {
        String path = "/athena/" + file;
        try (InputStream in = NamedQuerySpec.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing query resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read query resource " + path, e);
        }
    }
}
