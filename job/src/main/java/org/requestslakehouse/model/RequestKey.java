package org.requestslakehouse.model;

import java.util.Objects;

/**
 * Which request a version belongs to: (city, request id as published). Keys the per-request state of the silver
 * filter and the gold lifecycle, so the same id published by two cities never meets in one state entry. A Flink POJO
 * of two strings, serialised without Kryo; equals and hashCode are value-based and stable across JVMs, as keyBy
 * needs.
 */
public class RequestKey {
    public String city;
    public String requestId;

    public RequestKey() {}

    public RequestKey(String city, String requestId) {
        this.city = city;
        this.requestId = requestId;
    }

    public static RequestKey of(ServiceRequest request) {
        return new RequestKey(request.city, request.requestId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequestKey k && Objects.equals(city, k.city) && Objects.equals(requestId, k.requestId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(city, requestId);
    }

    @Override
    public String toString() {
        return city + "/" + requestId;
    }
}
