package org.requestslakehouse.silver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.requestslakehouse.model.ServiceRequest;
import org.requestslakehouse.model.ServiceRequestColumn;

/**
 * The fingerprint is stored in the silver filter's keyed state ({@link CaseVersion#fingerprint}): a different value
 * for the same content after an upgrade would make every restored case look changed and rewrite it. The numbers
 * below were computed by the hand-written fingerprint this project shipped before the columns were declared in
 * {@link ServiceRequestColumn}; they must never change, not even when a column is added.
 */
class VersionFingerprintTest {

    @Test
    void aFullyPopulatedVersionKeepsItsFingerprint() {
        assertThat(VersionFingerprint.of(closedCase())).isEqualTo(FULL);
    }

    @Test
    void aVersionWithOnlyItsKeyKeepsItsFingerprint() {
        ServiceRequest r = new ServiceRequest();
        r.caseEnquiryId = 1L;
        r.openTs = Instant.EPOCH;
        assertThat(VersionFingerprint.of(r)).isEqualTo(KEY_ONLY);
    }

    @Test
    void anOpenVersionKeepsItsFingerprint() {
        assertThat(VersionFingerprint.of(openCase())).isEqualTo(OPEN);
    }

    /** Ingestion metadata and values derived from content are left out: a redelivery is the same version. */
    @Test
    void whereAndWhenAVersionWasReadDoNotChangeItsFingerprint() {
        ServiceRequest redelivered = closedCase();
        redelivered.ingestedAtMillis = 1_700_000_000_000L;
        redelivered.sourceRef = "csv:/data/boston311.csv@12";
        redelivered.emittedAt = null;
        redelivered.eventTs = redelivered.closedTs;
        redelivered.eventType = "SNAPSHOT";
        redelivered.sourceLayout = "CKAN_2024";
        redelivered.dqFlags = new String[0];
        assertThat(VersionFingerprint.of(redelivered)).isEqualTo(FULL);
    }

    /**
     * Pretends extra_fields, the last fingerprinted column, was appended after the first release: a version without a
     * value for it keeps the fingerprint the release before gave it, so adding a column does not make every restored
     * case look changed; with a value it is a new version.
     */
    @Test
    void aColumnAppendedLaterChangesNoFingerprintOfAVersionWithoutIt() {
        int appended = ServiceRequestColumn.EXTRA_FIELDS.ordinal();
        ServiceRequest r = closedCase();
        r.extraFields = null;
        assertThat(new VersionFingerprint(appended, appended + 1).fingerprint(r))
                .isEqualTo(new VersionFingerprint(appended, appended).fingerprint(r));

        r.extraFields = "{}";
        assertThat(new VersionFingerprint(appended, appended + 1).fingerprint(r))
                .isNotEqualTo(new VersionFingerprint(appended, appended).fingerprint(r));
    }

    /** Pretends source and extra_fields were both appended later: the same value in one or the other is a change. */
    @Test
    void aValueMovedFromOneAppendedColumnToAnotherIsANewVersion() {
        int firstAppended = ServiceRequestColumn.SOURCE.ordinal();
        int declared = ServiceRequestColumn.EXTRA_FIELDS.ordinal() + 1;
        ServiceRequest inSource = closedCase();
        inSource.source = "x";
        inSource.extraFields = null;
        ServiceRequest inExtraFields = closedCase();
        inExtraFields.source = null;
        inExtraFields.extraFields = "x";
        assertThat(new VersionFingerprint(firstAppended, declared).fingerprint(inSource))
                .isNotEqualTo(new VersionFingerprint(firstAppended, declared).fingerprint(inExtraFields));
    }

    private static final long FULL = 33794882970224338L;
    private static final long KEY_ONLY = 5399795558689177138L;
    private static final long OPEN = 4609551037895616301L;

    static ServiceRequest closedCase() {
        ServiceRequest r = new ServiceRequest();
        r.caseEnquiryId = 101004125189L;
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

    /** Values the parser produces for an open case from the 2024 export: unicode, a null photo list, no ward. */
    static ServiceRequest openCase() {
        ServiceRequest r = new ServiceRequest();
        r.caseEnquiryId = 101005210007L;
        r.openTs = Instant.parse("2024-03-10T07:15:00Z");
        r.slaTargetTs = Instant.parse("2024-03-12T07:15:00Z");
        r.caseStatus = "OPEN";
        r.onTimeStatus = "OVERDUE";
        r.slaHours = 48.0;
        r.caseTitle = "Pothole – Dudley St";
        r.subject = "Public Works Department";
        r.reason = "Highway Maintenance";
        r.type = "Request for Pothole Repair";
        r.queue = "PWDx_District 1C: Roxbury";
        r.department = "PWDx";
        r.closedPhotos = new String[] {"https://b/é.png"};
        r.location = "12 Dudley St, Roxbury, MA, 02119";
        r.zipcode = "02119";
        r.neighborhood = "Roxbury";
        r.precinct = "0801";
        r.latitude = 42.3281;
        r.longitude = -71.0838;
        r.source = "Constituent Call";
        r.openDateLocal = LocalDate.of(2024, 3, 10);
        r.sourceLayout = "CKAN_2024";
        r.eventType = "OPENED";
        r.emittedAt = Instant.ofEpochMilli(1_710_054_900_001L);
        r.eventTs = r.emittedAt;
        r.dqFlags = new String[] {"missing_target"};
        r.extraFields = "{}";
        r.ingestedAtMillis = 1_710_054_901_000L;
        r.sourceRef = "kinesis:boston311/shardId-000000000000@4960";
        return r;
    }
}
