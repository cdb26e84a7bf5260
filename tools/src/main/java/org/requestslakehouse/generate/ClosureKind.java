package org.requestslakehouse.generate;

/** What the closure text says happened to a closed case; the parser's closure category should agree. */
public enum ClosureKind {
    RESOLVED,
    NOTED,
    INVALID,
    DUPLICATE,
    /** Opened and closed by the crew that did the work ("Case Closed Internal Case ..."). */
    INTERNAL
}
