package org.requestslakehouse.replay;

/**
 * One message to publish.
 *
 * @param eventTimeMillis drives pacing; open_ts for snapshots, the emitted_at of lifecycle events
 * @param key             partition key: the case id, so one case's events stay in order
 */
public record ReplayEvent(long eventTimeMillis, String key, byte[] json) {}
