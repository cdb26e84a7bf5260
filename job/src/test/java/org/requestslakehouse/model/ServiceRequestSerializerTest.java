package org.requestslakehouse.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.testutils.DeeplyEqualsChecker;
import org.junit.jupiter.api.Test;

/**
 * Flink's own contract tests for a serializer (copies, sequences, reuse, snapshots, duplicates), with records
 * compared field by field over every public field of {@link ServiceRequest}, so a field that no column carries
 * fails here instead of vanishing between the parser and silver.
 */
class ServiceRequestSerializerTest extends SerializerTestBase<ServiceRequest> {

    ServiceRequestSerializerTest() {
        super(new DeeplyEqualsChecker()
                .withCustomCheck(
                        (a, b) -> a instanceof ServiceRequest && b instanceof ServiceRequest,
                        (a, b, checker) -> sameFields((ServiceRequest) a, (ServiceRequest) b)));
    }

    @Override
    protected TypeSerializer<ServiceRequest> createSerializer() {
        return ServiceRequestSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<ServiceRequest> getTypeClass() {
        return ServiceRequest.class;
    }

    @Override
    protected ServiceRequest[] getTestData() {
        ServiceRequest tombstone = new ServiceRequest();
        tombstone.tombstone = true;
        tombstone.city = "boston";
        tombstone.requestId = "101004125189";
        tombstone.openTs = Instant.parse("2022-01-19T14:02:33.123456Z");
        ServiceRequest emptyLists = everyFieldSet(1);
        emptyLists.submittedPhotos = new String[0];
        emptyLists.dqFlags = new String[0];
        return new ServiceRequest[] {everyFieldSet(0), everyFieldSet(1), emptyLists, tombstone, new ServiceRequest()};
    }

    @Test
    void everyFieldSurvivesARoundTrip() throws Exception {
        ServiceRequest original = everyFieldSet(0);
        DataOutputSerializer out = new DataOutputSerializer(256);
        ServiceRequestSerializer.INSTANCE.serialize(original, out);

        ServiceRequest read = ServiceRequestSerializer.INSTANCE.deserialize(
                new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));

        for (Field field : publicFields()) {
            assertThat(field.get(read)).as(field.getName()).isNotNull().isEqualTo(field.get(original));
        }
    }

    @Test
    void flinkDerivesThisSerializerForTheType() {
        assertThat(TypeInformation.of(ServiceRequest.class)).isInstanceOf(ServiceRequestTypeInfo.class);
        assertThat(TypeInformation.of(ServiceRequest.class).createSerializer(new SerializerConfigImpl()))
                .isSameAs(ServiceRequestSerializer.INSTANCE);
    }

    /** Every public field set to a value other than its default; {@code variant} 0 and 1 differ in every field. */
    static ServiceRequest everyFieldSet(int variant) {
        ServiceRequest r = new ServiceRequest();
        try {
            for (Field field : publicFields()) {
                field.set(r, sample(field.getType(), field.getName(), variant));
            }
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
        return r;
    }

    private static Object sample(Class<?> type, String name, int variant) {
        if (type == String.class) {
            return name + " caf\u00e9 \uD83D\uDE00 " + variant;
        } else if (type == String[].class) {
            return new String[] {name + variant, "\u00fcber"};
        } else if (type == Long.class || type == long.class) {
            return 1_700_000_000_123L + variant;
        } else if (type == Integer.class) {
            return 17 + variant;
        } else if (type == Double.class) {
            return 42.25 + variant;
        } else if (type == Boolean.class || type == boolean.class) {
            return variant == 0;
        } else if (type == Instant.class) {
            return Instant.ofEpochSecond(1_700_000_000L + variant, 123_456_789);
        } else if (type == LocalDate.class) {
            return LocalDate.of(2024, 2, 29).plusDays(variant);
        }
        throw new AssertionError("no sample for " + type + " " + name + ": add one");
    }

    private static boolean sameFields(ServiceRequest a, ServiceRequest b) {
        try {
            for (Field field : publicFields()) {
                if (!Objects.deepEquals(field.get(a), field.get(b))) {
                    return false;
                }
            }
            return true;
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private static Field[] publicFields() {
        return Arrays.stream(ServiceRequest.class.getFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()))
                .toArray(Field[]::new);
    }
}
