package org.requestslakehouse.verify;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.apache.iceberg.data.Record;
import org.requestslakehouse.model.ServiceRequest;
import org.requestslakehouse.model.ServiceRequestColumn;

/** Turns silver rows read back from the table into the model type gold is recomputed from. */
public final class TableRows {
    private TableRows() {}

    /** Only the columns gold depends on are filled. */
    public static ServiceRequest silver(Record r) {
        ServiceRequest s = new ServiceRequest();
        s.city = (String) r.getField(ServiceRequestColumn.CITY.column());
        s.requestId = (String) r.getField(ServiceRequestColumn.REQUEST_ID.column());
        s.caseEnquiryId = (Long) r.getField(ServiceRequestColumn.CASE_ENQUIRY_ID.column());
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

    /** An Iceberg timestamptz value as read back (an {@link OffsetDateTime}) as an instant; null stays null. */
    public static Instant instant(Object value) {
        return value == null ? null : ((OffsetDateTime) value).toInstant();
    }
}
