package org.requestslakehouse.model;

import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Gives {@link ServiceRequest} its {@link ServiceRequestSerializer} wherever Flink derives its type. */
public final class ServiceRequestTypeInfo extends TypeInformation<ServiceRequest> {
    private static final long serialVersionUID = 1L;

    /** Named in {@link ServiceRequest}'s {@code @TypeInfo} annotation. */
    public static final class Factory extends TypeInfoFactory<ServiceRequest> {
        @Override
        public TypeInformation<ServiceRequest> createTypeInfo(
                Type t, Map<String, TypeInformation<?>> genericParameters) {
            return new ServiceRequestTypeInfo();
        }
    }

    @Override
    public TypeSerializer<ServiceRequest> createSerializer(SerializerConfig config) {
        return ServiceRequestSerializer.INSTANCE;
    }

    /** Abstract in Flink 1.20, gone in 2.x; without {@code @Override} this compiles against both. */
    @SuppressWarnings("deprecation")
    public TypeSerializer<ServiceRequest> createSerializer(ExecutionConfig config) {
        return ServiceRequestSerializer.INSTANCE;
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<ServiceRequest> getTypeClass() {
        return ServiceRequest.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public String toString() {
        return "ServiceRequest";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServiceRequestTypeInfo;
    }

    @Override
    public int hashCode() {
        return ServiceRequestTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object o) {
        return o instanceof ServiceRequestTypeInfo;
    }
}
