package org.requestslakehouse.gold;

import java.time.Instant;
import org.requestslakehouse.gold.lifecycle.GoldDelta;
import org.requestslakehouse.gold.lifecycle.Measure;
import org.requestslakehouse.testing.ServiceRequests;

/** Builds deltas as the lifecycle function would emit them. */
final class Deltas {
    static final String DEPARTMENT = "PWDx";
    static final String TYPE = "Request for Pothole Repair";

    private Deltas() {}

    static GoldDelta opened(long caseId, int sign, String eventTs, String neighborhood) {
        return delta(caseId, Measure.OPENED, sign, eventTs, neighborhood);
    }

    static GoldDelta closed(long caseId, int sign, String eventTs, String neighborhood, Boolean onTime, Double hours) {
        GoldDelta d = delta(caseId, Measure.CLOSED, sign, eventTs, neighborhood);
        d.closedOnTime = onTime;
        d.resolutionHours = hours;
        return d;
    }

    private static GoldDelta delta(long caseId, Measure measure, int sign, String eventTs, String neighborhood) {
        GoldDelta d = new GoldDelta();
        d.city = ServiceRequests.CITY;
        d.requestId = Long.toString(caseId);
        d.caseEnquiryId = caseId;
        d.measure = measure;
        d.sign = sign;
        d.eventTs = Instant.parse(eventTs);
        d.neighborhood = neighborhood;
        d.department = DEPARTMENT;
        d.type = TYPE;
        return d;
    }
}
