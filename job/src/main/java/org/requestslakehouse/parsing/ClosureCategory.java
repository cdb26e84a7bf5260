package org.requestslakehouse.parsing;

/**
 * What a closure text says happened to a case, read from the verb or status code after "Case Closed" (see
 * {@link ClosureReasonParser} for the text shapes). Each constant lists the wordings that lead to it.
 */
public enum ClosureCategory {
    /** "Case Resolved", "Resolved", and the inspectors' "VIOCOR: Violation Corrected". */
    RESOLVED,
    /** "Case Scheduled" (2011 bulk item pickups) and "Bulk Item Automation", its 2019+ successor. */
    SCHEDULED,
    /** "Case Noted", "Noted": acknowledged, usually referred elsewhere or nothing to do. */
    NOTED,
    /** "Case Invalid". */
    INVALID,
    /** "Duplicate of Existing Case", "Case Duplicate". */
    DUPLICATE,
    /** "Internal Case": opened and closed by the crew that did the work. */
    INTERNAL,
    /** "VIOISS: Violation Filed". */
    VIOLATION_ISSUED,
    /** "NOVIO: No Violation Found/No Cause". */
    NO_VIOLATION,
    /** "ADCLSD: Administratively Closed". */
    ADMINISTRATIVE,
    /** A closure text in none of the known wordings. */
    OTHER
}
