package org.requestslakehouse.model;

/** A message that could not become a silver row, with the raw payload kept so it can be fixed and replayed. */
public class RejectedEvent {
    public String reasonCode;
    public String detail;
    public String sourceType;
    public String sourceName;
    public String sourcePartition;
    public String sourcePosition;
    public long ingestedAtMillis;
    public long rejectedAtMillis;
    public byte[] payload;
    /** The message's city when parsing got far enough to know it, else null. */
    public String city;

    public RejectedEvent() {}

    /** A rejection whose city is not known. */
    public static RejectedEvent of(RawEvent raw, RejectReason reason, String detail, long rejectedAtMillis) {
        return of(raw, reason, detail, null, rejectedAtMillis);
    }

    public static RejectedEvent of(
            RawEvent raw, RejectReason reason, String detail, String city, long rejectedAtMillis) {
        RejectedEvent r = new RejectedEvent();
        r.reasonCode = reason.name();
        r.detail = detail;
        r.sourceType = raw.sourceType;
        r.sourceName = raw.sourceName;
        r.sourcePartition = raw.sourcePartition;
        r.sourcePosition = raw.sourcePosition;
        r.ingestedAtMillis = raw.ingestedAtMillis;
        r.rejectedAtMillis = rejectedAtMillis;
        r.payload = raw.payload;
        r.city = city;
        return r;
    }

    @Override
    public String toString() {
        return "RejectedEvent{" + reasonCode + ": " + detail + " @" + sourceName + "/" + sourcePosition + "}";
    }
}
