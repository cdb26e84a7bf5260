package org.requestslakehouse.parsing;

import java.util.Locale;

/**
 * What an input key means, whatever layout spelled it. Each constant is named after the silver column it feeds
 * (photos are plural there because they become arrays); each city profile ({@code cities/*.json}, compiled by
 * {@link CityProfiles}) maps its layouts' spellings here.
 */
public enum CanonicalField {
    CASE_ENQUIRY_ID,
    OPEN_TS,
    SLA_TARGET_TS,
    CLOSED_TS,
    ON_TIME_STATUS,
    CASE_STATUS,
    CLOSURE_REASON,
    CASE_TITLE,
    SUBJECT,
    REASON,
    TYPE,
    QUEUE,
    DEPARTMENT,
    SUBMITTED_PHOTOS,
    CLOSED_PHOTOS,
    LOCATION,
    LOCATION_STREET_NAME,
    ZIPCODE,
    FIRE_DISTRICT,
    PWD_DISTRICT,
    CITY_COUNCIL_DISTRICT,
    POLICE_DISTRICT,
    NEIGHBORHOOD,
    NEIGHBORHOOD_SERVICES_DISTRICT,
    WARD,
    PRECINCT,
    LAND_USAGE,
    PROPERTY_TYPE,
    PROPERTY_ID,
    LATITUDE,
    LONGITUDE,
    SOURCE,
    /** Envelope: OPENED, UPDATED, CLOSED or SNAPSHOT. Not a CSV column. */
    EVENT_TYPE,
    /** Envelope: when the producer emitted the event. Not a CSV column. */
    EMITTED_AT;

    static final int COUNT = values().length;

    private final String column = name().toLowerCase(Locale.ROOT);
    private final String invalidFlag = "invalid_" + column;
    private final String conflictingFlag = "conflicting_" + column;

    /** The silver column name, also the suffix of this field's data-quality flags ({@code invalid_ward}). */
    public String column() {
        return column;
    }

    /** See {@link DqFlags#invalid}. */
    String invalidFlag() {
        return invalidFlag;
    }

    /** See {@link DqFlags#conflicting}. */
    String conflictingFlag() {
        return conflictingFlag;
    }
}
