package org.requestslakehouse.dashboard;

import org.requestslakehouse.gold.lifecycle.CaseDimensions;
import org.requestslakehouse.model.ServiceRequest;

/** A silver case with the dimension values gold counts it under, normalised once when the table is read. */
public record SilverCase(ServiceRequest request, CaseDimensions dimensions) {
    public static SilverCase of(ServiceRequest request) {
        return new SilverCase(request, CaseDimensions.of(request));
    }
}
