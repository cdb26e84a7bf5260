package org.requestslakehouse.reliability;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.requestslakehouse.model.DailySla;
import org.requestslakehouse.model.GoldWatermark;
import org.requestslakehouse.model.HourlyRequests;
import org.requestslakehouse.model.LateCorrection;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.model.RejectedEvent;
import org.requestslakehouse.model.ServiceRequest;
import org.requestslakehouse.pipeline.LakehouseSinks;

/** The real sinks, each behind a {@link FaultPoint} chained to the operator that feeds it. */
final class FaultInjectingSinks implements LakehouseSinks {
    private final LakehouseSinks delegate;

    FaultInjectingSinks(LakehouseSinks delegate) {
        this.delegate = delegate;
    }

    @Override
    public void bronze(DataStream<RawEvent> events) {
        delegate.bronze(FaultPoint.before(FaultLocations.BRONZE, events));
    }

    @Override
    public void silver(DataStream<ServiceRequest> versions) {
        delegate.silver(FaultPoint.before(FaultLocations.SILVER, versions));
    }

    @Override
    public void rejected(DataStream<RejectedEvent> rejected) {
        delegate.rejected(FaultPoint.before(FaultLocations.REJECTED, rejected));
    }

    @Override
    public void hourly(DataStream<HourlyRequests> rows) {
        delegate.hourly(FaultPoint.before(FaultLocations.HOURLY, rows));
    }

    @Override
    public void dailySla(DataStream<DailySla> rows) {
        delegate.dailySla(FaultPoint.before(FaultLocations.DAILY, rows));
    }

    @Override
    public void watermarks(DataStream<GoldWatermark> rows) {
        delegate.watermarks(FaultPoint.before(FaultLocations.WATERMARKS, rows));
    }

    @Override
    public void lateCorrections(DataStream<LateCorrection> rows) {
        delegate.lateCorrections(FaultPoint.before(FaultLocations.LATE_CORRECTIONS, rows));
    }
}
