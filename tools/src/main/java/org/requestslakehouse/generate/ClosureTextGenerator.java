package org.requestslakehouse.generate;

import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Closure texts in the three shapes the exports contain: the 2011-era "Case Closed Case Resolved ...", and two
 * 2019+ shapes that embed the close time, once as {@code java.util.Date#toString()} and once as a SQL Server
 * timestamp whose milliseconds are rounded to 1/300 s with trailing zeros dropped ({@code .817}, {@code .32}).
 */
final class ClosureTextGenerator {

    /** Closure text, the kind of closure it states, and whether a tab was planted in it. */
    record ClosureText(String text, ClosureKind kind, boolean hasTab) {}

    private enum Shape {
        DATE_TO_STRING,
        SQL_TIMESTAMP,
        LEGACY
    }

    private static final WeightedChoice<Shape> SHAPES =
            WeightedChoice.ofPairs(Shape.DATE_TO_STRING, 55, Shape.SQL_TIMESTAMP, 25, Shape.LEGACY, 20);
    private static final WeightedChoice<ClosureKind> KINDS = WeightedChoice.ofPairs(
            ClosureKind.RESOLVED, 68, ClosureKind.NOTED, 20, ClosureKind.INVALID, 5, ClosureKind.DUPLICATE, 7);
    private static final List<String> NOTED_NOTES = List.of(
            "Violation issued",
            "No violation found at this time",
            "Homeless person still occupying site",
            "Referred to the appropriate department",
            "Trash bags sent in for collection. No evidence or code violations found at this time");
    private static final String NOT_ENOUGH_INFORMATION = "This case has been closed as there is not enough information"
            + " to process this request.  If you feel this has been closed in error  please dial 311 to submit a new"
            + " request. Sincerely  Boston 311 Team";
    private static final String INTERNAL_TEXT = "Case Closed Internal Case Performed by Highway Maintenance crew.";
    private static final double EMPTY_NOTE_SHARE = 0.3;
    /** The oldest case a duplicate can point back to, counted in case ids before it. */
    private static final int DUPLICATE_LOOKBACK = 5000;

    private final RandomGenerator random;

    ClosureTextGenerator(RandomGenerator random) {
        this.random = random;
    }

    ClosureText closureFor(ServiceType service, Instant closedTs, long caseId, long firstCaseId, boolean plantTab) {
        if (service.internal) {
            return new ClosureText(INTERNAL_TEXT, ClosureKind.INTERNAL, false);
        }
        ClosureKind kind = KINDS.pick(random);
        String note = noteFor(kind, service);
        Shape shape = SHAPES.pick(random);
        if (shape == Shape.DATE_TO_STRING && (kind == ClosureKind.INVALID || kind == ClosureKind.DUPLICATE)) {
            // the Date#toString shape only ever says Resolved or Noted
            shape = Shape.SQL_TIMESTAMP;
        }
        String separator = plantTab ? "\t" : " ";
        String text = switch (shape) {
            case DATE_TO_STRING ->
                "Case Closed. Closed date : " + TimestampStyle.DATE_TO_STRING.format(closedTs) + " "
                        + (kind == ClosureKind.RESOLVED ? "Resolved" : "Noted") + withNote(separator, note) + " ";
            case SQL_TIMESTAMP ->
                "Case Closed. Closed date : " + sqlTimestamp(closedTs) + " " + sqlVerb(kind) + withNote(separator, note)
                        + " ";
            case LEGACY ->
                "Case Closed " + legacyVerb(kind)
                        + withNote(
                                separator,
                                kind == ClosureKind.DUPLICATE
                                        ? "Duplicate of case #" + earlierCaseId(caseId, firstCaseId)
                                        : note);
        };
        return new ClosureText(text, kind, plantTab);
    }

    /** An empty note leaves no separator behind, unless the separator is the planted tab. */
    private static String withNote(String separator, String note) {
        return note.isEmpty() && !"\t".equals(separator) ? "" : separator + note;
    }

    private String noteFor(ClosureKind kind, ServiceType service) {
        if (random.nextDouble() < EMPTY_NOTE_SHARE) {
            return "";
        }
        return switch (kind) {
            case RESOLVED -> service.resolutionNotes.isEmpty() ? "" : pick(service.resolutionNotes);
            case NOTED -> pick(NOTED_NOTES);
            case INVALID -> NOT_ENOUGH_INFORMATION;
            case DUPLICATE, INTERNAL -> "";
        };
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }

    private long earlierCaseId(long caseId, long firstCaseId) {
        return Math.max(firstCaseId, caseId - 1 - random.nextInt(DUPLICATE_LOOKBACK));
    }

    private String sqlTimestamp(Instant closedTs) {
        int millis = (int) Math.round(random.nextInt(300) * 10 / 3.0);
        String fraction = Integer.toString(1000 + millis).substring(1);
        int end = fraction.length();
        while (end > 1 && fraction.charAt(end - 1) == '0') {
            end--;
        }
        return TimestampStyle.ISO_SPACE.format(closedTs) + "." + fraction.substring(0, end);
    }

    private static String sqlVerb(ClosureKind kind) {
        return switch (kind) {
            case RESOLVED -> "Case Resolved";
            case NOTED -> "Case Noted";
            case INVALID -> "Case Invalid";
            case DUPLICATE -> "Duplicate of Existing Case";
            case INTERNAL -> throw new IllegalArgumentException("internal closures have a fixed text");
        };
    }

    private static String legacyVerb(ClosureKind kind) {
        return switch (kind) {
            case RESOLVED -> "Case Resolved";
            case NOTED -> "Case Noted";
            case INVALID -> "Case Invalid";
            case DUPLICATE -> "Case Duplicate";
            case INTERNAL -> throw new IllegalArgumentException("internal closures have a fixed text");
        };
    }
}
