package org.requestslakehouse.gold;

/**
 * A recomputed gold row with the values its quantile columns may take (null when no resolution hours). The
 * row's own quantiles are the batch sketch's answers; a streaming row may differ within the bands.
 */
public record ExpectedRow<R>(R row, QuantileBand p50, QuantileBand p90) {}
