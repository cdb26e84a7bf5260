package org.requestslakehouse.model;

/** Optional envelope field {@code event_type}. A plain CSV row turned into JSON has none and counts as SNAPSHOT. */
public enum EventType {
    OPENED,
    UPDATED,
    CLOSED,
    SNAPSHOT
}
