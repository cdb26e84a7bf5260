package org.requestslakehouse.model;

import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * Flink's POJO analysis does not map {@link LocalDate} fields to its built-in LocalDate serializer and falls
 * back to Kryo; this annotation factory points it at the built-in one.
 */
public class LocalDateTypeInfoFactory extends TypeInfoFactory<LocalDate> {
    @Override
    public TypeInformation<LocalDate> createTypeInfo(Type t, Map<String, TypeInformation<?>> genericParameters) {
        return Types.LOCAL_DATE;
    }
}
