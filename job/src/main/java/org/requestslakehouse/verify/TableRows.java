package org.requestslakehouse.verify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.apache.iceberg.data.Record;
import org.requestslakehouse.model.DailySla;
import org.requestslakehouse.model.HourlyRequests;
import org.requestslakehouse.model.ServiceRequest;

/** Turns rows read back from the tables into the model types the gold computations work on. */
public final class TableRows {
    private TableRows() {}

    /** Only the columns gold depends on are filled. */
    public static ServiceRequest silver(Record r) {
        ServiceRequest s = new ServiceRequest();
        s.caseEnquiryId = (Long) r.getField("case_enquiry_id");
        s.openTs = instant(r.getField("open_ts"));
        s.closedTs = instant(r.getField("closed_ts"));
        s.slaTargetTs = instant(r.getField("sla_target_ts"));
        s.caseStatus = (String) r.getField("case_status");
        s.closedOnTime = (Boolean) r.getField("closed_on_time");
        s.resolutionHours = (Double) r.getField("resolution_hours");
        s.neighborhood = (String) r.getField("neighborhood");
        s.department = (String) r.getField("department");
        s.type = (String) r.getField("type");
        return s;
    }

    public static HourlyRequests hourly(Record r) {
        HourlyRequests h = new HourlyRequests();
        h.windowStart = instant(r.getField("window_start"));
        h.neighborhood = (String) r.getField("neighborhood");
        h.opened = (Long) r.getField("opened");
        h.closed = (Long) r.getField("closed");
        h.closedOnTime = (Long) r.getField("closed_on_time");
        h.closedOverdue = (Long) r.getField("closed_overdue");
        h.resolutionHoursP50 = (Double) r.getField("resolution_hours_p50");
        h.resolutionHoursP90 = (Double) r.getField("resolution_hours_p90");
        h.updatedAt = instant(r.getField("updated_at"));
        return h;
    }

    public static DailySla daily(Record r) {
        DailySla d = new DailySla();
        d.day = (LocalDate) r.getField("day");
        d.department = (String) r.getField("department");
        d.type = (String) r.getField("type");
        d.opened = (Long) r.getField("opened");
        d.closed = (Long) r.getField("closed");
        d.closedOnTime = (Long) r.getField("closed_on_time");
        d.closedOverdue = (Long) r.getField("closed_overdue");
        d.onTimeRate = (Double) r.getField("on_time_rate");
        d.meanResolutionHours = (Double) r.getField("mean_resolution_hours");
        d.resolutionHoursP50 = (Double) r.getField("resolution_hours_p50");
        d.resolutionHoursP90 = (Double) r.getField("resolution_hours_p90");
        d.updatedAt = instant(r.getField("updated_at"));
        return d;
    }

    private static Instant instant(Object value) {
        return value == null ? null : ((OffsetDateTime) value).toInstant();
    }
}
