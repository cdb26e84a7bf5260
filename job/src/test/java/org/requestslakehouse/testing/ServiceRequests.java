package org.requestslakehouse.testing;

import java.time.Instant;
import java.time.LocalDate;
import org.requestslakehouse.model.ServiceRequest;

/** Silver records for tests that need every column set. */
public final class ServiceRequests {
    /** The city every test fixture's case is from unless a test says otherwise. */
    public static final String CITY = "boston";

    private ServiceRequests() {}

    /** Sets the case's identity as the parser would for a Boston case with this numeric id. */
    public static ServiceRequest identify(ServiceRequest r, long id) {
        r.city = CITY;
        r.requestId = Long.toString(id);
        r.caseEnquiryId = id;
        return r;
    }

    /**
     * A closed 2022 case with a value in every column. {@code VersionFingerprintTest} pins its fingerprint as the
     * pre-refactoring code computed it, so a value changed here fails that test.
     */
    public static ServiceRequest closedCase() {
        ServiceRequest r = new ServiceRequest();
        identify(r, 101004125189L);
        r.openTs = Instant.parse("2022-01-19T14:02:33.123456Z");
        r.slaTargetTs = Instant.parse("2022-01-21T14:02:33Z");
        r.closedTs = Instant.parse("2022-01-20T09:30:00Z");
        r.caseStatus = "CLOSED";
        r.onTimeStatus = "ONTIME";
        r.closedOnTime = true;
        r.resolutionHours = 19.46;
        r.slaHours = 48.0;
        r.closureReason = "Case Closed. Case Resolved.";
        r.closureCategory = "RESOLVED";
        r.closureReportedTs = Instant.parse("2022-01-20T09:29:00Z");
        r.caseTitle = "Request for Pothole Repair";
        r.subject = "Public Works Department";
        r.reason = "Highway Maintenance";
        r.type = "Request for Pothole Repair";
        r.queue = "PWDx_District 10B: West Roxbury";
        r.department = "PWDx";
        r.submittedPhotos = new String[] {"https://a/1.jpg", "https://a/2.jpg"};
        r.closedPhotos = new String[0];
        r.location = "INTERSECTION of Centre St & Maple St, West Roxbury, MA";
        r.locationStreetName = "Centre St";
        r.zipcode = "02132";
        r.fireDistrict = "12";
        r.pwdDistrict = "10B";
        r.cityCouncilDistrict = "6";
        r.policeDistrict = "E5";
        r.neighborhood = "West Roxbury";
        r.neighborhoodServicesDistrict = "12";
        r.ward = 20;
        r.precinct = "2008";
        r.landUsage = "R1";
        r.propertyType = "Intersection";
        r.propertyId = "12345";
        r.latitude = 42.2866;
        r.longitude = -71.1496;
        r.source = "Citizens Connect App";
        r.openDateLocal = LocalDate.of(2022, 1, 19);
        r.sourceLayout = "CKAN_2019";
        r.eventType = "CLOSED";
        r.emittedAt = Instant.parse("2022-01-20T09:31:00Z");
        r.eventTs = Instant.parse("2022-01-20T09:31:00Z");
        r.dqFlags = new String[] {"ZIP_LEADING_ZERO_RESTORED", "WARD_PREFIX_STRIPPED"};
        r.extraFields = "{\"_id\":\"7\"}";
        r.ingestedAtMillis = 1_650_000_000_000L;
        r.sourceRef = "kafka:boston311/0@17";
        return r;
    }
}
