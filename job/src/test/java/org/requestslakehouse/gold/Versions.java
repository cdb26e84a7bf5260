package org.requestslakehouse.gold;

import java.time.Instant;
import org.requestslakehouse.model.ServiceRequest;
import org.requestslakehouse.testing.ServiceRequests;

/** Case versions as the parser would produce them, for the gold tests. */
final class Versions {
    private Versions() {}

    static ServiceRequest open(long id, String openTs, String neighborhood, String department, String type) {
        ServiceRequest r = new ServiceRequest();
        ServiceRequests.identify(r, id);
        r.openTs = Instant.parse(openTs);
        r.caseStatus = "OPEN";
        r.neighborhood = neighborhood;
        r.department = department;
        r.type = type;
        r.emittedAt = r.openTs;
        r.extraFields = "{}";
        r.dqFlags = new String[0];
        return r;
    }

    static ServiceRequest closed(
            long id,
            String openTs,
            String closedTs,
            Boolean onTime,
            Double hours,
            String neighborhood,
            String department,
            String type) {
        ServiceRequest r = open(id, openTs, neighborhood, department, type);
        r.caseStatus = "CLOSED";
        r.closedTs = Instant.parse(closedTs);
        r.closedOnTime = onTime;
        r.resolutionHours = hours;
        r.emittedAt = r.closedTs;
        return r;
    }

    static ServiceRequest emittedAt(ServiceRequest r, String emittedAt) {
        r.emittedAt = Instant.parse(emittedAt);
        return r;
    }
}
