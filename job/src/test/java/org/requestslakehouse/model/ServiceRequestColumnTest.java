package org.requestslakehouse.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.requestslakehouse.model.ServiceRequestColumn.Kind;
import org.requestslakehouse.model.ServiceRequestColumn.Role;
import org.requestslakehouse.parsing.CanonicalField;
import org.requestslakehouse.silver.VersionFingerprint;

class ServiceRequestColumnTest {
    private static final Map<Kind, Class<?>> JAVA_TYPES = Map.of(
            Kind.LONG, Long.class,
            Kind.EPOCH_MILLIS, long.class,
            Kind.INTEGER, Integer.class,
            Kind.DOUBLE, Double.class,
            Kind.BOOLEAN, Boolean.class,
            Kind.STRING, String.class,
            Kind.STRING_LIST, String[].class,
            Kind.TIMESTAMP, Instant.class,
            Kind.DATE, LocalDate.class);

    /** A copy-paste slip ({@code SUBJECT} reading {@code r.reason}) would write one field into two columns. */
    @ParameterizedTest
    @EnumSource(ServiceRequestColumn.class)
    void readsTheFieldOfItsNameWithTheJavaTypeOfItsKind(ServiceRequestColumn column) throws Exception {
        Field field = field(column);
        assertThat(field.getType()).isEqualTo(JAVA_TYPES.get(column.kind()));

        ServiceRequest r = new ServiceRequest();
        Object value = sample(column.kind(), 0);
        field.set(r, value);
        assertThat(column.value(r)).isEqualTo(value);
    }

    /**
     * The fingerprint decides whether a version changed anything: a change in one column alone, to another value or
     * to null, must make a new version exactly when the column is key or content, and never otherwise (a redelivery
     * is read at another time from another place, and must still be recognised as a duplicate).
     */
    @ParameterizedTest
    @EnumSource(ServiceRequestColumn.class)
    void aChangeInOneColumnAloneIsANewVersionExactlyWhenItIsKeyOrContent(ServiceRequestColumn column) throws Exception {
        long before = VersionFingerprint.of(everyColumnSet(0));
        Field field = field(column);

        ServiceRequest changed = everyColumnSet(0);
        field.set(changed, field.get(everyColumnSet(1)));
        assertThat(VersionFingerprint.of(changed) != before)
                .as(column + " changed")
                .isEqualTo(column.role().fingerprinted());

        if (!field.getType().isPrimitive()) {
            ServiceRequest cleared = everyColumnSet(0);
            field.set(cleared, null);
            assertThat(VersionFingerprint.of(cleared) != before)
                    .as(column + " cleared")
                    .isEqualTo(column.role().fingerprinted());
        }
    }

    /** Only columns the job fills itself are required; anything from the city's data may be missing. */
    @Test
    void requiredAreTheKeyAndTheIngestionTime() {
        assertThat(Arrays.stream(ServiceRequestColumn.values()).filter(ServiceRequestColumn::required))
                .containsExactly(
                        ServiceRequestColumn.OPEN_TS,
                        ServiceRequestColumn.INGESTED_AT,
                        ServiceRequestColumn.CITY,
                        ServiceRequestColumn.REQUEST_ID);
        assertThat(Arrays.stream(ServiceRequestColumn.values())
                        .filter(c -> c.role().key()))
                .containsExactly(
                        ServiceRequestColumn.OPEN_TS, ServiceRequestColumn.CITY, ServiceRequestColumn.REQUEST_ID)
                .allMatch(ServiceRequestColumn::required);
    }

    /**
     * The identity columns were appended after the first release: leaving them out of the fingerprint is what keeps
     * every stored fingerprint valid. They can be left out because a fingerprint is only compared with others of the
     * same request.
     */
    @Test
    void theIdentityIsKeyButNotFingerprinted() {
        assertThat(Arrays.stream(ServiceRequestColumn.values()).filter(c -> c.role() == Role.IDENTITY))
                .containsExactly(ServiceRequestColumn.CITY, ServiceRequestColumn.REQUEST_ID);
        assertThat(Role.IDENTITY.key()).isTrue();
        assertThat(Role.IDENTITY.fingerprinted()).isFalse();
    }

    /**
     * Whatever the city publishes about a case is content: a field the parser reads (a {@link CanonicalField}) whose
     * column is left out of the fingerprint would let a change in it alone go unwritten. The envelope fields say how
     * the version was delivered, not what it says.
     */
    @ParameterizedTest
    @EnumSource(CanonicalField.class)
    void everyPublishedFieldIsFingerprinted(CanonicalField field) {
        ServiceRequestColumn column = ServiceRequestColumn.valueOf(field.name());
        assertThat(column.column()).isEqualTo(field.column());
        if (Set.of(CanonicalField.EVENT_TYPE, CanonicalField.EMITTED_AT).contains(field)) {
            assertThat(column.role()).isEqualTo(Role.METADATA);
        } else {
            assertThat(column.role().fingerprinted())
                    .as(column + " is " + column.role())
                    .isTrue();
        }
    }

    static Field field(ServiceRequestColumn column) throws NoSuchFieldException {
        String name = column == ServiceRequestColumn.INGESTED_AT ? "ingested_at_millis" : column.column();
        StringBuilder camel = new StringBuilder();
        for (String part : name.split("_")) {
            camel.append(camel.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return ServiceRequest.class.getField(camel.toString());
    }

    /** A version with every column set; {@code variant} 0 and 1 differ in every column. */
    private static ServiceRequest everyColumnSet(int variant) throws Exception {
        ServiceRequest r = new ServiceRequest();
        for (ServiceRequestColumn column : ServiceRequestColumn.values()) {
            field(column).set(r, sample(column.kind(), variant));
        }
        return r;
    }

    private static Object sample(Kind kind, int variant) {
        return switch (kind) {
            case LONG, EPOCH_MILLIS -> 1_700_000_000_123L + variant;
            case INTEGER -> 17 + variant;
            case DOUBLE -> 42.5 + variant;
            case BOOLEAN -> variant == 0;
            case STRING -> "x" + variant;
            case STRING_LIST -> new String[] {"a", "b" + variant};
            case TIMESTAMP -> Instant.parse("2024-03-10T07:15:00.123456Z").plusMillis(variant);
            case DATE -> LocalDate.of(2024, 3, 10).plusDays(variant);
        };
    }
}
