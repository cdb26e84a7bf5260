package org.requestslakehouse.generate;

/**
 * Data-quality quirks seen in the real Boston exports (job/src/test/resources/real311/README.md), each applied to a small
 * share of generated records when quirks are enabled. A record lists the quirks it carries, so a test can tell a
 * deliberate oddity from a generator or parser bug. The rates are the share of records eligible for the quirk.
 */
public enum Quirk {
    /** Zip published as a float that lost its leading zero: {@code 2130.0} for 02130. Of records with a zip. */
    ZIP_AS_FLOAT(0.03),
    /** Zip column left empty although the address has one. Of records with a zip. */
    ZIP_MISSING(0.02),
    /**
     * Ward as a bare number ({@code 19}) instead of {@code Ward 19}. Of street addresses; intersections, where the
     * real exports mostly do this, get it at {@link #BARE_WARD_RATE_AT_INTERSECTIONS}.
     */
    WARD_BARE_NUMBER(0.03),
    /** Ward as a zero-padded number ({@code 03}). Of street addresses. */
    WARD_ZERO_PADDED(0.05),
    /** Precinct as a float ({@code 306.0} for 0306). */
    PRECINCT_AS_FLOAT(0.02),
    /** Fire, city council and neighborhood services districts as floats ({@code 4.0}). */
    DISTRICTS_AS_FLOAT(0.02),
    /** City Hall placeholder coordinates 42.3594, -71.0587 for a case that could not be geocoded. */
    PLACEHOLDER_COORDINATES(0.03),
    /**
     * Not geocoded at all: location, districts, ward and precinct published as a single space. Of records with
     * placeholder coordinates.
     */
    NOT_GEOCODED(0.1),
    /** Closed a few seconds before it was opened. Of closed cases. */
    CLOSED_BEFORE_OPEN(0.003),
    /** No target date although the case type has an SLA. Of cases whose type has one. */
    TARGET_MISSING(0.02),
    /** On-time status left empty. */
    ON_TIME_MISSING(0.01),
    /** A tab character inside the closure text. Of closed cases. */
    TAB_IN_TEXT(0.005),
    /** {@code &amp;} instead of {@code &} in an intersection's location and street name. Of intersections. */
    HTML_ENTITIES(0.3);

    public static final double BARE_WARD_RATE_AT_INTERSECTIONS = 0.6;

    private final double rate;

    Quirk(double rate) {
        this.rate = rate;
    }

    /** Probability that an eligible record carries this quirk. */
    public double rate() {
        return rate;
    }
}
