package org.requestslakehouse.parsing;

import static org.requestslakehouse.parsing.CanonicalField.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.requestslakehouse.model.EventType;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.model.RejectReason;
import org.requestslakehouse.model.ServiceRequest;

/**
 * Turns the fields of one message into a {@link ServiceRequest}: the hard checks that reject it (case id, open
 * time, event type, in that order), then every other field normalised, derived values computed and data-quality
 * flags collected. Soft problems never reject: the value is dropped and flagged.
 */
final class ServiceRequestAssembler {
    /** Ids are short codes; a longer one is not an id, and would bloat silver's key column statistics. */
    static final int MAX_REQUEST_ID_CHARS = 200;

    static final String CASE_STATUS_OPEN = "OPEN";
    static final String CASE_STATUS_CLOSED = "CLOSED";
    /** Clock skew and timestamp shifts are hours; a day ahead of the parse time is something else. */
    private static final long FUTURE_TOLERANCE_MILLIS = Duration.ofDays(1).toMillis();

    private static final double MILLIS_PER_HOUR = 3_600_000d;
    /** closed_dt has whole seconds while the time quoted in closure_reason can have milliseconds. */
    private static final long SHIFT_TOLERANCE_MILLIS = 1_000;

    private static final long MIN_EPOCH_MILLIS = LocalDate.of(TimestampParser.MIN_YEAR, 1, 1)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant()
            .toEpochMilli();
    private static final long MAX_EPOCH_MILLIS = LocalDate.of(TimestampParser.MAX_YEAR + 1, 1, 1)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant()
            .toEpochMilli();
    private static final int MAX_QUOTED_CHARS = 100;

    /** The warehouse's calendar zone (parse.time-zone): open_date_local counts days as gold does. */
    private final ZoneId warehouseZone;

    ServiceRequestAssembler(ZoneId warehouseZone) {
        this.warehouseZone = warehouseZone;
    }

    /**
     * Assembles under the city profile {@code in} was resolved to ({@link EventFields#city()}). A rejection is
     * filed under that city unless no profile knew any of the message's keys.
     */
    ParseOutcome assemble(EventFields in, DqFlags flags, RawEvent raw, long nowMillis) {
        CityRules city = in.city();
        ParseOutcome outcome = assembleRequest(in, city, flags, raw, nowMillis);
        return outcome.isAccepted() || in.unrecognised() ? outcome : outcome.inCity(city.name());
    }

    private ParseOutcome assembleRequest(EventFields in, CityRules city, DqFlags flags, RawEvent raw, long nowMillis) {
        TimestampParser timestamps = city.timestamps();
        String caseIdText = FieldNormalizers.text(in.get(CASE_ENQUIRY_ID));
        if (caseIdText == null) {
            return in.structured(CASE_ENQUIRY_ID)
                    ? ParseOutcome.rejected(RejectReason.INVALID_CASE_ID, "case id is a JSON object or array")
                    : ParseOutcome.rejected(RejectReason.MISSING_CASE_ID, missingCaseId(in, city));
        }
        long caseId = FieldNormalizers.positiveWholeNumber(caseIdText);
        if (caseId < 0 && city.wholeNumberIds()) {
            return ParseOutcome.rejected(
                    RejectReason.INVALID_CASE_ID, "case id " + quote(caseIdText) + " is not a positive whole number");
        }
        if (caseId < 0 && caseIdText.length() > MAX_REQUEST_ID_CHARS) {
            return ParseOutcome.rejected(
                    RejectReason.INVALID_CASE_ID,
                    "case id " + quote(caseIdText) + " is longer than " + MAX_REQUEST_ID_CHARS + " characters");
        }
        String openText = FieldNormalizers.text(in.get(OPEN_TS));
        if (openText == null) {
            return in.structured(OPEN_TS)
                    ? ParseOutcome.rejected(RejectReason.INVALID_OPEN_TS, "open timestamp is a JSON object or array")
                    : ParseOutcome.rejected(
                            RejectReason.MISSING_OPEN_TS,
                            in.present(OPEN_TS)
                                    ? "open timestamp is empty"
                                    : "no open timestamp (" + city.openHint() + " or an alias)");
        }
        Instant openTs = timestamps.parse(openText);
        if (openTs == null) {
            return ParseOutcome.rejected(
                    RejectReason.INVALID_OPEN_TS,
                    "open timestamp " + quote(openText)
                            + " is not a supported timestamp between " + TimestampParser.MIN_YEAR + " and "
                            + TimestampParser.MAX_YEAR);
        }
        String eventTypeText = FieldNormalizers.text(in.get(EVENT_TYPE));
        EventType eventType =
                eventTypeText == null && !in.structured(EVENT_TYPE) ? EventType.SNAPSHOT : eventType(eventTypeText);
        if (eventType == null) {
            return ParseOutcome.rejected(
                    RejectReason.INVALID_EVENT_TYPE,
                    (eventTypeText == null
                                    ? "event_type is a JSON object or array,"
                                    : "event_type " + quote(eventTypeText) + " is")
                            + " not one of OPENED, UPDATED, CLOSED, SNAPSHOT");
        }

        ServiceRequest r = new ServiceRequest();
        r.city = city.name();
        // A whole number in canonical digits: 101004143000.0 from a resaved spreadsheet is the same request.
        r.requestId = caseId > 0 ? Long.toString(caseId) : caseIdText;
        r.caseEnquiryId = caseId > 0 ? caseId : null;
        r.openTs = openTs;
        r.openDateLocal = LocalDate.ofInstant(openTs, warehouseZone);
        r.eventType = eventType.name();
        r.sourceLayout = in.layoutName();
        lifecycle(in, city, r, flags, nowMillis);
        descriptive(in, city, r, flags);
        city.applyCoordinates(in.get(LATITUDE), in.get(LONGITUDE), in.point(), r, flags);
        r.emittedAt = emittedAt(in, timestamps, flags);
        r.eventTs = r.emittedAt != null ? r.emittedAt : r.closedTs != null ? r.closedTs : r.openTs;
        r.extraFields = in.extras.toJson();
        r.ingestedAtMillis = raw.ingestedAtMillis;
        r.sourceRef = sourceRef(raw);
        r.dqFlags = flags.toSortedArray();
        return ParseOutcome.accepted(r);
    }

    /** Times, status and everything derived from them. */
    private static void lifecycle(EventFields in, CityRules city, ServiceRequest r, DqFlags flags, long nowMillis) {
        TimestampParser timestamps = city.timestamps();
        r.slaTargetTs = optionalTimestamp(in, timestamps, SLA_TARGET_TS, flags);
        r.closedTs = optionalTimestamp(in, timestamps, CLOSED_TS, flags);
        if (r.slaTargetTs == null && !in.structured(SLA_TARGET_TS) && !flags.contains(DqFlags.invalid(SLA_TARGET_TS))) {
            flags.add(DqFlags.MISSING_TARGET);
        }

        String publishedStatus = FieldNormalizers.text(in.get(CASE_STATUS));
        if (r.closedTs != null) {
            r.caseStatus = CASE_STATUS_CLOSED;
            if (city.meansOpen(publishedStatus)) {
                flags.add(DqFlags.OPEN_STATUS_WITH_CLOSED_TS);
            }
        } else if (city.meansClosed(publishedStatus)) {
            r.caseStatus = CASE_STATUS_CLOSED;
            if (!flags.contains(DqFlags.invalid(CLOSED_TS))) {
                flags.add(DqFlags.CLOSED_WITHOUT_CLOSED_TS);
            }
        } else {
            r.caseStatus = CASE_STATUS_OPEN;
        }

        r.onTimeStatus = FieldNormalizers.upperCase(in.get(ON_TIME_STATUS));
        if (r.onTimeStatus == null && in.present(ON_TIME_STATUS) && !in.structured(ON_TIME_STATUS)) {
            flags.add(DqFlags.MISSING_ON_TIME_STATUS);
        }
        if (r.closedTs != null && r.slaTargetTs != null) {
            r.closedOnTime = !r.closedTs.isAfter(r.slaTargetTs);
        }
        r.resolutionHours = hoursAfterOpen(r.openTs, r.closedTs, DqFlags.CLOSED_BEFORE_OPEN, flags);
        r.slaHours = hoursAfterOpen(r.openTs, r.slaTargetTs, DqFlags.TARGET_BEFORE_OPEN, flags);

        r.closureReason = FieldNormalizers.text(in.get(CLOSURE_REASON));
        ClosureReasonParser closures = city.closures();
        ClosureReasonParser.ParsedClosure closure = closures == null ? null : closures.parse(r.closureReason);
        if (closure != null) {
            r.closureCategory = closure.category().name();
            r.closureReportedTs = closure.reportedTs();
            if (closure.reportedTsUnreadable()) {
                flags.add(DqFlags.INVALID_CLOSURE_REPORTED_TS);
            }
            if (isShiftedByZoneOffset(city.timestamps().zone(), r.closedTs, r.closureReportedTs)) {
                flags.add(DqFlags.TIMESTAMP_SHIFT_SUSPECTED);
            }
        }

        long latest = nowMillis + FUTURE_TOLERANCE_MILLIS;
        if (r.openTs.toEpochMilli() > latest) {
            flags.add(DqFlags.OPEN_TS_IN_FUTURE);
        }
        if (r.closedTs != null && r.closedTs.toEpochMilli() > latest) {
            flags.add(DqFlags.CLOSED_TS_IN_FUTURE);
        }
    }

    private static void descriptive(EventFields in, CityRules city, ServiceRequest r, DqFlags flags) {
        r.caseTitle = FieldNormalizers.text(in.get(CASE_TITLE));
        r.subject = FieldNormalizers.text(in.get(SUBJECT));
        r.reason = FieldNormalizers.text(in.get(REASON));
        r.type = FieldNormalizers.text(in.get(TYPE));
        r.queue = FieldNormalizers.text(in.get(QUEUE));
        r.department = FieldNormalizers.text(in.get(DEPARTMENT));
        r.submittedPhotos = FieldNormalizers.photos(in.get(SUBMITTED_PHOTOS));
        r.closedPhotos = FieldNormalizers.photos(in.get(CLOSED_PHOTOS));
        r.location = FieldNormalizers.text(in.get(LOCATION));
        r.locationStreetName = FieldNormalizers.text(in.get(LOCATION_STREET_NAME));
        r.zipcode = FieldNormalizers.zipcode(in.get(ZIPCODE), city.restoreLeadingZero(), flags);
        r.fireDistrict = FieldNormalizers.code(in.get(FIRE_DISTRICT));
        r.pwdDistrict = FieldNormalizers.code(in.get(PWD_DISTRICT));
        r.cityCouncilDistrict = FieldNormalizers.code(in.get(CITY_COUNCIL_DISTRICT));
        r.policeDistrict = FieldNormalizers.code(in.get(POLICE_DISTRICT));
        r.neighborhood = FieldNormalizers.text(in.get(NEIGHBORHOOD));
        r.neighborhoodServicesDistrict = FieldNormalizers.code(in.get(NEIGHBORHOOD_SERVICES_DISTRICT));
        r.ward = FieldNormalizers.ward(in.get(WARD), flags);
        r.precinct = FieldNormalizers.precinct(in.get(PRECINCT), flags);
        r.landUsage = FieldNormalizers.text(in.get(LAND_USAGE));
        r.propertyType = FieldNormalizers.text(in.get(PROPERTY_TYPE));
        r.propertyId = FieldNormalizers.code(in.get(PROPERTY_ID));
        r.source = FieldNormalizers.text(in.get(SOURCE));
    }

    private static Instant optionalTimestamp(
            EventFields in, TimestampParser timestamps, CanonicalField field, DqFlags flags) {
        String text = FieldNormalizers.text(in.get(field));
        if (text == null) {
            return null;
        }
        Instant instant = timestamps.parse(text);
        if (instant == null) {
            flags.add(DqFlags.invalid(field));
        }
        return instant;
    }

    /** Epoch milliseconds (as a JSON number or digits) or any timestamp form {@link TimestampParser} reads. */
    private static Instant emittedAt(EventFields in, TimestampParser timestamps, DqFlags flags) {
        String text = FieldNormalizers.text(in.get(EMITTED_AT));
        if (text == null) {
            return null;
        }
        long epochMillis = FieldNormalizers.positiveWholeNumber(text);
        Instant instant = epochMillis >= MIN_EPOCH_MILLIS && epochMillis < MAX_EPOCH_MILLIS
                ? Instant.ofEpochMilli(epochMillis)
                : epochMillis > 0 ? null : timestamps.parse(text);
        if (instant == null) {
            flags.add(DqFlags.invalid(EMITTED_AT));
        }
        return instant;
    }

    /** Hours from open to {@code later}; null, and {@code flag}, when {@code later} comes before the opening. */
    private static Double hoursAfterOpen(Instant openTs, Instant later, String flag, DqFlags flags) {
        if (later == null) {
            return null;
        }
        long millis = later.toEpochMilli() - openTs.toEpochMilli();
        if (millis < 0) {
            flags.add(flag);
            return null;
        }
        return millis / MILLIS_PER_HOUR;
    }

    /**
     * The close time quoted in the closure text and closed_ts differ by the zone's UTC offset at either time:
     * one of them went through a local-to-UTC conversion the other did not.
     */
    private static boolean isShiftedByZoneOffset(ZoneId zone, Instant closedTs, Instant reportedTs) {
        if (closedTs == null || reportedTs == null) {
            return false;
        }
        long difference = Math.abs(reportedTs.toEpochMilli() - closedTs.toEpochMilli());
        if (difference < SHIFT_TOLERANCE_MILLIS) {
            return false;
        }
        return matchesOffset(zone, difference, closedTs) || matchesOffset(zone, difference, reportedTs);
    }

    private static boolean matchesOffset(ZoneId zone, long differenceMillis, Instant at) {
        long offsetMillis = Math.abs(zone.getRules().getOffset(at).getTotalSeconds()) * 1000L;
        return offsetMillis > 0 && Math.abs(differenceMillis - offsetMillis) < SHIFT_TOLERANCE_MILLIS;
    }

    /**
     * Names the columns the chosen profile takes as the case id; when no profile in play knew any key of the
     * message, says so (the message was parsed under the first profile only because some profile had to be used).
     */
    private static String missingCaseId(EventFields in, CityRules city) {
        if (in.present(CASE_ENQUIRY_ID)) {
            return "case id is empty";
        }
        String detail = "no case id (" + city.idHint() + " or an alias)";
        return in.unrecognised()
                ? detail + "; no city profile (" + in.profileNames() + ") recognised any of its keys"
                : detail;
    }

    private static EventType eventType(String text) {
        if (text == null) {
            return null;
        }
        for (EventType type : EventType.values()) {
            if (type.name().equalsIgnoreCase(text)) {
                return type;
            }
        }
        return null;
    }

    /** {@code <sourceType>:<sourceName>[/<partition>]@<position>}, the message's bronze coordinates. */
    static String sourceRef(RawEvent raw) {
        StringBuilder ref =
                new StringBuilder(64).append(raw.sourceType).append(':').append(raw.sourceName);
        if (raw.sourcePartition != null) {
            ref.append('/').append(raw.sourcePartition);
        }
        return ref.append('@').append(raw.sourcePosition).toString();
    }

    private static String quote(String value) {
        return "'" + (value.length() <= MAX_QUOTED_CHARS ? value : value.substring(0, MAX_QUOTED_CHARS) + "...") + "'";
    }
}
