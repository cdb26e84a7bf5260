package org.requestslakehouse.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The columns of {@code silver.service_requests}, each declared once: name, value kind, nullability, the
 * {@link ServiceRequest} field it reads, its {@link Role} and comment. The Iceberg schema
 * ({@code sinks.iceberg.TableSchemas}), the row conversion ({@code sinks.iceberg.ServiceRequestConverter}) and the
 * version fingerprint ({@code silver.VersionFingerprint}) are derived from this list, so a column is added here, as
 * a field of {@link ServiceRequest} and in the parsing that fills that field, and nowhere else.
 *
 * <p>Declaration order is the table's column order and the order fields are mixed into the fingerprint. A new
 * column goes last and optional: that is where {@code ALTER TABLE ... ADD} puts it on an existing table, and the
 * job refuses to start against a table whose columns differ (docs/reliability.md, promoting a column). The identity
 * columns city and request_id went last too, but required, since they are the key: the key change needs the
 * migration in docs/deployment.md.
 */
public enum ServiceRequestColumn {
    /**
     * Boston's numeric id, kept for compatibility; {@link #REQUEST_ID} is the id. Content, not key, since the key moved
     * to (city, request_id); still fingerprinted as it always was, so no stored fingerprint changes.
     */
    CASE_ENQUIRY_ID(Role.CONTENT, longField(r -> r.caseEnquiryId), "the request id when it is a positive whole number"),
    OPEN_TS(Role.KEY, timestamp(r -> r.openTs).required(), null),
    SLA_TARGET_TS(Role.CONTENT, timestamp(r -> r.slaTargetTs), null),
    CLOSED_TS(Role.CONTENT, timestamp(r -> r.closedTs), null),
    /** Derived from closed_ts and the published status, and the only place the published status is kept. */
    CASE_STATUS(Role.CONTENT, string(r -> r.caseStatus), "OPEN or CLOSED"),
    ON_TIME_STATUS(Role.CONTENT, string(r -> r.onTimeStatus), "published on-time status, upper case"),
    CLOSED_ON_TIME(Role.DERIVED, boolField(r -> r.closedOnTime), "closed_ts <= sla_target_ts"),
    RESOLUTION_HOURS(Role.DERIVED, doubleField(r -> r.resolutionHours), null),
    SLA_HOURS(Role.DERIVED, doubleField(r -> r.slaHours), null),
    CLOSURE_REASON(Role.CONTENT, string(r -> r.closureReason), null),
    CLOSURE_CATEGORY(Role.DERIVED, string(r -> r.closureCategory), null),
    CLOSURE_REPORTED_TS(Role.DERIVED, timestamp(r -> r.closureReportedTs), "closed date quoted inside closure_reason"),
    CASE_TITLE(Role.CONTENT, string(r -> r.caseTitle), null),
    SUBJECT(Role.CONTENT, string(r -> r.subject), null),
    REASON(Role.CONTENT, string(r -> r.reason), null),
    TYPE(Role.CONTENT, string(r -> r.type), null),
    QUEUE(Role.CONTENT, string(r -> r.queue), null),
    DEPARTMENT(Role.CONTENT, string(r -> r.department), null),
    SUBMITTED_PHOTOS(Role.CONTENT, strings(r -> r.submittedPhotos), "photo URLs"),
    CLOSED_PHOTOS(Role.CONTENT, strings(r -> r.closedPhotos), "photo URLs"),
    LOCATION(Role.CONTENT, string(r -> r.location), null),
    LOCATION_STREET_NAME(Role.CONTENT, string(r -> r.locationStreetName), null),
    ZIPCODE(Role.CONTENT, string(r -> r.zipcode), "five digits with leading zero"),
    FIRE_DISTRICT(Role.CONTENT, string(r -> r.fireDistrict), null),
    PWD_DISTRICT(Role.CONTENT, string(r -> r.pwdDistrict), null),
    CITY_COUNCIL_DISTRICT(Role.CONTENT, string(r -> r.cityCouncilDistrict), null),
    POLICE_DISTRICT(Role.CONTENT, string(r -> r.policeDistrict), null),
    NEIGHBORHOOD(Role.CONTENT, string(r -> r.neighborhood), null),
    NEIGHBORHOOD_SERVICES_DISTRICT(Role.CONTENT, string(r -> r.neighborhoodServicesDistrict), null),
    WARD(Role.CONTENT, intField(r -> r.ward), null),
    PRECINCT(Role.CONTENT, string(r -> r.precinct), null),
    LAND_USAGE(Role.CONTENT, string(r -> r.landUsage), null),
    PROPERTY_TYPE(Role.CONTENT, string(r -> r.propertyType), null),
    PROPERTY_ID(Role.CONTENT, string(r -> r.propertyId), null),
    LATITUDE(Role.CONTENT, doubleField(r -> r.latitude), null),
    LONGITUDE(Role.CONTENT, doubleField(r -> r.longitude), null),
    SOURCE(Role.CONTENT, string(r -> r.source), "intake channel as published"),
    OPEN_DATE_LOCAL(Role.DERIVED, date(r -> r.openDateLocal), "Boston-local calendar date of open_ts"),
    SOURCE_LAYOUT(Role.METADATA, string(r -> r.sourceLayout), "which of the city's column layouts the row came in"),
    EVENT_TYPE(Role.METADATA, string(r -> r.eventType), "OPENED, UPDATED, CLOSED or SNAPSHOT"),
    EMITTED_AT(Role.METADATA, timestamp(r -> r.emittedAt), "envelope emission time, if any"),
    EVENT_TS(Role.DERIVED, timestamp(r -> r.eventTs), "version time used for latest-version-wins"),
    DQ_FLAGS(Role.DERIVED, strings(r -> r.dqFlags), "data-quality observations about the source row"),
    /** Unknown input keys are content: a change in a column the job does not know yet is still a new version. */
    EXTRA_FIELDS(Role.CONTENT, string(r -> r.extraFields), "JSON object of input keys that matched no column"),
    INGESTED_AT(Role.METADATA, epochMillis(r -> r.ingestedAtMillis).required(), null),
    SOURCE_REF(Role.METADATA, string(r -> r.sourceRef), "bronze coordinates of the message"),
    CITY(Role.IDENTITY, string(r -> r.city).required(), "the city the request belongs to"),
    REQUEST_ID(
            Role.IDENTITY,
            string(r -> r.requestId).required(),
            "the request id as the city publishes it; whole numbers in canonical digits");

    /** What a column is to the version fingerprint, which decides whether a version changed anything. */
    public enum Role {
        /** Part of silver's upsert key that is not the request's identity (open_ts, for partitioning); fingerprinted. */
        KEY(true, true),
        /**
         * Which request this is: part of silver's upsert key and of every per-request state key. Not fingerprinted:
         * fingerprints are only ever compared between versions of one request, which share these values.
         */
        IDENTITY(true, false),
        /** What the city published about the case; fingerprinted, so a change in it alone is a new version. */
        CONTENT(false, true),
        /** Computed from content columns by the parser; not fingerprinted, its inputs are. */
        DERIVED(false, false),
        /**
         * About the message that carried the version (layout, envelope, when and where it was read), not about the
         * case; not fingerprinted, so the same content delivered again is recognised as a duplicate.
         */
        METADATA(false, false);

        private final boolean key;
        private final boolean fingerprinted;

        Role(boolean key, boolean fingerprinted) {
            this.key = key;
            this.fingerprinted = fingerprinted;
        }

        /** Part of silver's upsert key (its Iceberg identifier fields). */
        public boolean key() {
            return key;
        }

        public boolean fingerprinted() {
            return fingerprinted;
        }
    }

    /** The Java value a column holds; each maps to one Iceberg type and one Flink internal representation. */
    public enum Kind {
        LONG,
        INTEGER,
        DOUBLE,
        BOOLEAN,
        STRING,
        STRING_LIST,
        TIMESTAMP,
        DATE,
        /** A timestamp held as epoch milliseconds in a primitive field, the only primitive kind. */
        EPOCH_MILLIS
    }

    private final String column = name().toLowerCase(Locale.ROOT);
    private final Role role;
    private final Kind kind;
    private final boolean required;
    private final Function<ServiceRequest, ?> object;
    private final ToLongFunction<ServiceRequest> primitive;
    private final String doc;

    ServiceRequestColumn(Role role, Accessor accessor, String doc) {
        this.role = Objects.requireNonNull(role, "role");
        this.kind = accessor.kind;
        this.required = accessor.nonNull;
        this.object = accessor.object;
        this.primitive = accessor.primitive;
        this.doc = doc;
    }

    /** The snake_case silver column name. */
    public String column() {
        return column;
    }

    public Role role() {
        return role;
    }

    public Kind kind() {
        return kind;
    }

    /** Required in the Iceberg schema: only columns the job itself always fills, a null would fail the writer. */
    public boolean required() {
        return required;
    }

    /** The column comment, null for none. */
    public String doc() {
        return doc;
    }

    /** The value of a column of any kind but {@link Kind#EPOCH_MILLIS}. */
    public Object value(ServiceRequest r) {
        return object.apply(r);
    }

    /** The value of an {@link Kind#EPOCH_MILLIS} column, unboxed. */
    public long longValue(ServiceRequest r) {
        return primitive.applyAsLong(r);
    }

    /** True when the version has no value for this column; a primitive column always has one. */
    public boolean isNull(ServiceRequest r) {
        return object != null && object.apply(r) == null;
    }

    /** This column's contribution to the version fingerprint; never boxes. */
    public int contentHash(ServiceRequest r) {
        return switch (kind) {
            // A LONG column is boxed and hashes as Long.hashCode, which is what its primitive form hashed as.
            case EPOCH_MILLIS -> Long.hashCode(primitive.applyAsLong(r));
            case STRING_LIST -> Arrays.hashCode((String[]) object.apply(r));
            default -> Objects.hashCode(object.apply(r));
        };
    }

    private static Accessor longField(Function<ServiceRequest, Long> get) {
        return new Accessor(Kind.LONG, get, null, false);
    }

    private static Accessor epochMillis(ToLongFunction<ServiceRequest> get) {
        return new Accessor(Kind.EPOCH_MILLIS, null, get, false);
    }

    private static Accessor intField(Function<ServiceRequest, Integer> get) {
        return new Accessor(Kind.INTEGER, get, null, false);
    }

    private static Accessor doubleField(Function<ServiceRequest, Double> get) {
        return new Accessor(Kind.DOUBLE, get, null, false);
    }

    private static Accessor boolField(Function<ServiceRequest, Boolean> get) {
        return new Accessor(Kind.BOOLEAN, get, null, false);
    }

    private static Accessor string(Function<ServiceRequest, String> get) {
        return new Accessor(Kind.STRING, get, null, false);
    }

    private static Accessor strings(Function<ServiceRequest, String[]> get) {
        return new Accessor(Kind.STRING_LIST, get, null, false);
    }

    private static Accessor timestamp(Function<ServiceRequest, Instant> get) {
        return new Accessor(Kind.TIMESTAMP, get, null, false);
    }

    private static Accessor date(Function<ServiceRequest, LocalDate> get) {
        return new Accessor(Kind.DATE, get, null, false);
    }

    /** A column's kind and getter, typed so that the kind cannot disagree with the field's Java type. */
    private record Accessor(
            Kind kind, Function<ServiceRequest, ?> object, ToLongFunction<ServiceRequest> primitive, boolean nonNull) {
        Accessor required() {
            return new Accessor(kind, object, primitive, true);
        }
    }
}
