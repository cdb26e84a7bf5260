package org.requestslakehouse.silver;

import java.util.Arrays;
import java.util.Objects;

import org.requestslakehouse.model.ServiceRequest;

/**
 * A 64-bit hash of a version's content. Where a message came from and when it was read are left out, so the
 * same row delivered twice (a replay, a redelivery after a crash) has the same fingerprint and is recognised
 * as a duplicate.
 */
public final class VersionFingerprint {
    private VersionFingerprint() {}

    public static long of(ServiceRequest r) {
        long h = 1125899906842597L;
        h = mix(h, Long.hashCode(r.caseEnquiryId));
        h = mix(h, Objects.hashCode(r.openTs));
        h = mix(h, Objects.hashCode(r.slaTargetTs));
        h = mix(h, Objects.hashCode(r.closedTs));
        h = mix(h, Objects.hashCode(r.caseStatus));
        h = mix(h, Objects.hashCode(r.onTimeStatus));
        h = mix(h, Objects.hashCode(r.closureReason));
        h = mix(h, Objects.hashCode(r.caseTitle));
        h = mix(h, Objects.hashCode(r.subject));
        h = mix(h, Objects.hashCode(r.reason));
        h = mix(h, Objects.hashCode(r.type));
        h = mix(h, Objects.hashCode(r.queue));
        h = mix(h, Objects.hashCode(r.department));
        h = mix(h, Arrays.hashCode(r.submittedPhotos));
        h = mix(h, Arrays.hashCode(r.closedPhotos));
        h = mix(h, Objects.hashCode(r.location));
        h = mix(h, Objects.hashCode(r.locationStreetName));
        h = mix(h, Objects.hashCode(r.zipcode));
        h = mix(h, Objects.hashCode(r.fireDistrict));
        h = mix(h, Objects.hashCode(r.pwdDistrict));
        h = mix(h, Objects.hashCode(r.cityCouncilDistrict));
        h = mix(h, Objects.hashCode(r.policeDistrict));
        h = mix(h, Objects.hashCode(r.neighborhood));
        h = mix(h, Objects.hashCode(r.neighborhoodServicesDistrict));
        h = mix(h, Objects.hashCode(r.ward));
        h = mix(h, Objects.hashCode(r.precinct));
        h = mix(h, Objects.hashCode(r.landUsage));
        h = mix(h, Objects.hashCode(r.propertyType));
        h = mix(h, Objects.hashCode(r.propertyId));
        h = mix(h, Objects.hashCode(r.latitude));
        h = mix(h, Objects.hashCode(r.longitude));
        h = mix(h, Objects.hashCode(r.source));
        h = mix(h, Objects.hashCode(r.extraFields));
        return h;
    }

    private static long mix(long h, int v) {
        h ^= v;
        h *= 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }
}
