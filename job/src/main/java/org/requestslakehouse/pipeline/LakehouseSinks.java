package org.requestslakehouse.pipeline;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.requestslakehouse.gold.GoldRow;
import org.requestslakehouse.gold.GoldTable;
import org.requestslakehouse.gold.GoldWatermark;
import org.requestslakehouse.gold.LateCorrection;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.model.RejectedEvent;
import org.requestslakehouse.model.ServiceRequest;

/**
 * Where the pipeline's outputs go. Production wires Iceberg tables; tests may wire anything. The pipeline calls
 * each method once while building the job graph.
 */
public interface LakehouseSinks {
    /**
     * Every message as received, append-only.
     *
     * @param city the city every message is from, or null when each message's city is only known once parsed
     */
    void bronze(DataStream<RawEvent> events, String city);

    /** Newer versions of cases (upsert on the case), including tombstones that delete a row whose key moved. */
    void silver(DataStream<ServiceRequest> versions);

    void rejected(DataStream<RejectedEvent> rejected);

    /** Rows of one gold table; each element overwrites the previous value of the row with its key. */
    <R extends GoldRow> void gold(GoldTable<?, R> table, DataStream<R> rows);

    void watermarks(DataStream<GoldWatermark> rows);

    void lateCorrections(DataStream<LateCorrection> rows);
}
