package org.requestslakehouse.generate;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.requestslakehouse.generate.NycCatalog.Complaint;
import org.requestslakehouse.generate.NycGeography.Borough;
import org.requestslakehouse.generate.NycGeography.Place;

/**
 * Synthetic New York City 311 cases as rows of the portal export's current 41-column layout, in open-time order,
 * one random stream per seed (equal settings give equal rows). Values follow the real sample: its complaint types
 * and agencies ({@link NycCatalog}), its streets, zips and community boards ({@link NycGeography}), its statuses
 * (open NYPD cases are {@code In Progress}), placeholders ({@code Unspecified} park facility, {@code N/A}
 * descriptors) and timestamps ({@code 05/01/2022 12:00:03 AM}, New York local time without an offset).
 *
 * <p>Shapes every file has: intersections (no house number, city or BBL) and blockface reports (street segments:
 * no coordinates). Quirks, only when {@link GeneratorSettings#quirks()}: zips as ZIP+4 or {@code 0}, cases
 * closed a few seconds before they were created.
 */
public final class NycRequestGenerator implements Iterator<String[]> {
    public static final List<String> HEADER = List.of(
            "Unique Key",
            "Created Date",
            "Closed Date",
            "Agency",
            "Agency Name",
            "Complaint Type",
            "Descriptor",
            "Location Type",
            "Incident Zip",
            "Incident Address",
            "Street Name",
            "Cross Street 1",
            "Cross Street 2",
            "Intersection Street 1",
            "Intersection Street 2",
            "Address Type",
            "City",
            "Landmark",
            "Facility Type",
            "Status",
            "Due Date",
            "Resolution Description",
            "Resolution Action Updated Date",
            "Community Board",
            "BBL",
            "Borough",
            "X Coordinate (State Plane)",
            "Y Coordinate (State Plane)",
            "Open Data Channel Type",
            "Park Facility Name",
            "Park Borough",
            "Vehicle Type",
            "Taxi Company Borough",
            "Taxi Pick Up Location",
            "Bridge Highway Name",
            "Bridge Highway Direction",
            "Road Ramp",
            "Bridge Highway Segment",
            "Latitude",
            "Longitude",
            "Location");

    /** New York and Boston share a zone: the arrival rhythm and the local times are those of the job's default. */
    static final ZoneId ZONE = BostonTime.ZONE;

    static final long FIRST_KEY = 54_000_000L;
    private static final int FIRST_KEY_SPREAD = 100_000;
    private static final double KEY_GAP_SHARE = 0.35;
    private static final double INTERSECTION_SHARE = 0.04;
    private static final double ZIP_PLUS_FOUR_SHARE = 0.003;
    private static final double ZIP_ZERO_SHARE = 0.002;
    private static final double CLOSED_BEFORE_CREATED_SHARE = 0.002;
    private static final double RESOLUTION_SIGMA = 1.0;
    /** Degrees of jitter around a sample point: a few blocks. */
    private static final double LATITUDE_SPREAD = 0.004;

    private static final double LONGITUDE_SPREAD = 0.005;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a", Locale.US);
    private static final WeightedChoice<String> OPEN_STATUS =
            WeightedChoice.ofPairs("In Progress", 70, "Assigned", 20, "Open", 10);

    private final SplittableRandom random;
    private final boolean quirks;
    private final ArrivalSchedule arrivals;
    private final Instant exportedAt;
    private long nextKey;

    public NycRequestGenerator(GeneratorSettings settings, long rows) {
        this.random = new SplittableRandom(settings.seed());
        this.quirks = settings.quirks();
        this.arrivals = new ArrivalSchedule(settings.startDate(), settings.days(), rows, ZONE);
        this.exportedAt = settings.endDateExclusive().atStartOfDay(ZONE).toInstant();
        this.nextKey = FIRST_KEY + random.nextInt(FIRST_KEY_SPREAD);
    }

    @Override
    public boolean hasNext() {
        return arrivals.hasNext();
    }

    @Override
    public String[] next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Instant created = arrivals.next(random);
        long key = nextKey;
        nextKey += random.nextDouble() < KEY_GAP_SHARE ? 2 + random.nextInt(3) : 1;
        Complaint complaint = NycCatalog.BY_VOLUME.pick(random);
        Place place = NycGeography.PLACES.get(random.nextInt(NycGeography.PLACES.size()));
        String addressType = complaint.blockface()
                ? "BLOCKFACE"
                : random.nextDouble() < INTERSECTION_SHARE ? "INTERSECTION" : "ADDRESS";
        boolean address = addressType.equals("ADDRESS");

        Instant closed = closeTime(complaint, created);
        String resolution = closed != null || complaint.agency().equals("DOT")
                ? complaint
                        .resolution()
                        .get(random.nextInt(complaint.resolution().size()))
                : "";
        String resolutionUpdated = closed != null
                ? timestamp(closed.plusSeconds(2 + random.nextInt(9)))
                : complaint.agency().equals("DOT") ? timestamp(created) : "";
        String status = closed != null
                ? "Closed"
                : complaint.agency().equals("NYPD") ? "In Progress" : OPEN_STATUS.pick(random);

        String[] row = new String[HEADER.size()];
        int i = 0;
        row[i++] = Long.toString(key);
        row[i++] = timestamp(created);
        row[i++] = closed == null ? "" : timestamp(closed);
        row[i++] = complaint.agency();
        row[i++] = NycCatalog.AGENCY_NAMES.get(complaint.agency());
        row[i++] = complaint.type();
        row[i++] = complaint.descriptors().pick(random);
        row[i++] = complaint.locationTypes().pick(random);
        row[i++] = zip(place.zip());
        row[i++] = address ? houseNumber(place.borough()) + " " + place.street() : place.street();
        row[i++] = place.street();
        row[i++] = place.crossStreet1();
        row[i++] = place.crossStreet2();
        row[i++] = complaint.blockface() ? "" : place.crossStreet1();
        row[i++] = complaint.blockface() ? "" : place.crossStreet2();
        row[i++] = addressType;
        row[i++] = addressType.equals("INTERSECTION") ? "" : place.city();
        row[i++] = address ? place.street() : "";
        row[i++] = complaint.blockface() ? "N/A" : "";
        row[i++] = status;
        row[i++] = ""; // Due Date: empty throughout the current layout's exports
        row[i++] = resolution;
        row[i++] = resolutionUpdated;
        row[i++] = place.communityBoard();
        row[i++] = address ? bbl(place.borough()) : "";
        row[i++] = place.borough().published();
        int coordinates = i;
        i += 2; // State Plane X and Y, filled in with latitude and longitude
        row[i++] = NycCatalog.CHANNELS.pick(random);
        row[i++] = "Unspecified";
        row[i++] = place.borough().published();
        for (int empty = 0; empty < 7; empty++) {
            row[i++] = ""; // vehicle, taxi and bridge columns: other complaint types only
        }
        if (complaint.blockface()) {
            row[coordinates] = "";
            row[coordinates + 1] = "";
            row[i++] = "";
            row[i++] = "";
            row[i++] = "";
        } else {
            double latitude = clamp(
                    place.latitude() + LATITUDE_SPREAD * random.nextGaussian(),
                    NycGeography.MIN_LATITUDE,
                    NycGeography.MAX_LATITUDE);
            double longitude = clamp(
                    place.longitude() + LONGITUDE_SPREAD * random.nextGaussian(),
                    NycGeography.MIN_LONGITUDE,
                    NycGeography.MAX_LONGITUDE);
            row[coordinates] = Long.toString(NycGeography.statePlaneX(latitude, longitude));
            row[coordinates + 1] = Long.toString(NycGeography.statePlaneY(latitude, longitude));
            row[i++] = Double.toString(latitude);
            row[i++] = Double.toString(longitude);
            row[i++] = "(" + latitude + ", " + longitude + ")";
        }
        return row;
    }

    /** Null while the case is open at the export (the end of the date range). */
    private Instant closeTime(Complaint complaint, Instant created) {
        if (random.nextDouble() >= complaint.closedShare()) {
            return null;
        }
        if (quirks && random.nextDouble() < CLOSED_BEFORE_CREATED_SHARE) {
            return created.minusSeconds(1 + random.nextInt(30));
        }
        double hours = complaint.medianResolutionHours() * Math.exp(RESOLUTION_SIGMA * random.nextGaussian());
        Instant closed = created.plusSeconds(Math.round(hours * 3600));
        return closed.isBefore(exportedAt) ? closed : null;
    }

    private String zip(String zip) {
        if (!quirks) {
            return zip;
        }
        double draw = random.nextDouble();
        if (draw < ZIP_PLUS_FOUR_SHARE) {
            return zip + "-" + (1000 + random.nextInt(9000));
        }
        return draw < ZIP_PLUS_FOUR_SHARE + ZIP_ZERO_SHARE ? "0" : zip;
    }

    /** Queens numbers its houses by cross street: {@code 86-12 91 STREET}. */
    private String houseNumber(Borough borough) {
        if (borough == Borough.QUEENS) {
            int suffix = 1 + random.nextInt(99);
            return (1 + random.nextInt(250)) + (suffix < 10 ? "-0" : "-") + suffix;
        }
        return Integer.toString(1 + random.nextInt(2500));
    }

    /** Borough, five-digit block, four-digit lot. */
    private String bbl(Borough borough) {
        long block = 1 + random.nextInt(16_000);
        long lot = 1 + random.nextInt(300);
        return Long.toString(borough.code * 1_000_000_000L + block * 10_000 + lot);
    }

    private static String timestamp(Instant instant) {
        return TIMESTAMP.format(BostonTime.toLocal(instant));
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
