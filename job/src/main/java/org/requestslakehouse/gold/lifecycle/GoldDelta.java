package org.requestslakehouse.gold.lifecycle;

import java.time.Instant;

/**
 * One +1 or -1 change to a gold window: a case starts or stops counting as opened (at {@link #eventTs} = its
 * open_ts) or as closed (at its closed_ts). Dimensions are already normalised. {@link #closedOnTime} and
 * {@link #resolutionHours} are only meaningful for {@link Measure#CLOSED}; the retraction of a closed
 * contribution carries the values it was added with, so the window can remove exactly what it once counted.
 */
public class GoldDelta {
    /** The case's city, also the city dimension of the windows it counts in. */
    public String city;

    public String requestId;
    public Long caseEnquiryId;
    public Measure measure;
    /** +1 adds the contribution, -1 retracts it. */
    public int sign;

    public Instant eventTs;
    public String neighborhood;
    public String department;
    public String type;
    public Boolean closedOnTime;
    public Double resolutionHours;

    public GoldDelta() {}

    public CaseDimensions dimensions() {
        return new CaseDimensions(city, neighborhood, department, type);
    }

    @Override
    public String toString() {
        return "GoldDelta{case " + city + "/" + requestId + " " + measure + (sign > 0 ? "+" : "") + sign + " at "
                + eventTs
                + ", " + neighborhood + "/" + department + "/" + type
                + (measure == Measure.CLOSED ? ", onTime=" + closedOnTime + ", hours=" + resolutionHours : "") + "}";
    }
}
