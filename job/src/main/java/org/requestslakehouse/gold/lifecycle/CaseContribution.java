package org.requestslakehouse.gold.lifecycle;

import java.time.Instant;
import java.util.Objects;
import org.requestslakehouse.model.ServiceRequest;

/**
 * What one case currently adds to gold: an opened part (open_ts and dimensions) and, once closed, a closed
 * part (closed_ts, dimensions, on-time flag, resolution hours). Kept per case so that a superseding version
 * can retract exactly the parts it changes.
 */
public class CaseContribution {
    public Instant openTs;
    public String neighborhood;
    public String department;
    public String type;
    /** Null while the case is open; the closed part exists only when this is set. */
    public Instant closedTs;

    public Boolean closedOnTime;
    public Double resolutionHours;

    public CaseContribution() {}

    public static CaseContribution of(ServiceRequest version) {
        CaseDimensions dims = CaseDimensions.of(version);
        CaseContribution c = new CaseContribution();
        c.openTs = version.openTs;
        c.neighborhood = dims.neighborhood();
        c.department = dims.department();
        c.type = dims.type();
        c.closedTs = version.closedTs;
        if (version.closedTs != null) {
            c.closedOnTime = version.closedOnTime;
            c.resolutionHours = version.resolutionHours;
        }
        return c;
    }

    public boolean hasOpenedPart() {
        return openTs != null;
    }

    public boolean hasClosedPart() {
        return closedTs != null;
    }

    /** True when both have an opened part and it would land in the same windows with the same dimensions. */
    public boolean sameOpenedPart(CaseContribution other) {
        return other != null
                && hasOpenedPart()
                && other.hasOpenedPart()
                && openTs.equals(other.openTs)
                && sameDimensions(other);
    }

    public boolean sameClosedPart(CaseContribution other) {
        return other != null
                && hasClosedPart()
                && other.hasClosedPart()
                && closedTs.equals(other.closedTs)
                && sameDimensions(other)
                && Objects.equals(closedOnTime, other.closedOnTime)
                && Objects.equals(resolutionHours, other.resolutionHours);
    }

    /** @param of any version of the case, for its identity */
    public GoldDelta openedDelta(ServiceRequest of, int sign) {
        return delta(of, Measure.OPENED, sign, openTs);
    }

    /** @param of any version of the case, for its identity */
    public GoldDelta closedDelta(ServiceRequest of, int sign) {
        GoldDelta d = delta(of, Measure.CLOSED, sign, closedTs);
        d.closedOnTime = closedOnTime;
        d.resolutionHours = resolutionHours;
        return d;
    }

    private GoldDelta delta(ServiceRequest of, Measure measure, int sign, Instant eventTs) {
        GoldDelta d = new GoldDelta();
        d.city = of.city;
        d.requestId = of.requestId;
        d.caseEnquiryId = of.caseEnquiryId;
        d.measure = measure;
        d.sign = sign;
        d.eventTs = eventTs;
        d.neighborhood = neighborhood;
        d.department = department;
        d.type = type;
        return d;
    }

    private boolean sameDimensions(CaseContribution other) {
        return Objects.equals(neighborhood, other.neighborhood)
                && Objects.equals(department, other.department)
                && Objects.equals(type, other.type);
    }
}
