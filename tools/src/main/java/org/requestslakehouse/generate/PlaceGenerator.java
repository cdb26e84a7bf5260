package org.requestslakehouse.generate;

import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.requestslakehouse.generate.BostonGeography.Area;
import org.requestslakehouse.generate.BostonGeography.Neighborhood;

/** Draws case locations: a neighborhood by volume, then a consistent set of district codes, a street and a point. */
final class PlaceGenerator {

    private static final WeightedChoice<Neighborhood> NEIGHBORHOODS =
            WeightedChoice.of(BostonGeography.NEIGHBORHOODS, Neighborhood::weight);
    private static final WeightedChoice<String> LAND_USAGE = WeightedChoice.ofPairs(
            "R1", 30, "R2", 20, "R3", 15, "RC", 8, "C", 7, "CM", 5, "E", 5, "A", 4, "CD", 3, "CL", 3);
    private static final double INTERSECTION_SHARE = 0.2;
    private static final double HOUSE_NUMBER_RANGE_SHARE = 0.04;
    private static final double HOUSE_NUMBER_LETTER_SHARE = 0.03;
    private static final double MAX_HOUSE_NUMBER = 1800;
    /** Longitude degrees are shorter than latitude degrees at 42 N; stretch the spread so areas look round. */
    private static final double LONGITUDE_STRETCH = 1.35;

    private final RandomGenerator random;
    private final boolean quirksEnabled;

    PlaceGenerator(RandomGenerator random, boolean quirksEnabled) {
        this.random = random;
        this.quirksEnabled = quirksEnabled;
    }

    /** A new place; quirks it carries are added to {@code quirks}. */
    Place next(Set<Quirk> quirks) {
        Neighborhood hood = NEIGHBORHOODS.pick(random);
        Area area = hood.areas().get(random.nextInt(hood.areas().size()));
        int precinctNumber = area.precincts()[random.nextInt(area.precincts().length)];
        int precinctCode = area.ward() * 100 + precinctNumber;
        String precinct = precinctCode < 1000 ? "0" + precinctCode : Integer.toString(precinctCode);
        boolean intersection = random.nextDouble() < INTERSECTION_SHARE;

        String location;
        String streetName;
        String zip;
        String landUsage;
        String propertyId;
        if (intersection) {
            String first = pick(hood.streets());
            String second = pickOther(hood.streets(), first);
            streetName = "INTERSECTION " + first + " & " + second;
            location = "INTERSECTION of " + first + " & " + second + "  " + area.townLabel() + "  MA";
            zip = null;
            landUsage = null;
            propertyId = Integer.toString(1 + random.nextInt(15_000));
        } else {
            streetName = houseNumber() + " " + pick(hood.streets());
            zip = area.zip();
            location = streetName + "  " + area.townLabel() + "  MA  " + zip;
            landUsage = LAND_USAGE.pick(random);
            propertyId = Integer.toString(1 + random.nextInt(300_000));
        }
        double latitude = clamp(
                hood.latitude() + random.nextGaussian() * hood.spreadDegrees(),
                BostonGeography.MIN_LATITUDE,
                BostonGeography.MAX_LATITUDE);
        double longitude = clamp(
                hood.longitude() + random.nextGaussian() * hood.spreadDegrees() * LONGITUDE_STRETCH,
                BostonGeography.MIN_LONGITUDE,
                BostonGeography.MAX_LONGITUDE);

        if (quirksEnabled) {
            addPublishingQuirks(quirks, intersection, zip != null);
            if (random.nextDouble() < Quirk.PLACEHOLDER_COORDINATES.rate()) {
                quirks.add(Quirk.PLACEHOLDER_COORDINATES);
                latitude = Place.PLACEHOLDER_LATITUDE;
                longitude = Place.PLACEHOLDER_LONGITUDE;
                if (random.nextDouble() < Quirk.NOT_GEOCODED.rate()) {
                    quirks.add(Quirk.NOT_GEOCODED);
                    return notGeocoded();
                }
            }
        }
        return new Place(
                location,
                streetName,
                zip,
                area.fireDistrict(),
                area.pwdDistrict(),
                area.cityCouncilDistrict(),
                area.policeDistrict(),
                hood.name(),
                area.neighborhoodServicesDistrict(),
                area.ward(),
                precinct,
                landUsage,
                intersection ? Place.INTERSECTION : Place.ADDRESS,
                propertyId,
                latitude,
                longitude);
    }

    private void addPublishingQuirks(Set<Quirk> quirks, boolean intersection, boolean hasZip) {
        if (hasZip) {
            double zipDraw = random.nextDouble();
            if (zipDraw < Quirk.ZIP_AS_FLOAT.rate()) {
                quirks.add(Quirk.ZIP_AS_FLOAT);
            } else if (zipDraw < Quirk.ZIP_AS_FLOAT.rate() + Quirk.ZIP_MISSING.rate()) {
                quirks.add(Quirk.ZIP_MISSING);
            }
        }
        double wardDraw = random.nextDouble();
        double bareRate = intersection ? Quirk.BARE_WARD_RATE_AT_INTERSECTIONS : Quirk.WARD_BARE_NUMBER.rate();
        if (wardDraw < bareRate) {
            quirks.add(Quirk.WARD_BARE_NUMBER);
        } else if (!intersection && wardDraw < bareRate + Quirk.WARD_ZERO_PADDED.rate()) {
            quirks.add(Quirk.WARD_ZERO_PADDED);
        }
        if (random.nextDouble() < Quirk.PRECINCT_AS_FLOAT.rate()) {
            quirks.add(Quirk.PRECINCT_AS_FLOAT);
        }
        if (random.nextDouble() < Quirk.DISTRICTS_AS_FLOAT.rate()) {
            quirks.add(Quirk.DISTRICTS_AS_FLOAT);
        }
        if (intersection && random.nextDouble() < Quirk.HTML_ENTITIES.rate()) {
            quirks.add(Quirk.HTML_ENTITIES);
        }
    }

    private static Place notGeocoded() {
        return new Place(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Place.PLACEHOLDER_LATITUDE,
                Place.PLACEHOLDER_LONGITUDE);
    }

    private String houseNumber() {
        int number = (int) Math.exp(random.nextDouble() * Math.log(MAX_HOUSE_NUMBER));
        double shape = random.nextDouble();
        if (shape < HOUSE_NUMBER_RANGE_SHARE) {
            return number + "-" + (number + 2);
        }
        if (shape < HOUSE_NUMBER_RANGE_SHARE + HOUSE_NUMBER_LETTER_SHARE) {
            return number + String.valueOf((char) ('A' + random.nextInt(4)));
        }
        return Integer.toString(number);
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }

    private String pickOther(List<String> options, String taken) {
        int index = random.nextInt(options.size() - 1);
        String candidate = options.get(index);
        // skip over the taken street so every other street stays equally likely
        return candidate.equals(taken) ? options.get(options.size() - 1) : candidate;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
