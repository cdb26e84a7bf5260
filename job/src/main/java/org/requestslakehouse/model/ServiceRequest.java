package org.requestslakehouse.model;

import java.time.Instant;
import java.time.LocalDate;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * One parsed, normalised and enriched 311 case version: a row of {@code silver.service_requests}.
 * Each field but the tombstone marker is a silver column, declared with its type and role in
 * {@link ServiceRequestColumn}.
 * Flink serializes it with {@link ServiceRequestSerializer}, which follows the column list.
 */
@TypeInfo(ServiceRequestTypeInfo.Factory.class)
public class ServiceRequest {
    /** Boston's numeric case id: the published id when it is a positive whole number, else null. */
    public Long caseEnquiryId;

    public Instant openTs;
    public Instant slaTargetTs;
    public Instant closedTs;
    /** OPEN or CLOSED, derived from closed_ts and the published status. */
    public String caseStatus;
    /** The published on-time status, upper case (ONTIME, OVERDUE), null when empty. */
    public String onTimeStatus;
    /** closed_ts <= sla_target_ts; null when either is null. */
    public Boolean closedOnTime;

    public Double resolutionHours;
    public Double slaHours;
    public String closureReason;
    public String closureCategory;
    public Instant closureReportedTs;
    public String caseTitle;
    public String subject;
    public String reason;
    public String type;
    public String queue;
    public String department;
    public String[] submittedPhotos;
    public String[] closedPhotos;
    public String location;
    public String locationStreetName;
    public String zipcode;
    public String fireDistrict;
    public String pwdDistrict;
    public String cityCouncilDistrict;
    public String policeDistrict;
    public String neighborhood;
    public String neighborhoodServicesDistrict;
    public Integer ward;
    public String precinct;
    public String landUsage;
    public String propertyType;
    public String propertyId;
    public Double latitude;
    public Double longitude;
    /** Intake channel as published (Constituent Call, Citizens Connect App, ...). */
    public String source;
    /** Boston-local calendar date of open_ts (zone configurable). */
    public LocalDate openDateLocal;

    public String sourceLayout;
    public String eventType;
    public Instant emittedAt;
    /**
     * Version time used for "later event wins": emitted_at when the envelope has it, else closed_ts for closed
     * cases, else open_ts.
     */
    public Instant eventTs;

    public String[] dqFlags;
    /** JSON object of every input key that matched no known column. Never null: "{}" when there were none. */
    public String extraFields;

    public long ingestedAtMillis;
    /** Bronze coordinates of the message this version came from. */
    public String sourceRef;
    /**
     * True on a delete of a previously written row (its open_ts moved to another partition). Only the key
     * fields are meaningful then. Set by the lifecycle filter, never by the parser.
     */
    public boolean tombstone;

    /** The city the request belongs to; with {@link #requestId} it identifies the request across cities. */
    public String city;
    /** The request id as the city publishes it (whole numbers in canonical digits). */
    public String requestId;

    public ServiceRequest() {}

    @Override
    public String toString() {
        return "ServiceRequest{" + requestId + " (" + city + "), open=" + openTs + ", closed=" + closedTs + ", status="
                + caseStatus + ", type=" + type + ", neighborhood=" + neighborhood + (tombstone ? ", TOMBSTONE" : "")
                + "}";
    }
}
