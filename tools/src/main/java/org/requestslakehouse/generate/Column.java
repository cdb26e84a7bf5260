package org.requestslakehouse.generate;

/**
 * The facts a published row can carry. Layouts differ in which of them they publish, under which header name and in
 * which order; the value of a column is the same in all of them up to formatting.
 */
public enum Column {
    CASE_ID,
    OPEN,
    TARGET,
    CLOSED,
    ON_TIME,
    STATUS,
    CLOSURE_REASON,
    CASE_TITLE,
    SUBJECT,
    REASON,
    TYPE,
    QUEUE,
    DEPARTMENT,
    SUBMITTED_PHOTO,
    CLOSED_PHOTO,
    LOCATION,
    FIRE_DISTRICT,
    PWD_DISTRICT,
    CITY_COUNCIL_DISTRICT,
    POLICE_DISTRICT,
    NEIGHBORHOOD,
    NEIGHBORHOOD_SERVICES_DISTRICT,
    WARD,
    PRECINCT,
    LAND_USAGE,
    STREET_NAME,
    ZIPCODE,
    PROPERTY_TYPE,
    PROPERTY_ID,
    LATITUDE,
    LONGITUDE,
    SOURCE,
    /** Socrata's {@code (lat, lon)} text. */
    GEOCODED_LOCATION,
    /** PostGIS EWKB hex of the point in EPSG:4326. */
    GEOM_4326
}
