package org.requestslakehouse.reliability;

import java.time.Instant;
import org.apache.iceberg.data.Record;
import org.requestslakehouse.model.RequestKey;
import org.requestslakehouse.model.ServiceRequest;
import org.requestslakehouse.verify.TableRows;

/**
 * The columns of a silver row that say which request (its {@link RequestKey}, {@code city/request_id}) and which version of it it holds,
 * and everything gold is computed from.
 * {@code sourceRef} names the Kafka message the version was written from, so equal rows come from the same message.
 */
record SilverRow(
        String request,
        Instant openTs,
        Instant closedTs,
        String caseStatus,
        String eventType,
        Instant emittedAt,
        Instant eventTs,
        String neighborhood,
        String department,
        String type,
        Boolean closedOnTime,
        Double resolutionHours,
        String sourceRef) {

    static SilverRow of(ServiceRequest r) {
        return new SilverRow(
                RequestKey.of(r).toString(),
                r.openTs,
                r.closedTs,
                r.caseStatus,
                r.eventType,
                r.emittedAt,
                r.eventTs,
                r.neighborhood,
                r.department,
                r.type,
                r.closedOnTime,
                r.resolutionHours,
                r.sourceRef);
    }

    static SilverRow of(Record r) {
        return new SilverRow(
                new RequestKey((String) r.getField("city"), (String) r.getField("request_id")).toString(),
                instant(r, "open_ts"),
                instant(r, "closed_ts"),
                (String) r.getField("case_status"),
                (String) r.getField("event_type"),
                instant(r, "emitted_at"),
                instant(r, "event_ts"),
                (String) r.getField("neighborhood"),
                (String) r.getField("department"),
                (String) r.getField("type"),
                (Boolean) r.getField("closed_on_time"),
                (Double) r.getField("resolution_hours"),
                (String) r.getField("source_ref"));
    }

    private static Instant instant(Record r, String column) {
        return TableRows.instant(r.getField(column));
    }
}
