package org.requestslakehouse.silver;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.functions.KeySelector;
import org.requestslakehouse.model.RequestKey;
import org.requestslakehouse.model.ServiceRequest;

/**
 * Keys every per-case operator by (city, request id), so one request's versions meet in one place and stay ordered,
 * and the same id from two cities stays two requests.
 */
public class CaseIdKeySelector implements KeySelector<ServiceRequest, RequestKey> {
    private static final long serialVersionUID = 1L;

    /** The key type, given explicitly wherever a stream is keyed or reinterpreted as keyed. */
    public static final TypeInformation<RequestKey> KEY_TYPE = TypeInformation.of(RequestKey.class);

    @Override
    public RequestKey getKey(ServiceRequest request) {
        return RequestKey.of(request);
    }
}
