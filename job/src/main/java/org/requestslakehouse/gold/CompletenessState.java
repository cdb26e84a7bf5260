package org.requestslakehouse.gold;

/** What {@link GoldCompletenessOperator} must remember across a restart. */
public class CompletenessState {
    /** Watermark seen at the last checkpoint: the marker due at the next one. */
    public long watermarkAtLastCheckpoint;
    /** The last completeThrough emitted, in epoch millis, so markers never repeat or go backwards. */
    public long lastEmitted;

    public long largestWindowEnd;

    public CompletenessState() {}

    public CompletenessState(long watermarkAtLastCheckpoint, long lastEmitted, long largestWindowEnd) {
        this.watermarkAtLastCheckpoint = watermarkAtLastCheckpoint;
        this.lastEmitted = lastEmitted;
        this.largestWindowEnd = largestWindowEnd;
    }
}
