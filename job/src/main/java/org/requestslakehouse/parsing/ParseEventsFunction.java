package org.requestslakehouse.parsing;

import java.util.EnumMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.requestslakehouse.metrics.JobMetrics;
import org.requestslakehouse.model.RawEvent;
import org.requestslakehouse.model.RejectReason;
import org.requestslakehouse.model.RejectedEvent;
import org.requestslakehouse.model.ServiceRequest;

/**
 * Parses raw events: parsed requests go to the main output, rejected messages (with their payload, for
 * fix-and-replay) to {@link #REJECTED}. Input can only ever route a message to one of the two outputs; it never
 * makes this function throw.
 *
 * <p>Metrics (in {@link JobMetrics}' group): counters {@code eventsIn}, {@code eventsParsed}, {@code eventsRejected},
 * and {@code eventsRejectedByReason} once per {@link RejectReason} under the key/value group {@code reason}, so an
 * alarm can key on the reason (a CloudWatch dimension on MSF, a Prometheus label locally).
 */
public class ParseEventsFunction extends ProcessFunction<RawEvent, ServiceRequest> {
    private static final long serialVersionUID = 1L;

    public static final OutputTag<RejectedEvent> REJECTED =
            new OutputTag<>("rejected-events", TypeInformation.of(RejectedEvent.class));

    static final String METRIC_EVENTS_IN = "eventsIn";
    static final String METRIC_EVENTS_PARSED = "eventsParsed";
    static final String METRIC_EVENTS_REJECTED = "eventsRejected";
    static final String METRIC_EVENTS_REJECTED_BY_REASON = "eventsRejectedByReason";
    static final String METRIC_REASON = "reason";

    private final RequestEventParser parser;
    private transient Counter eventsIn;
    private transient Counter eventsParsed;
    private transient Counter eventsRejected;
    private transient Map<RejectReason, Counter> rejectedByReason;

    public ParseEventsFunction(RequestEventParser parser) {
        this.parser = parser;
    }

    @Override
    public void open(OpenContext openContext) {
        MetricGroup metrics = JobMetrics.of(getRuntimeContext());
        eventsIn = metrics.counter(METRIC_EVENTS_IN);
        eventsParsed = metrics.counter(METRIC_EVENTS_PARSED);
        eventsRejected = metrics.counter(METRIC_EVENTS_REJECTED);
        rejectedByReason = new EnumMap<>(RejectReason.class);
        for (RejectReason reason : RejectReason.values()) {
            rejectedByReason.put(
                    reason, metrics.addGroup(METRIC_REASON, reason.name()).counter(METRIC_EVENTS_REJECTED_BY_REASON));
        }
    }

    @Override
    public void processElement(RawEvent raw, Context ctx, Collector<ServiceRequest> out) {
        eventsIn.inc();
        long now = System.currentTimeMillis();
        ParseOutcome outcome = parseGuarded(raw, now);
        if (outcome.isAccepted()) {
            eventsParsed.inc();
            out.collect(outcome.request());
        } else {
            eventsRejected.inc();
            rejectedByReason.get(outcome.reason()).inc();
            ctx.output(REJECTED, RejectedEvent.of(raw, outcome.reason(), outcome.detail(), outcome.city(), now));
        }
    }

    /**
     * The parser is written never to throw on input, but a bug in it must not turn one odd message into a
     * restart loop that stops the whole stream: the message is quarantined with the exception instead.
     */
    private ParseOutcome parseGuarded(RawEvent raw, long now) {
        try {
            return parser.parse(raw, now);
        } catch (RuntimeException | StackOverflowError e) {
            return ParseOutcome.rejected(RejectReason.PARSER_ERROR, e.toString());
        }
    }
}
