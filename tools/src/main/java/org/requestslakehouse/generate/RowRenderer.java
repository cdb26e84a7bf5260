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

    private RowRenderer() {}

    static String[] render(GeneratedRequest request, Layout layout) {
        String[] values = new String[layout.width()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(request, layout, layout.column(i));
        }
        return values;
    }

    static String value(GeneratedRequest r, Layout layout, Column column) {
        Place place = r.place();
        return switch (column) {
            case CASE_ID -> Long.toString(r.caseId());
            case OPEN -> timestamp(r.openTs(), layout);
            case TARGET -> timestamp(r.targetTs(), layout);
            case CLOSED -> timestamp(r.closedTs(), layout);
            case ON_TIME -> orEmpty(r.onTimeStatus());
            case STATUS -> r.caseStatus();
            case CLOSURE_REASON -> r.closed() ? r.closureReason() : layout.openClosureReason();
            case CASE_TITLE -> r.caseTitle();
            case SUBJECT -> r.subject();
            case REASON -> r.reason();
            case TYPE -> r.type();
            case QUEUE -> r.queue();
            case DEPARTMENT -> r.department();
            case SUBMITTED_PHOTO -> photos(r.submittedPhotos());
            case CLOSED_PHOTO -> photos(r.closedPhotos());
            case LOCATION -> location(r, layout);
            case FIRE_DISTRICT -> district(r, place.fireDistrict());
            case PWD_DISTRICT -> geocodedOrBlank(place.pwdDistrict());
            case CITY_COUNCIL_DISTRICT -> district(r, place.cityCouncilDistrict());
            case POLICE_DISTRICT -> geocodedOrBlank(place.policeDistrict());
            case NEIGHBORHOOD -> geocodedOrBlank(place.neighborhood());
            case NEIGHBORHOOD_SERVICES_DISTRICT -> district(r, place.neighborhoodServicesDistrict());
            case WARD -> ward(r);
            case PRECINCT -> precinct(r);
            case LAND_USAGE -> orEmpty(place.landUsage());
            case STREET_NAME -> escapedIfQuirk(r, orEmpty(place.streetName()));
            case ZIPCODE -> zip(r);
            case PROPERTY_TYPE -> orEmpty(place.propertyType());
            case PROPERTY_ID -> orEmpty(place.propertyId());
            case LATITUDE -> coordinate(place.latitude(), layout);
            case LONGITUDE -> coordinate(place.longitude(), layout);
            case SOURCE -> r.source();
            case GEOCODED_LOCATION ->
                "(" + roundedCoordinate(place.latitude()) + ", " + roundedCoordinate(place.longitude()) + ")";
            case GEOM_4326 -> PointGeometry.ewkbHex(place.latitude(), place.longitude());
        };
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
