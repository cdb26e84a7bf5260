package org.requestslakehouse.generate;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Realistic synthetic Boston 311 cases, in open-time order, generated on demand: memory use does not depend on the
 * number of rows. Every value comes from one random stream seeded by {@link GeneratorSettings#seed()}, so equal
 * settings give equal records on every run.
 *
 * <p>Case ids increase with open time from about {@value #FIRST_CASE_ID}, with the small gaps real exports show.
 * Open cases are judged OVERDUE when their target lies before the end of the date range, as if the data were
 * exported then; closed cases keep their drawn close time even when it falls after the range.
 */
public final class SyntheticRequestGenerator implements Iterator<GeneratedRequest> {

    public static final long FIRST_CASE_ID = 101_004_000_000L;

    private static final int FIRST_CASE_ID_SPREAD = 1000;
    /** Share of consecutive cases whose ids are not adjacent (cases of other exports in between). */
    private static final double CASE_ID_GAP_SHARE = 0.3;

    private static final int CLOSED_BEFORE_OPEN_MAX_SECONDS = 20;

    private final SplittableRandom random;
    private final boolean quirks;
    private final ArrivalSchedule arrivals;
    private final PlaceGenerator places;
    private final ClosureTextGenerator closures;
    private final PhotoUrls photos;
    private final Instant exportedAt;
    private final long firstCaseId;
    private long nextCaseId;

    public SyntheticRequestGenerator(GeneratorSettings settings, long rows) {
        this.random = new SplittableRandom(settings.seed());
        this.quirks = settings.quirks();
        this.arrivals = new ArrivalSchedule(settings.startDate(), settings.days(), rows);
        this.places = new PlaceGenerator(random, quirks);
        this.closures = new ClosureTextGenerator(random);
        this.photos = new PhotoUrls(random);
        this.exportedAt =
                settings.endDateExclusive().atStartOfDay(BostonTime.ZONE).toInstant();
        this.firstCaseId = FIRST_CASE_ID + random.nextInt(FIRST_CASE_ID_SPREAD);
        this.nextCaseId = firstCaseId;
    }

    /** {@code rows} records as an ordered, sequential stream. */
    public static Stream<GeneratedRequest> stream(GeneratorSettings settings, long rows) {
        Spliterator<GeneratedRequest> spliterator = Spliterators.spliterator(
                new SyntheticRequestGenerator(settings, rows),
                rows,
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE);
        return StreamSupport.stream(spliterator, false);
    }

    @Override
    public boolean hasNext() {
        return arrivals.hasNext();
    }

    @Override
    public GeneratedRequest next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Instant openTs = arrivals.next(random);
        long caseId = nextCaseId();
        Set<Quirk> rowQuirks = EnumSet.noneOf(Quirk.class);

        ServiceType service = ServiceCatalog.BY_VOLUME.pick(random);
        Place place = places.next(rowQuirks);
        ServiceType.Routing routing = service.routings.pick(random);
        String queue = ServiceType.queueFor(routing, place.pwdDistrict());
        String caseTitle = caseTitle(service, place);
        String source = service.sources.pick(random);
        Instant targetTs = target(service, openTs, rowQuirks);

        Instant closedTs = null;
        ClosureTextGenerator.ClosureText closure = null;
        if (random.nextDouble() < service.closedShare) {
            closedTs = closeTime(service, openTs, rowQuirks);
            boolean plantTab = quirks && random.nextDouble() < Quirk.TAB_IN_TEXT.rate();
            closure = closures.closureFor(service, closedTs, caseId, firstCaseId, plantTab);
            if (closure.hasTab()) {
                rowQuirks.add(Quirk.TAB_IN_TEXT);
            }
        }
        String onTime = onTimeStatus(targetTs, closedTs, rowQuirks);
        List<String> submittedPhotos =
                random.nextDouble() < submittedPhotoShare(source) ? photos.submitted(openTs) : List.of();
        List<String> closedPhotos = closedTs != null && random.nextDouble() < closedPhotoShare(source)
                ? photos.closed(closedTs)
                : List.of();

        return new GeneratedRequest(
                caseId,
                openTs,
                targetTs,
                closedTs,
                onTime,
                closure == null ? null : closure.text(),
                closure == null ? null : closure.kind(),
                caseTitle,
                service.subject,
                service.reason,
                service.type,
                queue,
                routing.department(),
                submittedPhotos,
                closedPhotos,
                place,
                source,
                Collections.unmodifiableSet(rowQuirks));
    }

    private long nextCaseId() {
        long caseId = nextCaseId;
        nextCaseId += random.nextDouble() < CASE_ID_GAP_SHARE ? 2 + random.nextInt(3) : 1;
        return caseId;
    }

    private String caseTitle(ServiceType service, Place place) {
        if (service.titleVariant == null || random.nextDouble() >= service.titleVariantShare) {
            return service.type;
        }
        if (!place.geocoded() && service.titleVariant.contains("{")) {
            return service.type;
        }
        return service.titleVariant
                .replace("{pwd}", String.valueOf(place.pwdDistrict()))
                .replace("{ward}", String.valueOf(place.ward()))
                .replace("{precinct}", String.valueOf(place.precinct()));
    }

    private Instant target(ServiceType service, Instant openTs, Set<Quirk> rowQuirks) {
        Instant target = service.sla.target(openTs, random);
        if (target != null && quirks && random.nextDouble() < Quirk.TARGET_MISSING.rate()) {
            rowQuirks.add(Quirk.TARGET_MISSING);
            return null;
        }
        return target;
    }

    private Instant closeTime(ServiceType service, Instant openTs, Set<Quirk> rowQuirks) {
        if (quirks && random.nextDouble() < Quirk.CLOSED_BEFORE_OPEN.rate()) {
            rowQuirks.add(Quirk.CLOSED_BEFORE_OPEN);
            return openTs.minusSeconds(1 + random.nextInt(CLOSED_BEFORE_OPEN_MAX_SECONDS));
        }
        double hours = service.medianResolutionHours * Math.exp(service.resolutionSigma * random.nextGaussian());
        return openTs.plusSeconds(Math.round(hours * 3600));
    }

    private String onTimeStatus(Instant targetTs, Instant closedTs, Set<Quirk> rowQuirks) {
        if (quirks && random.nextDouble() < Quirk.ON_TIME_MISSING.rate()) {
            rowQuirks.add(Quirk.ON_TIME_MISSING);
            return null;
        }
        if (targetTs == null) {
            return GeneratedRequest.ON_TIME;
        }
        Instant judgedAt = closedTs != null ? closedTs : exportedAt;
        return judgedAt.isAfter(targetTs) ? GeneratedRequest.OVERDUE : GeneratedRequest.ON_TIME;
    }

    /** Residents attach photos in the app; phone calls never have one. */
    private static double submittedPhotoShare(String source) {
        return switch (source) {
            case "Citizens Connect App" -> 0.55;
            case "City Worker App" -> 0.3;
            case "Self Service" -> 0.1;
            case "Employee Generated" -> 0.05;
            default -> 0;
        };
    }

    /** Crews photograph their work mostly from the worker app. */
    private static double closedPhotoShare(String source) {
        return "City Worker App".equals(source) ? 0.4 : 0.08;
    }
}
