package org.requestslakehouse.generate;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * Synthetic Open311 GeoReport v2 service requests shaped like Chicago's {@code requests.json} (the real sample):
 * string ids such as {@code SR19-00134785} numbered per year, {@code open}/{@code closed}, the sample's services
 * and codes in its proportions, ISO 8601 times with Chicago's offset, street addresses on the city's grid with
 * coordinates that match them. In open-time order (the sample is ordered by update time; replay wants open time),
 * one random stream per seed. Quirk, only when {@link GeneratorSettings#quirks()}: {@code lat}/{@code long} null,
 * as for the sample's requests that could not be placed.
 */
public final class Open311RequestGenerator implements Iterator<Open311RequestGenerator.Request> {

    /** One request; {@code latitude}/{@code longitude} null when unknown, {@code mediaUrl} null when none. */
    public record Request(
            String serviceRequestId,
            String status,
            String serviceName,
            String serviceCode,
            String requestedDatetime,
            String updatedDatetime,
            String address,
            Double latitude,
            Double longitude,
            String mediaUrl) {}

    static final ZoneId ZONE = ZoneId.of("America/Chicago");

    private record Service(String name, String code, double weight, double medianResolutionHours) {}

    private static final List<Service> SERVICES = List.of(
            new Service("Snow - Uncleared Sidewalk/Bike Lane Complaint", "5c1849d69e6e99eda0adea3b", 11, 72),
            new Service("Water Lead Test Kit Request", "5c1849d69e6e99eda0adec70", 6, 240),
            new Service("Pet Wellness Check Request", "5c1849cd9e6e99eda0ada819", 5, 48),
            new Service("No Water Complaint", "5c1849cc9e6e99eda0ada43a", 3, 12),
            new Service("Abandoned Vehicle Complaint", "4ffa4c69601827691b000018", 3, 300),
            new Service("No Heat Complaint", "5c1849d19e6e99eda0adc033", 3, 36),
            new Service("Crisis Referral", "5c1849c79e6e99eda0ad8e6a", 2, 4),
            new Service("Ice and Snow Removal Request", "5c1849d29e6e99eda0adcd3f", 2, 48),
            new Service("Garbage Cart Maintenance", "5c1849d19e6e99eda0adc3bc", 2, 160),
            new Service("Traffic Signal Out Complaint", "4ffa9db16018277d400000a2", 2, 8),
            new Service("Restaurant Complaint", "4fd6e4ece750840569000019", 1, 400),
            new Service("Request Water Shut-Off Occupied Building", "5c1849ca9e6e99eda0ad9c44", 1, 24),
            new Service("Liquor License Violation", "5c1849d39e6e99eda0add0bf", 1, 300),
            new Service("Check for Leak", "5c1849d19e6e99eda0adc715", 1, 48),
            new Service("Alley Sewer Inspection Request", "5c1849cb9e6e99eda0ada21b", 1, 200),
            new Service("Air Pollution /Odors /Dust", "5c1849d89e6e99eda0adf610", 1, 120),
            new Service("Groceries", "5c1849cb9e6e99eda0ad9f07", 1, 24),
            new Service("Pothole in Street Complaint", "4fd3b656e750846c53000004", 1, 96),
            new Service("Street Light Out Complaint", "4ffa9f2d6018277d400000c8", 1, 120),
            new Service("Stray Animal Complaint", "5c1849c99e6e99eda0ad942c", 1, 30),
            new Service("Snow - Object/Dibs Removal Request", "5c1849d39e6e99eda0add329", 1, 60));

    private static final WeightedChoice<Service> BY_VOLUME = WeightedChoice.of(SERVICES, Service::weight);

    /** The sample's streets; the direction tells which coordinate the house number fixes. */
    private static final List<String> STREETS = List.of(
            "N Ridge Ave",
            "S King Drive Dr",
            "S La Crosse Ave",
            "S Kedzie Ave",
            "N Clybourn Ave",
            "S Sacramento Ave",
            "N Dayton St",
            "N Pittsburgh Ave",
            "S La Salle St",
            "W Farragut Ave",
            "N Halsted St",
            "S Oglesby Ave",
            "S Claremont Ave",
            "N Damen Ave",
            "W Hood Ave",
            "S Paulina St",
            "S East End Ave",
            "W Chicago Ave",
            "W Grand Ave",
            "N Spaulding Ave",
            "W Pope John Paul Ii Dr",
            "S Western Ave",
            "W Aldine Ave",
            "W Ford City Dr",
            "W Harrison St",
            "N Racine Ave",
            "W Lunt Ave",
            "N Oakley Ave",
            "N Oleander Ave",
            "S Ashland Ave",
            "E 95 Th St",
            "N Hermitage Ave",
            "W Schubert Ave",
            "S Greenwood Ave",
            "W Montrose Ave",
            "S Komensky Ave",
            "W School St",
            "W Addison St",
            "N Harding Ave",
            "E 100 Th St",
            "W Devon Ave",
            "W Higgins Ave",
            "N Monitor Ave",
            "S Rhodes Ave",
            "S Champlain Ave",
            "W Pierce Ave",
            "N Harlem Ave");

    /** Chicago's grid: State and Madison are 0, 800 address units to the mile. */
    private static final double ORIGIN_LATITUDE = 41.8819;

    private static final double ORIGIN_LONGITUDE = -87.6278;
    private static final double LATITUDE_PER_UNIT = 0.014_49 / 800;
    private static final double LONGITUDE_PER_UNIT = 0.019_42 / 800;
    /** The city's box. */
    static final double MIN_LATITUDE = 41.644;

    static final double MAX_LATITUDE = 42.023;
    static final double MIN_LONGITUDE = -87.940;
    static final double MAX_LONGITUDE = -87.524;

    private static final double CLOSED_SHARE = 0.9;
    private static final double RESOLUTION_SIGMA = 1.0;
    private static final double NO_COORDINATES_SHARE = 0.04;
    private static final double MEDIA_SHARE = 0.02;
    private static final double ID_GAP_SHARE = 0.5;
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX", Locale.ROOT).withZone(ZONE);

    private final SplittableRandom random;
    private final boolean quirks;
    private final ArrivalSchedule arrivals;
    private final Instant exportedAt;
    private int idYear = -1;
    private long nextIdNumber;

    public Open311RequestGenerator(GeneratorSettings settings, long rows) {
        this.random = new SplittableRandom(settings.seed());
        this.quirks = settings.quirks();
        this.arrivals = new ArrivalSchedule(settings.startDate(), settings.days(), rows, ZONE);
        this.exportedAt = settings.endDateExclusive().atStartOfDay(ZONE).toInstant();
    }

    @Override
    public boolean hasNext() {
        return arrivals.hasNext();
    }

    @Override
    public Request next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Instant requested = arrivals.next(random);
        String id = nextId(requested);
        Service service = BY_VOLUME.pick(random);
        Instant closed = null;
        if (random.nextDouble() < CLOSED_SHARE) {
            double hours = service.medianResolutionHours() * Math.exp(RESOLUTION_SIGMA * random.nextGaussian());
            Instant at = requested.plusSeconds(Math.round(hours * 3600));
            closed = at.isBefore(exportedAt) ? at : null;
        }
        // an open request is updated once more when it is routed, seconds to hours later
        Instant updated = closed != null
                ? closed
                : min(requested.plusSeconds(Math.round(60 * Math.exp(5 * random.nextDouble()))), exportedAt);

        String street = STREETS.get(random.nextInt(STREETS.size()));
        int number = houseNumber(street.charAt(0));
        double[] point = point(street.charAt(0), number);
        boolean placed = !(quirks && random.nextDouble() < NO_COORDINATES_SHARE);
        String media = random.nextDouble() < MEDIA_SHARE
                ? "http://311request.cityofchicago.org/media/chicago/report/photos/" + hex(24) + "/" + service.code()
                        + "_" + requested.getEpochSecond() + "_full.png"
                : null;
        return new Request(
                id,
                closed != null ? "closed" : "open",
                service.name(),
                service.code(),
                TIMESTAMP.format(requested),
                TIMESTAMP.format(updated),
                number + " " + street,
                placed ? point[0] : null,
                placed ? point[1] : null,
                media);
    }

    /** {@code SR19-00134785}: the year of the request, then a number that starts again each year. */
    private String nextId(Instant requested) {
        int year = requested.atZone(ZONE).getYear();
        if (year != idYear) {
            // the range's first year continues a count already under way; a new year starts again at 1
            nextIdNumber = idYear == -1 ? 1 + random.nextInt(60_000) : 1;
            idYear = year;
        }
        long number = nextIdNumber;
        nextIdNumber += random.nextDouble() < ID_GAP_SHARE ? 2 + random.nextInt(4) : 1;
        return String.format(Locale.ROOT, "SR%02d-%08d", year % 100, number);
    }

    private int houseNumber(char direction) {
        int max = switch (direction) {
            case 'N' -> 7_600;
            case 'S' -> 13_000;
            case 'W' -> 7_200;
            default -> 3_200;
        };
        return 1 + random.nextInt(max);
    }

    /** The number fixes latitude on a north-south street, longitude on an east-west one; the other is drawn. */
    private double[] point(char direction, int number) {
        double latitude;
        double longitude;
        switch (direction) {
            case 'N', 'S' -> {
                latitude = ORIGIN_LATITUDE + (direction == 'N' ? 1 : -1) * number * LATITUDE_PER_UNIT;
                longitude = MIN_LONGITUDE + (MAX_LONGITUDE - MIN_LONGITUDE) * random.nextDouble();
            }
            default -> {
                longitude = ORIGIN_LONGITUDE + (direction == 'W' ? -1 : 1) * number * LONGITUDE_PER_UNIT;
                latitude = MIN_LATITUDE + (MAX_LATITUDE - MIN_LATITUDE) * random.nextDouble();
            }
        }
        return new double[] {
            Math.max(MIN_LATITUDE, Math.min(MAX_LATITUDE, latitude)),
            Math.max(MIN_LONGITUDE, Math.min(MAX_LONGITUDE, longitude))
        };
    }

    private String hex(int digits) {
        StringBuilder hex = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
