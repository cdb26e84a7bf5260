package org.requestslakehouse.sinks.iceberg;

import static org.requestslakehouse.sinks.iceberg.RowValues.date;
import static org.requestslakehouse.sinks.iceberg.RowValues.string;
import static org.requestslakehouse.sinks.iceberg.RowValues.strings;
import static org.requestslakehouse.sinks.iceberg.RowValues.timestamp;
import static org.requestslakehouse.sinks.iceberg.RowValues.timestampMillis;

import java.util.List;

import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.RowKind;
import org.apache.iceberg.types.Types;
import org.requestslakehouse.model.ServiceRequest;

/**
 * {@link ServiceRequest} to a {@code silver.service_requests} row. A version becomes an INSERT, which the upsert
 * sink turns into "replace the row with this key". A tombstone becomes a DELETE carrying only the key: in upsert
 * mode Iceberg deletes by key and never looks at the other columns.
 */
public final class ServiceRequestConverter extends RowDataConverter<ServiceRequest> {
    private static final long serialVersionUID = 1L;

    private static final List<String> COLUMNS = LakehouseTable.SERVICE_REQUESTS.definition().schema().columns().stream()
            .map(Types.NestedField::name)
            .toList();
    private static final int ARITY = COLUMNS.size();
    private static final int CASE_ENQUIRY_ID = COLUMNS.indexOf("case_enquiry_id");
    private static final int OPEN_TS = COLUMNS.indexOf("open_ts");

    public ServiceRequestConverter() {
        super(LakehouseTable.SERVICE_REQUESTS);
    }

    @Override
    public RowData map(ServiceRequest r) {
        return r.tombstone ? delete(r) : upsert(r);
    }

    private RowData delete(ServiceRequest r) {
        GenericRowData row = new GenericRowData(RowKind.DELETE, ARITY);
        row.setField(CASE_ENQUIRY_ID, r.caseEnquiryId);
        row.setField(OPEN_TS, timestamp(required(r.openTs, "open_ts", r)));
        return row;
    }

    private RowData upsert(ServiceRequest r) {
        return GenericRowData.ofKind(RowKind.INSERT,
                r.caseEnquiryId,
                timestamp(required(r.openTs, "open_ts", r)),
                timestamp(r.slaTargetTs),
                timestamp(r.closedTs),
                string(r.caseStatus),
                string(r.onTimeStatus),
                r.closedOnTime,
                r.resolutionHours,
                r.slaHours,
                string(r.closureReason),
                string(r.closureCategory),
                timestamp(r.closureReportedTs),
                string(r.caseTitle),
                string(r.subject),
                string(r.reason),
                string(r.type),
                string(r.queue),
                string(r.department),
                strings(r.submittedPhotos),
                strings(r.closedPhotos),
                string(r.location),
                string(r.locationStreetName),
                string(r.zipcode),
                string(r.fireDistrict),
                string(r.pwdDistrict),
                string(r.cityCouncilDistrict),
                string(r.policeDistrict),
                string(r.neighborhood),
                string(r.neighborhoodServicesDistrict),
                r.ward,
                string(r.precinct),
                string(r.landUsage),
                string(r.propertyType),
                string(r.propertyId),
                r.latitude,
                r.longitude,
                string(r.source),
                date(r.openDateLocal),
                string(r.sourceLayout),
                string(r.eventType),
                timestamp(r.emittedAt),
                timestamp(r.eventTs),
                strings(r.dqFlags),
                string(r.extraFields),
                timestampMillis(r.ingestedAtMillis),
                string(r.sourceRef));
    }
}
