package org.requestslakehouse.generate;

import java.time.Instant;
import java.util.List;

import org.apache.commons.text.StringEscapeUtils;

/**
 * Publishes a record's canonical values the way one layout does, applying the record's formatting quirks
 * (float zips, bare wards, {@code &amp;}, ...). A pure function of record and layout.
 */
final class RowRenderer {

    /** What the exports put in district columns of a case that was not geocoded. */
    private static final String NOT_GEOCODED = " ";
    private static final String PHOTO_SEPARATOR = " | ";

    private RowRenderer() {
    }

    static String[] render(GeneratedRequest request, Layout layout) {
        String[] values = new String[layout.width()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(request, layout, layout.column(i));
        }
        return values;
    }

    static String value(GeneratedRequest r, Layout layout, Column column) {
        Place place = r.place();
        switch (column) {
            case CASE_ID: return Long.toString(r.caseId());
            case OPEN: return timestamp(r.openTs(), layout);
            case TARGET: return timestamp(r.targetTs(), layout);
            case CLOSED: return timestamp(r.closedTs(), layout);
            case ON_TIME: return orEmpty(r.onTimeStatus());
            case STATUS: return r.caseStatus();
            case CLOSURE_REASON: return r.closed() ? r.closureReason() : layout.openClosureReason();
            case CASE_TITLE: return r.caseTitle();
            case SUBJECT: return r.subject();
            case REASON: return r.reason();
            case TYPE: return r.type();
            case QUEUE: return r.queue();
            case DEPARTMENT: return r.department();
            case SUBMITTED_PHOTO: return photos(r.submittedPhotos());
            case CLOSED_PHOTO: return photos(r.closedPhotos());
            case LOCATION: return location(r, layout);
            case FIRE_DISTRICT: return district(r, place.fireDistrict());
            case PWD_DISTRICT: return geocodedOrBlank(place.pwdDistrict());
            case CITY_COUNCIL_DISTRICT: return district(r, place.cityCouncilDistrict());
            case POLICE_DISTRICT: return geocodedOrBlank(place.policeDistrict());
            case NEIGHBORHOOD: return geocodedOrBlank(place.neighborhood());
            case NEIGHBORHOOD_SERVICES_DISTRICT: return district(r, place.neighborhoodServicesDistrict());
            case WARD: return ward(r);
            case PRECINCT: return precinct(r);
            case LAND_USAGE: return orEmpty(place.landUsage());
            case STREET_NAME: return escapedIfQuirk(r, orEmpty(place.streetName()));
            case ZIPCODE: return zip(r);
            case PROPERTY_TYPE: return orEmpty(place.propertyType());
            case PROPERTY_ID: return orEmpty(place.propertyId());
            case LATITUDE: return coordinate(place.latitude(), layout);
            case LONGITUDE: return coordinate(place.longitude(), layout);
            case SOURCE: return r.source();
            case GEOCODED_LOCATION:
                return "(" + roundedCoordinate(place.latitude()) + ", " + roundedCoordinate(place.longitude()) + ")";
            case GEOM_4326: return PointGeometry.ewkbHex(place.latitude(), place.longitude());
            default: throw new IllegalStateException("unhandled column " + column);
        }
    }

    private static String timestamp(Instant instant, Layout layout) {
        return instant == null ? "" : layout.formatTimestamp(instant);
    }

    private static String photos(List<String> urls) {
        return urls.isEmpty() ? "" : String.join(PHOTO_SEPARATOR, urls);
    }

    private static String location(GeneratedRequest r, Layout layout) {
        Place place = r.place();
        if (!place.geocoded()) {
            return NOT_GEOCODED;
        }
        String location = place.intersection() && layout.intersectionTrailingSpaces()
                ? place.location() + "  "
                : place.location();
        return escapedIfQuirk(r, location);
    }

    private static String escapedIfQuirk(GeneratedRequest r, String text) {
        return r.has(Quirk.HTML_ENTITIES) ? StringEscapeUtils.escapeHtml4(text) : text;
    }

    private static String district(GeneratedRequest r, String code) {
        if (code == null) {
            return NOT_GEOCODED;
        }
        return r.has(Quirk.DISTRICTS_AS_FLOAT) ? Integer.parseInt(code) + ".0" : code;
    }

    private static String geocodedOrBlank(String value) {
        return value == null ? NOT_GEOCODED : value;
    }

    private static String ward(GeneratedRequest r) {
        Integer ward = r.place().ward();
        if (ward == null) {
            return NOT_GEOCODED;
        }
        if (r.has(Quirk.WARD_BARE_NUMBER)) {
            return Integer.toString(ward);
        }
        if (r.has(Quirk.WARD_ZERO_PADDED)) {
            return ward < 10 ? "0" + ward : Integer.toString(ward);
        }
        return "Ward " + ward;
    }

    private static String precinct(GeneratedRequest r) {
        String precinct = r.place().precinct();
        if (precinct == null) {
            return NOT_GEOCODED;
        }
        return r.has(Quirk.PRECINCT_AS_FLOAT) ? Integer.parseInt(precinct) + ".0" : precinct;
    }

    private static String zip(GeneratedRequest r) {
        String zip = r.place().zipcode();
        if (zip == null || r.has(Quirk.ZIP_MISSING)) {
            return "";
        }
        return r.has(Quirk.ZIP_AS_FLOAT) ? Integer.parseInt(zip) + ".0" : zip;
    }

    private static String coordinate(double value, Layout layout) {
        return layout.fullPrecisionCoordinates() ? Double.toString(value) : roundedCoordinate(value);
    }

    private static String roundedCoordinate(double value) {
        return Double.toString(Math.round(value * 10_000) / 10_000.0);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
