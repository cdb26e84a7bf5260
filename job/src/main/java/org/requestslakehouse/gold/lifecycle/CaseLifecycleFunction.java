package org.requestslakehouse.gold.lifecycle;

import java.time.Duration;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.requestslakehouse.metrics.JobMetrics;
import org.requestslakehouse.model.RequestKey;
import org.requestslakehouse.model.ServiceRequest;

/**
 * Keyed by request (city, request id): turns the accepted versions of a case into +1/-1 changes to the gold windows, so that gold
 * always counts each case once, under its latest version.
 *
 * <p>A case contributes an opened part (counted in the window of open_ts) and, once closed, a closed part
 * (counted in the window of closed_ts). When a version changes a part, the old part is retracted before the new
 * one is added: a reopened case loses its closed part, a corrected closed_ts moves the closed part, a changed
 * neighborhood, department or type moves both. Parts a version leaves unchanged produce nothing, so duplicates
 * and replays never reach the windows.
 *
 * <p>Input contract: only versions that superseded the previous one (the silver latest-version filter's output),
 * keyed by request. That filter's tombstones only concern silver's row key and are ignored here.
 */
public class CaseLifecycleFunction extends KeyedProcessFunction<RequestKey, ServiceRequest, GoldDelta> {
    private static final int ADD = 1;
    private static final int RETRACT = -1;

    private final Duration stateTtl;
    private transient ValueState<CaseContribution> contribution;
    private transient Counter retractions;
    private transient Counter unchangedVersions;
    private transient Counter tombstonesIgnored;

    /**
     * @param stateTtl how long a case no version touched is remembered; null or zero keeps it forever. Use the
     *                 silver filter's TTL: a case forgotten here but not there, and then updated, would be
     *                 counted a second time instead of being moved
     */
    public CaseLifecycleFunction(Duration stateTtl) {
        this.stateTtl = stateTtl;
    }

    @Override
    public void open(Configuration parameters) {
        ValueStateDescriptor<CaseContribution> descriptor =
                new ValueStateDescriptor<>("gold-case-contribution", CaseContribution.class);
        if (stateTtl != null && !stateTtl.isZero()) {
            descriptor.enableTimeToLive(StateTtlConfig.newBuilder(stateTtl)
                    .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                    .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                    .build());
        }
        contribution = getRuntimeContext().getState(descriptor);
        MetricGroup metrics = JobMetrics.of(getRuntimeContext());
        retractions = metrics.counter("goldRetractions");
        unchangedVersions = metrics.counter("goldUnchangedVersions");
        tombstonesIgnored = metrics.counter("goldTombstonesIgnored");
    }

    @Override
    public void processElement(ServiceRequest version, Context ctx, Collector<GoldDelta> out) throws Exception {
        if (version.tombstone) {
            tombstonesIgnored.inc();
            return;
        }
        CaseContribution next = CaseContribution.of(version);
        CaseContribution previous = contribution.value();
        boolean openedKept = next.sameOpenedPart(previous);
        boolean closedKept = next.sameClosedPart(previous);
        int emitted = 0;

        if (previous != null && previous.hasOpenedPart() && !openedKept) {
            out.collect(previous.openedDelta(version, RETRACT));
            retractions.inc();
            emitted++;
        }
        if (previous != null && previous.hasClosedPart() && !closedKept) {
            out.collect(previous.closedDelta(version, RETRACT));
            retractions.inc();
            emitted++;
        }
        if (next.hasOpenedPart() && !openedKept) {
            out.collect(next.openedDelta(version, ADD));
            emitted++;
        }
        if (next.hasClosedPart() && !closedKept) {
            out.collect(next.closedDelta(version, ADD));
            emitted++;
        }
        if (emitted == 0) {
            unchangedVersions.inc();
        }
        // Written even when unchanged: every input is a version silver accepted, so this keeps the TTL clock
        // of the case in step with the silver filter's.
        contribution.update(next);
    }
}
