package org.requestslakehouse.silver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.requestslakehouse.model.ServiceRequest;
import org.requestslakehouse.model.ServiceRequestColumn;
import org.requestslakehouse.testing.ServiceRequests;

/**
 * The fingerprint is stored in the silver filter's keyed state ({@link CaseVersion#fingerprint}): a different value
 * for the same content after an upgrade would make every restored case look changed and rewrite it. The numbers
 * below were computed by the hand-written fingerprint this project shipped before the columns were declared in
 * {@link ServiceRequestColumn}; they must never change, not even when a column is added.
 */
class VersionFingerprintTest {

    @Test
    void aFullyPopulatedVersionKeepsItsFingerprint() {
        assertThat(VersionFingerprint.of(ServiceRequests.closedCase())).isEqualTo(FULL);
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
        ServiceRequest redelivered = ServiceRequests.closedCase();
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
        ServiceRequest r = ServiceRequests.closedCase();
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
        ServiceRequest inSource = ServiceRequests.closedCase();
        inSource.source = "x";
        inSource.extraFields = null;
        ServiceRequest inExtraFields = ServiceRequests.closedCase();
        inExtraFields.source = null;
        inExtraFields.extraFields = "x";
        assertThat(new VersionFingerprint(firstAppended, declared).fingerprint(inSource))
                .isNotEqualTo(new VersionFingerprint(firstAppended, declared).fingerprint(inExtraFields));
    }

    private static final long FULL = 33794882970224338L;
    private static final long KEY_ONLY = 5399795558689177138L;
    private static final long OPEN = 4609551037895616301L;

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
