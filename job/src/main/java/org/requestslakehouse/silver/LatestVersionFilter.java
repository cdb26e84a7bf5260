package org.requestslakehouse.silver;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * Keyed by request (city, request id): passes a version on only when it supersedes the one silver holds, so silver converges to
 * the latest version by event time whatever the arrival order, and duplicates or replays write nothing.
 *
 * <p>Silver's upsert key is (open_ts, city, request_id), with open_ts because open_ts drives the partition spec. When a newer
 * version moves a case's open_ts, the old row sits under another key, so a tombstone for it is emitted first;
 * silver therefore keeps exactly one row per case.
 *
 * <p>A version's time is the latest of emitted_at, open_ts and closed_ts: a CSV snapshot row has no emitted_at,
 * and a case "closed before it was opened" (a real data quirk) must still order its closed version after the
 * open one.
 */
public class LatestVersionFilter extends KeyedProcessFunction<RequestKey, ServiceRequest, ServiceRequest> {
    private final Duration stateTtl;
    private transient ValueState<CaseVersion> current;
    private transient Counter superseded;
    private transient Counter duplicates;
    private transient Counter stale;

    /** @param stateTtl how long a case untouched by any event is remembered; zero keeps it forever */
    public LatestVersionFilter(Duration stateTtl) {
        this.stateTtl = stateTtl;
    }

    @Override
    public void open(Configuration parameters) {
        ValueStateDescriptor<CaseVersion> descriptor = new ValueStateDescriptor<>("silver-version", CaseVersion.class);
        if (!stateTtl.isZero()) {
            descriptor.enableTimeToLive(StateTtlConfig.newBuilder(stateTtl)
                    .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                    .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                    .build());
        }
        current = getRuntimeContext().getState(descriptor);
        MetricGroup metrics = JobMetrics.of(getRuntimeContext());
        superseded = metrics.counter("silverVersionsSuperseded");
        duplicates = metrics.counter("silverDuplicatesIgnored");
        stale = metrics.counter("silverStaleVersionsIgnored");
    }

    @Override
    public void processElement(ServiceRequest request, Context ctx, Collector<ServiceRequest> out) throws Exception {
        CaseVersion incoming = versionOf(request);
        CaseVersion stored = current.value();
        if (stored != null) {
            int order = incoming.compareTo(stored);
            if (order == 0) {
                duplicates.inc();
                return;
            }
            if (order < 0) {
                stale.inc();
                return;
            }
            superseded.inc();
            if (stored.openTsMicros != incoming.openTsMicros) {
                out.collect(tombstone(request, stored.openTsMicros));
            }
        }
        current.update(incoming);
        out.collect(request);
    }

    static CaseVersion versionOf(ServiceRequest r) {
        long time = r.openTs.toEpochMilli();
        if (r.closedTs != null) time = Math.max(time, r.closedTs.toEpochMilli());
        if (r.emittedAt != null) time = Math.max(time, r.emittedAt.toEpochMilli());
        int statusRank = "CLOSED".equals(r.caseStatus) ? 1 : 0;
        return new CaseVersion(
                time, statusRank, VersionFingerprint.of(r), ChronoUnit.MICROS.between(Instant.EPOCH, r.openTs));
    }

    private static ServiceRequest tombstone(ServiceRequest of, long openTsMicros) {
        ServiceRequest t = new ServiceRequest();
        t.city = of.city;
        t.requestId = of.requestId;
        t.caseEnquiryId = of.caseEnquiryId;
        t.openTs = Instant.EPOCH.plus(openTsMicros, ChronoUnit.MICROS);
        t.tombstone = true;
        return t;
    }
}
