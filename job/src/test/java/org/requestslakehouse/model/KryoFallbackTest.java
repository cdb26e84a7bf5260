package org.requestslakehouse.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.stream.Stream;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.requestslakehouse.silver.CaseVersion;

/**
 * Every record that crosses an operator boundary or lives in keyed state must be a Flink POJO whose fields all
 * have Flink serializers: a Kryo fallback is slow and breaks state compatibility on upgrades. Creating the
 * serializer with generic types disabled throws on any field that would need Kryo. {@link ServiceRequest} has a
 * serializer of its own instead, tested in {@link ServiceRequestSerializerTest}.
 */
class KryoFallbackTest {

    static Stream<Class<?>> recordTypes() {
        return Stream.concat(
                Stream.of(RawEvent.class, RejectedEvent.class, CaseVersion.class, RequestKey.class),
                GoldRecordTypes.all());
    }

    @ParameterizedTest
    @MethodSource("recordTypes")
    void isAPojoWithoutGenericFields(Class<?> type) {
        TypeInformation<?> info = TypeInformation.of(type);
        ExecutionConfig noKryo = new ExecutionConfig();
        noKryo.disableGenericTypes();

        assertThat(info).isInstanceOf(PojoTypeInfo.class);
        assertThatCode(() -> info.createSerializer(noKryo.getSerializerConfig()))
                .doesNotThrowAnyException();
    }
}
