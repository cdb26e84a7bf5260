package org.requestslakehouse.silver;

import org.apache.flink.api.java.functions.KeySelector;
import org.requestslakehouse.model.ServiceRequest;

/** Keys every per-case operator, so one case's versions meet in one place and stay ordered. */
public class CaseIdKeySelector implements KeySelector<ServiceRequest, Long> {
    @Override
    public Long getKey(ServiceRequest request) {
        return request.caseEnquiryId;
    }
}
