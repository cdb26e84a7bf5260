package org.requestslakehouse.generate;

/**
 * Where a case is, with canonical values: zip {@code 02130}, ward {@code 19}, precinct {@code 0306}, location text
 * with a plain {@code &}. How a layout or a quirk publishes them is the renderer's business. Everything but the
 * coordinates is null when the case was not geocoded.
 *
 * @param location   street address ({@code 42 Cross St  Boston  MA  02113}) or intersection
 *                   ({@code INTERSECTION of Groveland St & River St  Mattapan  MA}), double spaces as published
 * @param zipcode    five digits with the leading zero; null for intersections, which the city publishes without
 * @param landUsage  assessing land use code of the parcel; null for intersections
 */
public record Place(
        String location,
        String streetName,
        String zipcode,
        String fireDistrict,
        String pwdDistrict,
        String cityCouncilDistrict,
        String policeDistrict,
        String neighborhood,
        String neighborhoodServicesDistrict,
        Integer ward,
        String precinct,
        String landUsage,
        String propertyType,
        String propertyId,
        double latitude,
        double longitude) {

    /** City Hall, where the city puts cases it could not geocode. */
    public static final double PLACEHOLDER_LATITUDE = 42.3594;

    public static final double PLACEHOLDER_LONGITUDE = -71.0587;

    public static final String ADDRESS = "Address";
    public static final String INTERSECTION = "Intersection";

    public boolean geocoded() {
        return neighborhood != null;
    }

    public boolean intersection() {
        return INTERSECTION.equals(propertyType);
    }

    public boolean placeholderCoordinates() {
        return latitude == PLACEHOLDER_LATITUDE && longitude == PLACEHOLDER_LONGITUDE;
    }
}
