package org.requestslakehouse.pipeline;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.requestslakehouse.model.DailySla;
import org.requestslakehouse.model.GoldWatermark;
import org.requestslakehouse.model.HourlyRequests;
import org.requestslakehouse.model.LateCorrection;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.model.RejectedEvent;
import org.requestslakehouse.model.ServiceRequest;

/**
 * Where the pipeline's outputs go. Production wires Iceberg tables; tests may wire anything. The pipeline calls
 * each method once while building the job graph.
 */
public interface LakehouseSinks {
    /** Every message as received, append-only. */
    void bronze(DataStream<RawEvent> events);

    /** Newer versions of cases (upsert on the case), including tombstones that delete a row whose key moved. */
    void silver(DataStream<ServiceRequest> versions);

    void rejected(DataStream<RejectedEvent> rejected);

    /** Each element overwrites the previous value of its (window_start, neighborhood) row. */
    void hourly(DataStream<HourlyRequests> rows);

    /** Each element overwrites the previous value of its (day, department, type) row. */
    void dailySla(DataStream<DailySla> rows);

    void watermarks(DataStream<GoldWatermark> rows);

    void lateCorrections(DataStream<LateCorrection> rows);
}
