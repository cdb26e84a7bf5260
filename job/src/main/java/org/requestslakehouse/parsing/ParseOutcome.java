package org.requestslakehouse.parsing;

import java.util.Objects;
import org.requestslakehouse.model.RejectReason;
import org.requestslakehouse.model.ServiceRequest;

/** What became of one message: a parsed request, or the reason it was rejected with a human-readable detail. */
public final class ParseOutcome {
    /** Rejection details quote input; this keeps a rejected_events row small whatever the input was. */
    static final int MAX_DETAIL_CHARS = 500;

    private final ServiceRequest request;
    private final RejectReason rejectReason;
    private final String detail;
    private final String city;

    private ParseOutcome(ServiceRequest request, RejectReason rejectReason, String detail, String city) {
        this.request = request;
        this.rejectReason = rejectReason;
        this.detail = detail;
        this.city = city;
    }

    public static ParseOutcome accepted(ServiceRequest request) {
        return new ParseOutcome(Objects.requireNonNull(request), null, null, request.city);
    }

    /** A rejection of a message whose city is not known; see {@link #inCity}. @param detail truncated to {@value #MAX_DETAIL_CHARS} characters */
    public static ParseOutcome rejected(RejectReason reason, String detail) {
        return new ParseOutcome(null, Objects.requireNonNull(reason), truncate(detail), null);
    }

    /** This rejection, of a message known to be from {@code city}. */
    ParseOutcome inCity(String city) {
        return new ParseOutcome(request, rejectReason, detail, city);
    }

    /** The message's city: the request's when accepted, else when parsing got far enough to know it, else null. */
    public String city() {
        return city;
    }

    public boolean isAccepted() {
        return request != null;
    }

    /** The parsed request; null when rejected. */
    public ServiceRequest request() {
        return request;
    }

    /** Why it was rejected; null when accepted. */
    public RejectReason reason() {
        return rejectReason;
    }

    /** What exactly was wrong; null when accepted. */
    public String detail() {
        return detail;
    }

    private static String truncate(String detail) {
        if (detail == null || detail.length() <= MAX_DETAIL_CHARS) {
            return detail;
        }
        return detail.substring(0, MAX_DETAIL_CHARS - 3) + "...";
    }

    @Override
    public String toString() {
        return isAccepted() ? "accepted " + request : "rejected " + rejectReason + ": " + detail;
    }
}
