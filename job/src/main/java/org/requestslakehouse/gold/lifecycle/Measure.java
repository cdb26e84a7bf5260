package org.requestslakehouse.gold.lifecycle;

/** What a gold delta counts: a case opening in a window or a case closing in one. */
public enum Measure {
    OPENED,
    CLOSED
}
