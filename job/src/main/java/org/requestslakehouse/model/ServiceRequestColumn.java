package org.requestslakehouse.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ObjLongConsumer;
import java.util.function.ToLongFunction;

/**
 * The columns of {@code silver.service_requests}, each declared once: name, value kind, nullability, the
 * {@link ServiceRequest} field it reads and writes, its {@link Role} and comment. The Iceberg schema
 * ({@code sinks.iceberg.TableSchemas}), the row conversion ({@code sinks.iceberg.ServiceRequestConverter}), the
 * version fingerprint ({@code silver.VersionFingerprint}) and the serializer ({@link ServiceRequestSerializer}) are
 * derived from this list, so a column is added here, as a field of {@link ServiceRequest} and in the parsing that
 * fills that field, and nowhere else.
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
    CASE_ENQUIRY_ID(
            Role.CONTENT,
            longField(r -> r.caseEnquiryId, (r, v) -> r.caseEnquiryId = v),
            "the request id when it is a positive whole number"),
    OPEN_TS(Role.KEY, timestamp(r -> r.openTs, (r, v) -> r.openTs = v).required(), null),
    SLA_TARGET_TS(Role.CONTENT, timestamp(r -> r.slaTargetTs, (r, v) -> r.slaTargetTs = v), null),
    CLOSED_TS(Role.CONTENT, timestamp(r -> r.closedTs, (r, v) -> r.closedTs = v), null),
    /** Derived from closed_ts and the published status, and the only place the published status is kept. */
    CASE_STATUS(Role.CONTENT, string(r -> r.caseStatus, (r, v) -> r.caseStatus = v), "OPEN or CLOSED"),
    ON_TIME_STATUS(
            Role.CONTENT,
            string(r -> r.onTimeStatus, (r, v) -> r.onTimeStatus = v),
            "published on-time status, upper case"),
    CLOSED_ON_TIME(
            Role.DERIVED, boolField(r -> r.closedOnTime, (r, v) -> r.closedOnTime = v), "closed_ts <= sla_target_ts"),
    RESOLUTION_HOURS(Role.DERIVED, doubleField(r -> r.resolutionHours, (r, v) -> r.resolutionHours = v), null),
    SLA_HOURS(Role.DERIVED, doubleField(r -> r.slaHours, (r, v) -> r.slaHours = v), null),
    CLOSURE_REASON(Role.CONTENT, string(r -> r.closureReason, (r, v) -> r.closureReason = v), null),
    CLOSURE_CATEGORY(Role.DERIVED, string(r -> r.closureCategory, (r, v) -> r.closureCategory = v), null),
    CLOSURE_REPORTED_TS(
            Role.DERIVED,
            timestamp(r -> r.closureReportedTs, (r, v) -> r.closureReportedTs = v),
            "closed date quoted inside closure_reason"),
    CASE_TITLE(Role.CONTENT, string(r -> r.caseTitle, (r, v) -> r.caseTitle = v), null),
    SUBJECT(Role.CONTENT, string(r -> r.subject, (r, v) -> r.subject = v), null),
    REASON(Role.CONTENT, string(r -> r.reason, (r, v) -> r.reason = v), null),
    TYPE(Role.CONTENT, string(r -> r.type, (r, v) -> r.type = v), null),
    QUEUE(Role.CONTENT, string(r -> r.queue, (r, v) -> r.queue = v), null),
    DEPARTMENT(Role.CONTENT, string(r -> r.department, (r, v) -> r.department = v), null),
    SUBMITTED_PHOTOS(Role.CONTENT, strings(r -> r.submittedPhotos, (r, v) -> r.submittedPhotos = v), "photo URLs"),
    CLOSED_PHOTOS(Role.CONTENT, strings(r -> r.closedPhotos, (r, v) -> r.closedPhotos = v), "photo URLs"),
    LOCATION(Role.CONTENT, string(r -> r.location, (r, v) -> r.location = v), null),
    LOCATION_STREET_NAME(Role.CONTENT, string(r -> r.locationStreetName, (r, v) -> r.locationStreetName = v), null),
    ZIPCODE(Role.CONTENT, string(r -> r.zipcode, (r, v) -> r.zipcode = v), "five digits with leading zero"),
    FIRE_DISTRICT(Role.CONTENT, string(r -> r.fireDistrict, (r, v) -> r.fireDistrict = v), null),
    PWD_DISTRICT(Role.CONTENT, string(r -> r.pwdDistrict, (r, v) -> r.pwdDistrict = v), null),
    CITY_COUNCIL_DISTRICT(Role.CONTENT, string(r -> r.cityCouncilDistrict, (r, v) -> r.cityCouncilDistrict = v), null),
    POLICE_DISTRICT(Role.CONTENT, string(r -> r.policeDistrict, (r, v) -> r.policeDistrict = v), null),
    NEIGHBORHOOD(Role.CONTENT, string(r -> r.neighborhood, (r, v) -> r.neighborhood = v), null),
    NEIGHBORHOOD_SERVICES_DISTRICT(
            Role.CONTENT,
            string(r -> r.neighborhoodServicesDistrict, (r, v) -> r.neighborhoodServicesDistrict = v),
            null),
    WARD(Role.CONTENT, intField(r -> r.ward, (r, v) -> r.ward = v), null),
    PRECINCT(Role.CONTENT, string(r -> r.precinct, (r, v) -> r.precinct = v), null),
    LAND_USAGE(Role.CONTENT, string(r -> r.landUsage, (r, v) -> r.landUsage = v), null),
    PROPERTY_TYPE(Role.CONTENT, string(r -> r.propertyType, (r, v) -> r.propertyType = v), null),
    PROPERTY_ID(Role.CONTENT, string(r -> r.propertyId, (r, v) -> r.propertyId = v), null),
    LATITUDE(Role.CONTENT, doubleField(r -> r.latitude, (r, v) -> r.latitude = v), null),
    LONGITUDE(Role.CONTENT, doubleField(r -> r.longitude, (r, v) -> r.longitude = v), null),
    SOURCE(Role.CONTENT, string(r -> r.source, (r, v) -> r.source = v), "intake channel as published"),
    OPEN_DATE_LOCAL(
            Role.DERIVED,
            date(r -> r.openDateLocal, (r, v) -> r.openDateLocal = v),
            "Boston-local calendar date of open_ts"),
    SOURCE_LAYOUT(
            Role.METADATA,
            string(r -> r.sourceLayout, (r, v) -> r.sourceLayout = v),
            "which of the city's column layouts the row came in"),
    EVENT_TYPE(
            Role.METADATA, string(r -> r.eventType, (r, v) -> r.eventType = v), "OPENED, UPDATED, CLOSED or SNAPSHOT"),
    EMITTED_AT(Role.METADATA, timestamp(r -> r.emittedAt, (r, v) -> r.emittedAt = v), "envelope emission time, if any"),
    EVENT_TS(
            Role.DERIVED,
            timestamp(r -> r.eventTs, (r, v) -> r.eventTs = v),
            "version time used for latest-version-wins"),
    DQ_FLAGS(
            Role.DERIVED,
            strings(r -> r.dqFlags, (r, v) -> r.dqFlags = v),
            "data-quality observations about the source row"),
    /** Unknown input keys are content: a change in a column the job does not know yet is still a new version. */
    EXTRA_FIELDS(
            Role.CONTENT,
            string(r -> r.extraFields, (r, v) -> r.extraFields = v),
            "JSON object of input keys that matched no column"),
    INGESTED_AT(
            Role.METADATA,
            epochMillis(r -> r.ingestedAtMillis, (r, v) -> r.ingestedAtMillis = v)
                    .required(),
            null),
    SOURCE_REF(Role.METADATA, string(r -> r.sourceRef, (r, v) -> r.sourceRef = v), "bronze coordinates of the message"),
    CITY(Role.IDENTITY, string(r -> r.city, (r, v) -> r.city = v).required(), "the city the request belongs to"),
    REQUEST_ID(
            Role.IDENTITY,
            string(r -> r.requestId, (r, v) -> r.requestId = v).required(),
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
        /** A timestamp held as epoch milliseconds in a primitive {@code long} field, the only primitive kind. */
        EPOCH_MILLIS
    }

    private final String column = name().toLowerCase(Locale.ROOT);
    private final Role role;
    private final Kind kind;
    private final boolean required;
    private final Function<ServiceRequest, ?> get;
    private final BiConsumer<ServiceRequest, Object> set;
    private final String doc;

    ServiceRequestColumn(Role role, Accessor accessor, String doc) {
        this.role = Objects.requireNonNull(role, "role");
        this.kind = accessor.kind;
        this.required = accessor.nonNull;
        this.get = accessor.get;
        this.set = accessor.set;
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

    /** The value, of its kind's Java type, or null; an {@link Kind#EPOCH_MILLIS} column's comes boxed. */
    public Object value(ServiceRequest r) {
        return get.apply(r);
    }

    /**
     * Sets the column to a value of its kind's Java type, or null (never for {@link Kind#EPOCH_MILLIS}).
     *
     * @throws ClassCastException when the value is of another type
     */
    public void setValue(ServiceRequest r, Object value) {
        set.accept(r, value);
    }

    /** True when the version has no value for this column; a primitive column always has one. */
    public boolean isNull(ServiceRequest r) {
        return get.apply(r) == null;
    }

    /** Copies the value; a list is copied too, since a record is mutable and a copy must not share it. */
    public void copy(ServiceRequest from, ServiceRequest to) {
        Object value = get.apply(from);
        set.accept(to, value instanceof String[] strings ? strings.clone() : value);
    }

    /**
     * This column's contribution to the version fingerprint. A list hashes its elements; an {@link Kind#EPOCH_MILLIS}
     * value hashes as {@code Long.hashCode}, which is what its primitive form hashed as.
     */
    public int contentHash(ServiceRequest r) {
        Object value = get.apply(r);
        return value instanceof String[] strings ? Arrays.hashCode(strings) : Objects.hashCode(value);
    }

    private static Accessor longField(Function<ServiceRequest, Long> get, BiConsumer<ServiceRequest, Long> set) {
        return new Accessor(Kind.LONG, get, (r, v) -> set.accept(r, (Long) v), false);
    }

    private static Accessor epochMillis(ToLongFunction<ServiceRequest> get, ObjLongConsumer<ServiceRequest> set) {
        return new Accessor(Kind.EPOCH_MILLIS, get::applyAsLong, (r, v) -> set.accept(r, (Long) v), false);
    }

    private static Accessor intField(Function<ServiceRequest, Integer> get, BiConsumer<ServiceRequest, Integer> set) {
        return new Accessor(Kind.INTEGER, get, (r, v) -> set.accept(r, (Integer) v), false);
    }

    private static Accessor doubleField(Function<ServiceRequest, Double> get, BiConsumer<ServiceRequest, Double> set) {
        return new Accessor(Kind.DOUBLE, get, (r, v) -> set.accept(r, (Double) v), false);
    }

    private static Accessor boolField(Function<ServiceRequest, Boolean> get, BiConsumer<ServiceRequest, Boolean> set) {
        return new Accessor(Kind.BOOLEAN, get, (r, v) -> set.accept(r, (Boolean) v), false);
    }

    private static Accessor string(Function<ServiceRequest, String> get, BiConsumer<ServiceRequest, String> set) {
        return new Accessor(Kind.STRING, get, (r, v) -> set.accept(r, (String) v), false);
    }

    private static Accessor strings(Function<ServiceRequest, String[]> get, BiConsumer<ServiceRequest, String[]> set) {
        return new Accessor(Kind.STRING_LIST, get, (r, v) -> set.accept(r, (String[]) v), false);
    }

    private static Accessor timestamp(Function<ServiceRequest, Instant> get, BiConsumer<ServiceRequest, Instant> set) {
        return new Accessor(Kind.TIMESTAMP, get, (r, v) -> set.accept(r, (Instant) v), false);
    }

    private static Accessor date(Function<ServiceRequest, LocalDate> get, BiConsumer<ServiceRequest, LocalDate> set) {
        return new Accessor(Kind.DATE, get, (r, v) -> set.accept(r, (LocalDate) v), false);
    }

    /** A column's kind, getter and setter, typed so that the kind cannot disagree with the field's Java type. */
    private record Accessor(
            Kind kind, Function<ServiceRequest, ?> get, BiConsumer<ServiceRequest, Object> set, boolean nonNull) {
        Accessor required() {
            return new Accessor(kind, get, set, true);
        }
    }
}
