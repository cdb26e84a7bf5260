package org.requestslakehouse.pipeline;

import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.requestslakehouse.model.ServiceRequest;

/**
 * Stream time of an event: when it was emitted if the envelope says so, else when the case was opened.
 * Deliberately not closed_ts: a snapshot row of a closed case carries a closed time in the future of the
 * stream, and letting it advance the watermark would make every later-opened row late.
 */
public class StreamTimeAssigner implements SerializableTimestampAssigner<ServiceRequest> {
    @Override
    public long extractTimestamp(ServiceRequest request, long recordTimestamp) {
        return request.emittedAt != null ? request.emittedAt.toEpochMilli() : request.openTs.toEpochMilli();
    }
}
